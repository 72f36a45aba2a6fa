import { trimZeros } from "@exchange/contracts/money";
import type { Store, Tx } from "../services";
import type { LargeFillLine } from "./large-fill-lines";

/** A notification as the trader's lists show it. */
export interface NotificationRecord {
  id: bigint;
  userId: number;
  type: string;
  params: Record<string, string>;
  readAt: Date | null;
  createdAt: Date;
}

/** A notification to write: the business event's key makes it once. */
export interface NotificationDraft {
  userId: number;
  type: string;
  params: Record<string, string>;
  eventKey: string;
  mailPending: boolean;
}

const SELECTED = {
  id: true,
  userId: true,
  type: true,
  params: true,
  readAt: true,
  createdAt: true,
} as const;

type SelectedRow = Omit<NotificationRecord, "params"> & { params: unknown };

function recordOf(row: SelectedRow): NotificationRecord {
  return { ...row, params: row.params as Record<string, string> };
}

/** Writes the drafts whose event no notification has yet; returns those written. */
export async function insertNotifications(
  tx: Tx,
  drafts: readonly NotificationDraft[],
): Promise<NotificationRecord[]> {
  if (drafts.length === 0) return [];
  const rows = await tx.notification.createManyAndReturn({
    data: drafts.map((draft) => ({ ...draft })),
    skipDuplicates: true,
    select: SELECTED,
  });
  return rows.map(recordOf);
}

/** The user's notifications, newest first, `limit` of them older than the id `before`. */
export async function findNotifications(
  db: Store,
  userId: number,
  page: { limit: number; before?: bigint | undefined; unreadOnly?: boolean },
): Promise<NotificationRecord[]> {
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(page.before !== undefined ? { id: { lt: page.before } } : {}),
      ...(page.unreadOnly ? { readAt: null } : {}),
    },
    orderBy: { id: "desc" },
    take: page.limit,
    select: SELECTED,
  });
  return rows.map(recordOf);
}

export function countUnread(db: Store, userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markRead(db: Store, userId: number, id: bigint, at: Date): Promise<boolean> {
  const found = await db.notification.findFirst({ where: { id, userId }, select: { id: true } });
  if (!found) return false;
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: at } });
  return true;
}

export async function markAllRead(db: Store, userId: number, at: Date): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: at },
  });
  return count;
}

// ── Mail choices ────────────────────────────────────────────────────────────────────────────

/** The stored mail choices of the users, by `<userId>:<type>`. */
export async function findMailChoices(
  db: Store,
  userIds: readonly number[],
): Promise<Map<string, boolean>> {
  const rows = await db.notificationMailChoice.findMany({
    where: { userId: { in: [...new Set(userIds)] } },
    select: { userId: true, type: true, mail: true },
  });
  return new Map(rows.map((row) => [`${row.userId}:${row.type}`, row.mail]));
}

export async function saveMailChoice(
  db: Store,
  choice: { userId: number; type: string; mail: boolean },
): Promise<void> {
  await db.notificationMailChoice.upsert({
    where: { userId_type: { userId: choice.userId, type: choice.type } },
    create: choice,
    update: { mail: choice.mail },
  });
}

/** A notification whose mail is owed, with its reader's address and language. */
export interface OwedMail extends NotificationRecord {
  email: string;
  locale: string;
}

export async function findOwedMails(db: Store, limit: number): Promise<OwedMail[]> {
  const rows = await db.notification.findMany({
    where: { mailPending: true },
    orderBy: { id: "asc" },
    take: limit,
    select: { ...SELECTED, user: { select: { email: true, locale: true } } },
  });
  return rows.map(({ user, ...row }) => ({ ...recordOf(row), ...user }));
}

export async function clearOwedMail(db: Store, id: bigint): Promise<void> {
  await db.notification.update({ where: { id }, data: { mailPending: false } });
}

// ── Cursors of the sources ──────────────────────────────────────────────────────────────────

export async function readCursor(db: Store, source: string): Promise<bigint | undefined> {
  const row = await db.notificationCursor.findUnique({ where: { source } });
  return row?.position;
}

export async function saveCursor(db: Store, source: string, position: bigint): Promise<void> {
  await db.notificationCursor.upsert({
    where: { source },
    create: { source, position },
    update: { position },
  });
}

// ── What happened: the sources the pass reads ───────────────────────────────────────────────

/** One business event as a source row gives it; `at` orders the time sources. */
export interface SourceEvent {
  userId: number;
  eventKey: string;
  type: string;
  params: Record<string, string>;
  /** Epoch ms of a time source, the trade id of fills. */
  position: bigint;
}

interface AmountRow {
  id: string;
  user_id: number;
  asset: string;
  amount: string;
  at_ms: bigint;
}

/** Deposits credited after `afterMs` that no notification names yet, oldest first. */
export async function findCreditedDeposits(db: Store, afterMs: bigint, limit: number) {
  const rows = await db.$queryRaw<AmountRow[]>`
    SELECT d.id::text AS id, d.user_id, d.asset_code AS asset,
           (d.amount_atoms / power(10::numeric, a.precision))::text AS amount,
           (extract(epoch FROM d.credited_at) * 1000)::bigint AS at_ms
    FROM deposits d JOIN assets a ON a.code = d.asset_code
    WHERE d.status = 'CREDITED' AND d.credited_at > to_timestamp(${afterMs}::bigint / 1000.0) AT TIME ZONE 'utc'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'deposit:' || d.id)
    ORDER BY d.credited_at LIMIT ${limit}`;
  return rows.map(
    (row): SourceEvent => ({
      userId: row.user_id,
      eventKey: `deposit:${row.id}`,
      type: "deposit.credited",
      params: { asset: row.asset, amount: trimZeros(row.amount) },
      position: row.at_ms,
    }),
  );
}

interface WithdrawalRow extends AmountRow {
  address: string;
  reason: string | null;
}

/** Withdrawals sent to the chain after `afterMs` that no notification names yet. */
export async function findSentWithdrawals(db: Store, afterMs: bigint, limit: number) {
  const rows = await db.$queryRaw<WithdrawalRow[]>`
    SELECT w.id::text AS id, w.user_id, w.asset_code AS asset, w.to_address AS address, NULL AS reason,
           (w.amount_atoms / power(10::numeric, a.precision))::text AS amount,
           (extract(epoch FROM w.broadcast_at) * 1000)::bigint AS at_ms
    FROM withdrawals w JOIN assets a ON a.code = w.asset_code
    WHERE w.broadcast_at > to_timestamp(${afterMs}::bigint / 1000.0) AT TIME ZONE 'utc'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'withdrawal.sent:' || w.id)
    ORDER BY w.broadcast_at LIMIT ${limit}`;
  return rows.map(
    (row): SourceEvent => ({
      userId: row.user_id,
      eventKey: `withdrawal.sent:${row.id}`,
      type: "withdrawal.sent",
      params: { asset: row.asset, amount: trimZeros(row.amount), address: row.address },
      position: row.at_ms,
    }),
  );
}

/** Withdrawals finance rejected after `afterMs` that no notification names yet. */
export async function findRejectedWithdrawals(db: Store, afterMs: bigint, limit: number) {
  const rows = await db.$queryRaw<WithdrawalRow[]>`
    SELECT w.id::text AS id, w.user_id, w.asset_code AS asset, w.to_address AS address,
           w.reject_reason AS reason,
           (w.amount_atoms / power(10::numeric, a.precision))::text AS amount,
           (extract(epoch FROM w.ended_at) * 1000)::bigint AS at_ms
    FROM withdrawals w JOIN assets a ON a.code = w.asset_code
    WHERE w.status = 'REJECTED' AND w.ended_at > to_timestamp(${afterMs}::bigint / 1000.0) AT TIME ZONE 'utc'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'withdrawal.rejected:' || w.id)
    ORDER BY w.ended_at LIMIT ${limit}`;
  return rows.map(
    (row): SourceEvent => ({
      userId: row.user_id,
      eventKey: `withdrawal.rejected:${row.id}`,
      type: "withdrawal.rejected",
      params: { asset: row.asset, amount: trimZeros(row.amount), reason: row.reason ?? "" },
      position: row.at_ms,
    }),
  );
}

interface KycRow {
  id: number;
  user_id: number;
  status: "APPROVED" | "REJECTED";
  level: number;
  reason: string | null;
  at_ms: bigint;
}

/** Identity reviews decided after `afterMs` that no notification names yet. */
export async function findKycDecisions(db: Store, afterMs: bigint, limit: number) {
  const rows = await db.$queryRaw<KycRow[]>`
    SELECT k.id, k.user_id, k.status::text AS status, k.level, k.reject_reason AS reason,
           (extract(epoch FROM k.reviewed_at) * 1000)::bigint AS at_ms
    FROM kyc_submissions k
    WHERE k.status IN ('APPROVED', 'REJECTED')
      AND k.reviewed_at > to_timestamp(${afterMs}::bigint / 1000.0) AT TIME ZONE 'utc'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'kyc:' || k.id)
    ORDER BY k.reviewed_at LIMIT ${limit}`;
  return rows.map(
    (row): SourceEvent => ({
      userId: row.user_id,
      eventKey: `kyc:${row.id}`,
      type: row.status === "APPROVED" ? "kyc.approved" : "kyc.rejected",
      params:
        row.status === "APPROVED" ? { level: String(row.level) } : { reason: row.reason ?? "" },
      position: row.at_ms,
    }),
  );
}

interface FillRow {
  trade_id: number;
  symbol: string;
  taker_side: string;
  taker_user_id: number;
  maker_user_id: number;
  price: string;
  quantity: string;
  quote_amount: string;
  quote_asset: string;
}

/**
 * Both sides of the trades after `afterTradeId` whose value reached their quote asset's line,
 * and the last trade id read (large or not), so the next pass starts after it.
 */
export async function findLargeFills(
  db: Store,
  afterTradeId: bigint,
  lines: readonly LargeFillLine[],
  limit: number,
): Promise<{ events: SourceEvent[]; lastTradeId: bigint }> {
  // The bound is read first: a trade projected while this pass reads is left for the next one.
  const full = await db.$queryRaw<{ trade_id: number }[]>`
    SELECT trade_id FROM trades WHERE trade_id > ${afterTradeId}::bigint
    ORDER BY trade_id LIMIT 1 OFFSET ${limit - 1}`;
  const upTo = full[0] ? BigInt(full[0].trade_id) : await lastTradeIdOf(db);
  if (lines.length === 0 || upTo <= afterTradeId) return { events: [], lastTradeId: upTo };
  const rows = await db.$queryRaw<FillRow[]>`
    SELECT t.trade_id, t.symbol, t.taker_side, t.taker_user_id, t.maker_user_id,
           (t.price_ticks * m.price_tick)::text AS price,
           (t.qty_lots * m.lot_size)::text AS quantity,
           (t.quote_atoms / power(10::numeric, q.precision))::text AS quote_amount,
           m.quote_asset
    FROM trades t
    JOIN markets m ON m.symbol = t.symbol
    JOIN assets q ON q.code = m.quote_asset
    JOIN unnest(${lines.map((l) => l.quoteAsset)}::text[], ${lines.map((l) => l.minNotional)}::numeric[])
      AS line(asset, min_notional) ON line.asset = m.quote_asset
    WHERE t.trade_id > ${afterTradeId}::bigint AND t.trade_id <= ${upTo}::bigint
      AND t.quote_atoms / power(10::numeric, q.precision) >= line.min_notional
    ORDER BY t.trade_id`;
  return { events: rows.flatMap(fillEvents), lastTradeId: upTo };
}

/** The newest trade id (0 without trades): where a first pass of fills starts. */
export async function lastTradeIdOf(db: Store): Promise<bigint> {
  const rows = await db.$queryRaw<
    { max: number | null }[]
  >`SELECT max(trade_id) AS max FROM trades`;
  return BigInt(rows[0]?.max ?? 0);
}

function fillEvents(row: FillRow): SourceEvent[] {
  const makerSide = row.taker_side === "buy" ? "sell" : "buy";
  const common = {
    symbol: row.symbol,
    price: trimZeros(row.price),
    quantity: trimZeros(row.quantity),
    quoteAmount: trimZeros(row.quote_amount),
    quoteAsset: row.quote_asset,
  };
  return [
    { userId: row.taker_user_id, role: "taker", side: row.taker_side },
    { userId: row.maker_user_id, role: "maker", side: makerSide },
  ].map((side) => ({
    userId: side.userId,
    eventKey: `fill:${row.trade_id}:${side.role}`,
    type: "order.largeFill",
    params: { ...common, side: side.side },
    position: BigInt(row.trade_id),
  }));
}

interface LiquidationRow {
  id: string;
  user_id: number;
  symbol: string;
  long: boolean;
  quantity: string;
  mark_price: string;
  bankruptcy_price: string;
  at_ms: bigint;
}

/** Perpetual positions liquidated after `afterMs` that no notification names yet, oldest first. */
export async function findLiquidatedPositions(db: Store, afterMs: bigint, limit: number) {
  const rows = await db.$queryRaw<LiquidationRow[]>`
    SELECT l.id::text AS id, l.user_id, l.symbol, l.qty_lots > 0 AS long,
           (abs(l.qty_lots) * m.lot_size)::text AS quantity,
           (l.mark_price_ticks * m.price_tick)::text AS mark_price,
           (l.bankruptcy_price_ticks * m.price_tick)::text AS bankruptcy_price,
           (extract(epoch FROM l.at) * 1000)::bigint AS at_ms
    FROM liquidations l JOIN markets m ON m.symbol = l.symbol
    WHERE l.at > to_timestamp(${afterMs}::bigint / 1000.0) AT TIME ZONE 'utc'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'position.liquidated:' || l.id)
    ORDER BY l.at LIMIT ${limit}`;
  return rows.map(
    (row): SourceEvent => ({
      userId: row.user_id,
      eventKey: `position.liquidated:${row.id}`,
      type: "position.liquidated",
      params: {
        symbol: row.symbol,
        side: row.long ? "long" : "short",
        quantity: trimZeros(row.quantity),
        markPrice: trimZeros(row.mark_price),
        bankruptcyPrice: trimZeros(row.bankruptcy_price),
      },
      position: row.at_ms,
    }),
  );
}

/** How long before its maturity a loan's borrower is told (`loan.maturing`). */
export const LOAN_MATURING_NOTICE_MS = 24n * 60n * 60n * 1000n;

interface MaturingRow {
  id: string;
  user_id: number;
  collateral_asset: string;
  loan_asset: string;
  debt: string;
  matures_at: string;
  at_ms: bigint;
}

/**
 * Open loans whose notice time (a day before maturity) fell after `afterMs` and is not after
 * `nowMs`, that no notification names yet, oldest first. The debt is as last projected.
 */
export async function findMaturingLoans(db: Store, afterMs: bigint, limit: number, nowMs: bigint) {
  const notice = LOAN_MATURING_NOTICE_MS;
  const rows = await db.$queryRaw<MaturingRow[]>`
    SELECT l.id::text AS id, l.user_id, l.collateral_asset, l.loan_asset,
           ((l.principal_atoms + l.interest_atoms) / power(10::numeric, a.precision))::text AS debt,
           (extract(epoch FROM l.matures_at) * 1000)::bigint::text AS matures_at,
           ((extract(epoch FROM l.matures_at) * 1000)::bigint - ${notice}::bigint) AS at_ms
    FROM loans l JOIN assets a ON a.code = l.loan_asset
    WHERE l.status = 'OPEN' AND l.matures_at IS NOT NULL
      AND (extract(epoch FROM l.matures_at) * 1000)::bigint - ${notice}::bigint > ${afterMs}::bigint
      AND (extract(epoch FROM l.matures_at) * 1000)::bigint - ${notice}::bigint <= ${nowMs}::bigint
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_key = 'loan.maturing:' || l.id)
    ORDER BY l.matures_at LIMIT ${limit}`;
  return rows.map(
    (row): SourceEvent => ({
      userId: row.user_id,
      eventKey: `loan.maturing:${row.id}`,
      type: "loan.maturing",
      params: {
        collateralAsset: row.collateral_asset,
        loanAsset: row.loan_asset,
        debt: trimZeros(row.debt),
        maturesAt: row.matures_at,
      },
      position: BigInt(row.at_ms),
    }),
  );
}

/**
 * Notifications of `types` (written by another process, which pushes none) after the id
 * `afterId`, oldest first: the notifier pushes them to their readers.
 */
export async function findWrittenElsewhere(
  db: Store,
  types: readonly string[],
  afterId: bigint,
  limit: number,
): Promise<NotificationRecord[]> {
  const rows = await db.notification.findMany({
    where: { id: { gt: afterId }, type: { in: [...types] } },
    orderBy: { id: "asc" },
    take: limit,
    select: SELECTED,
  });
  return rows.map(recordOf);
}

/** The highest notification id so far (0 with none): where a new relay starts. */
export async function lastNotificationId(db: Store): Promise<bigint> {
  const row = await db.notification.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

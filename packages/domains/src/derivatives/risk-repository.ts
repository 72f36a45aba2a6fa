import { storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";
import {
  findLiquidations,
  type IdPage,
  type LiquidationRecord,
  type PositionRecord,
} from "./derivatives-repository";

/**
 * What operations' futures risk view reads beyond a trader's own rows (issue 20 §8): every open
 * position with its owner's cross wallet, open interest per contract, a liquidation's book fills
 * (`trades` of its command for its owner) and auto-deleveraging lines (`position_events`), and
 * each funding settlement's lines. Read-only: the projector writes all of it. The rows come
 * from derivatives-repository.ts's read models; bigint engine units.
 */

/** More open positions than this are not ranked on one page (the list is sorted in memory). */
export const RISK_POSITIONS_READ_MAX = 5_000;

export interface StaffPositionRecord extends PositionRecord {
  email: string;
  /** The owner's futures wallet in the contract's settle asset (a cross position's margin). */
  walletAtoms: bigint;
}

/**
 * Open positions of every trader (one contract's with `symbol`), at most
 * {@link RISK_POSITIONS_READ_MAX}, with their owners' emails and wallets in `settleOf(symbol)`.
 */
export async function findAllOpenPositions(
  db: Store,
  filter: { symbol?: string | undefined },
): Promise<{ positions: StaffPositionRecord[]; total: number }> {
  const where = {
    qtyLots: { not: 0 },
    ...(filter.symbol === undefined ? {} : { symbol: filter.symbol }),
  };
  const [rows, total] = await Promise.all([
    db.position.findMany({
      where,
      orderBy: [{ symbol: "asc" }, { userId: "asc" }],
      take: RISK_POSITIONS_READ_MAX,
    }),
    db.position.count({ where }),
  ]);
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const [wallets, users] = await Promise.all([
    db.futuresWallet.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, asset: true, walletAtoms: true },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
  ]);
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const walletOf = new Map(
    wallets.map((w) => [`${w.userId}|${w.asset}`, storedUnits(w.walletAtoms)]),
  );
  const settles = await db.market.findMany({
    where: { symbol: { in: [...new Set(rows.map((r) => r.symbol))] } },
    select: { symbol: true, quoteAsset: true },
  });
  const settleOf = new Map(settles.map((m) => [m.symbol, m.quoteAsset]));
  const positions = rows.map((r) => ({
    userId: r.userId,
    email: emailOf.get(r.userId) ?? "",
    symbol: r.symbol,
    qtyLots: storedUnits(r.qtyLots),
    costAtoms: storedUnits(r.costAtoms),
    mode: r.mode,
    leverage: r.leverage,
    isolatedMarginAtoms: storedUnits(r.isolatedMarginAtoms),
    realisedPnlAtoms: storedUnits(r.realisedPnlAtoms),
    liquidationPriceTicks:
      r.liquidationPriceTicks === null ? null : storedUnits(r.liquidationPriceTicks),
    updatedAt: r.updatedAt,
    walletAtoms: walletOf.get(`${r.userId}|${settleOf.get(r.symbol)}`) ?? 0n,
  }));
  return { positions, total };
}

/** A contract's open interest: the long side's lots (the short side's are the same) and counts. */
export interface OpenInterestRecord {
  symbol: string;
  longLots: bigint;
  shortLots: bigint;
  longPositions: number;
  shortPositions: number;
}

/** Every contract's open interest with at least one open position. */
export async function findOpenInterest(db: Store): Promise<Map<string, OpenInterestRecord>> {
  const rows = await db.$queryRaw<
    Array<{ symbol: string; long: string; short: string; longs: number; shorts: number }>
  >`
    SELECT symbol,
           coalesce(sum(qty_lots) FILTER (WHERE qty_lots > 0), 0)::text AS long,
           coalesce(-sum(qty_lots) FILTER (WHERE qty_lots < 0), 0)::text AS short,
           (count(*) FILTER (WHERE qty_lots > 0))::int AS longs,
           (count(*) FILTER (WHERE qty_lots < 0))::int AS shorts
      FROM positions
     WHERE qty_lots <> 0
     GROUP BY symbol`;
  return new Map(
    rows.map((r) => [
      r.symbol,
      {
        symbol: r.symbol,
        longLots: BigInt(r.long),
        shortLots: BigInt(r.short),
        longPositions: r.longs,
        shortPositions: r.shorts,
      },
    ]),
  );
}

export interface StaffLiquidationRecord extends LiquidationRecord {
  email: string;
  seq: bigint;
  commandId: string;
}

/** Every liquidation (one contract's with `symbol`), newest first, with its owner's email. */
export async function findStaffLiquidations(
  db: Store,
  page: IdPage & { symbol?: string | undefined },
): Promise<StaffLiquidationRecord[]> {
  const records = await findLiquidations(db, page);
  return withOwners(db, records);
}

/** One liquidation by id with its owner, or null. */
export async function findStaffLiquidation(
  db: Store,
  id: bigint,
): Promise<StaffLiquidationRecord | null> {
  const [record] = await findLiquidations(db, { limit: 1, before: id + 1n });
  if (record === undefined || record.id !== id) return null;
  const [withOwner] = await withOwners(db, [record]);
  return withOwner ?? null;
}

async function withOwners(
  db: Store,
  records: LiquidationRecord[],
): Promise<StaffLiquidationRecord[]> {
  if (records.length === 0) return [];
  const ids = records.map((r) => r.id);
  const [rows, users] = await Promise.all([
    db.liquidation.findMany({
      where: { id: { in: ids } },
      select: { id: true, seq: true, commandId: true },
    }),
    db.user.findMany({
      where: { id: { in: [...new Set(records.map((r) => r.userId))] } },
      select: { id: true, email: true },
    }),
  ]);
  const placeOf = new Map(rows.map((r) => [r.id, r]));
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return records.map((r) => ({
    ...r,
    email: emailOf.get(r.userId) ?? "",
    seq: placeOf.get(r.id)?.seq ?? 0n,
    commandId: placeOf.get(r.id)?.commandId ?? "",
  }));
}

/** One book fill of a liquidation's close: the owner's IOC order is always the taker. */
export interface CloseFillRecord {
  tradeId: number;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  /** The resting order's owner, who took the position over. */
  makerUserId: number;
  executedAt: Date;
}

/** The trades of the liquidating command in the contract taken by the liquidated trader. */
export async function findCloseFills(
  db: Store,
  liquidation: { seq: bigint; symbol: string; userId: number },
): Promise<CloseFillRecord[]> {
  const rows = await db.trade.findMany({
    where: { seq: liquidation.seq, symbol: liquidation.symbol, takerUserId: liquidation.userId },
    orderBy: { tradeId: "asc" },
    select: {
      tradeId: true,
      priceTicks: true,
      qtyLots: true,
      quoteAtoms: true,
      makerUserId: true,
      executedAt: true,
    },
  });
  return rows.map((r) => ({
    tradeId: r.tradeId,
    priceTicks: storedUnits(r.priceTicks),
    qtyLots: storedUnits(r.qtyLots),
    quoteAtoms: storedUnits(r.quoteAtoms),
    makerUserId: r.makerUserId,
    executedAt: r.executedAt,
  }));
}

/** A position reduced by auto-deleveraging against a liquidation. */
export interface DeleverageRecord {
  userId: number;
  email: string;
  /** The position before and after the reduction, signed lots. */
  qtyBeforeLots: bigint;
  qtyAfterLots: bigint;
  priceTicks: bigint | null;
  realisedPnlAtoms: bigint;
  at: Date;
}

/**
 * The DELEVERAGE lines of the liquidating command in the contract, each with the position's
 * size before it (its previous history line), so the quantity taken over is their difference.
 */
export async function findDeleverages(
  db: Store,
  liquidation: { commandId: string; symbol: string },
): Promise<DeleverageRecord[]> {
  const rows = await db.$queryRaw<
    Array<{
      user_id: number;
      email: string;
      before: string | null;
      after: string;
      price: string | null;
      realised: string;
      at: Date;
    }>
  >`
    SELECT e.user_id, u.email,
           (SELECT p.qty_lots FROM position_events p
             WHERE p.user_id = e.user_id AND p.symbol = e.symbol AND p.id < e.id
             ORDER BY p.id DESC LIMIT 1)::text AS before,
           e.qty_lots::text AS after, e.price_ticks::text AS price,
           e.realised_pnl_atoms::text AS realised, e.at
      FROM position_events e JOIN users u ON u.id = e.user_id
     WHERE e.command_id = ${liquidation.commandId} AND e.symbol = ${liquidation.symbol}
       AND e.kind = 'DELEVERAGE'
     ORDER BY e.id`;
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    qtyBeforeLots: BigInt(r.before ?? "0"),
    qtyAfterLots: BigInt(r.after),
    priceTicks: r.price === null ? null : BigInt(r.price),
    realisedPnlAtoms: BigInt(r.realised),
    at: r.at,
  }));
}

/** A funding settlement with the sum of its positions' own lines (paid > 0, received < 0). */
export interface FundingRowRecord {
  fundingTime: Date;
  ratePpm: number;
  markPriceTicks: bigint;
  paidAtoms: bigint;
  receivedAtoms: bigint;
  roundingAtoms: bigint;
  positions: number;
  linesNetAtoms: bigint;
  lines: number;
}

/** A contract's funding settlements, newest first, `limit` before the funding time `before`. */
export async function findFundingRows(
  db: Store,
  symbol: string,
  page: { limit: number; before?: Date | undefined },
): Promise<FundingRowRecord[]> {
  const before = page.before ?? new Date("9999-12-31T00:00:00Z");
  const rows = await db.$queryRaw<
    Array<{
      funding_time: Date;
      rate_ppm: number;
      mark: string;
      paid: string;
      received: string;
      rounding: string;
      positions: number;
      lines_net: string;
      lines: number;
    }>
  >`
    SELECT f.funding_time, f.rate_ppm, f.mark_price_ticks::text AS mark,
           f.paid_atoms::text AS paid, f.received_atoms::text AS received,
           f.rounding_atoms::text AS rounding, f.positions,
           coalesce(sum(e.funding_atoms), 0)::text AS lines_net, count(e.id)::int AS lines
      FROM funding_settlements f
      LEFT JOIN position_events e
        ON e.seq = f.seq AND e.symbol = f.symbol AND e.kind = 'FUNDING'
     WHERE f.symbol = ${symbol} AND f.funding_time < ${before}
     GROUP BY f.symbol, f.funding_time
     ORDER BY f.funding_time DESC
     LIMIT ${page.limit}`;
  return rows.map((r) => ({
    fundingTime: r.funding_time,
    ratePpm: r.rate_ppm,
    markPriceTicks: BigInt(r.mark),
    paidAtoms: BigInt(r.paid),
    receivedAtoms: BigInt(r.received),
    roundingAtoms: BigInt(r.rounding),
    positions: r.positions,
    linesNetAtoms: BigInt(r.lines_net),
    lines: r.lines,
  }));
}

/** A liquidation's share of the insurance fund (never zero). */
export interface InsuranceLiquidationRecord {
  id: bigint;
  symbol: string;
  userId: number;
  email: string;
  insuranceAtoms: bigint;
  at: Date;
}

/**
 * The liquidations of contracts settled in `asset` that moved the insurance fund, newest first
 * (at most `limit`), and over all of them what they left to it and what it covered.
 */
export async function findInsuranceLiquidations(
  db: Store,
  asset: string,
  limit: number,
): Promise<{ lines: InsuranceLiquidationRecord[]; takenInAtoms: bigint; paidOutAtoms: bigint }> {
  const [lines, [totals]] = await Promise.all([
    db.$queryRaw<
      Array<{
        id: bigint;
        symbol: string;
        user_id: number;
        email: string;
        insurance: string;
        at: Date;
      }>
    >`
      SELECT l.id, l.symbol, l.user_id, u.email, l.insurance_atoms::text AS insurance, l.at
        FROM liquidations l
        JOIN markets m ON m.symbol = l.symbol
        JOIN users u ON u.id = l.user_id
       WHERE m.quote_asset = ${asset} AND l.insurance_atoms <> 0
       ORDER BY l.id DESC
       LIMIT ${limit}`,
    db.$queryRaw<Array<{ taken_in: string; paid_out: string }>>`
      SELECT coalesce(sum(l.insurance_atoms) FILTER (WHERE l.insurance_atoms > 0), 0)::text
               AS taken_in,
             coalesce(-sum(l.insurance_atoms) FILTER (WHERE l.insurance_atoms < 0), 0)::text
               AS paid_out
        FROM liquidations l JOIN markets m ON m.symbol = l.symbol
       WHERE m.quote_asset = ${asset}`,
  ]);
  return {
    lines: lines.map((r) => ({
      id: r.id,
      symbol: r.symbol,
      userId: r.user_id,
      email: r.email,
      insuranceAtoms: BigInt(r.insurance),
      at: r.at,
    })),
    takenInAtoms: BigInt(totals?.taken_in ?? "0"),
    paidOutAtoms: BigInt(totals?.paid_out ?? "0"),
  };
}

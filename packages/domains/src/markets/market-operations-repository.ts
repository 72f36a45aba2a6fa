import type { Market, MarketStatus } from "@exchange/contracts/market";
import type { Store } from "../services";

/**
 * The market operations' repository: assets and markets staff create, and the status changes
 * they ask for (`market_status_changes`). A market's `status` column is not written here: the
 * worker projects it from the engine's events.
 */

export type StatusChangeState = "PENDING" | "SENDING" | "DONE" | "REJECTED" | "CANCELLED";

export interface StatusChangeRecord {
  id: string;
  symbol: string;
  status: MarketStatus;
  runAt: Date;
  state: StatusChangeState;
  requestedById: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const CHANGE_SELECT = {
  id: true,
  symbol: true,
  status: true,
  runAt: true,
  state: true,
  requestedById: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

export async function findAssetPrecisions(
  db: Store,
  codes: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.asset.findMany({
    where: { code: { in: [...codes] } },
    select: { code: true, precision: true },
  });
  return new Map(rows.map((row) => [row.code, row.precision]));
}

export async function assetExists(db: Store, code: string): Promise<boolean> {
  return (await db.asset.count({ where: { code } })) > 0;
}

export async function insertAsset(
  db: Store,
  asset: {
    code: string;
    name: string;
    precision: number;
    maxAmount: string;
    status: "ACTIVE" | "DISABLED";
  },
): Promise<void> {
  await db.asset.create({ data: asset });
}

export type AssetStatus = "ACTIVE" | "DISABLED";

export async function findAsset(db: Store, code: string) {
  return db.asset.findUnique({
    where: { code },
    select: { code: true, name: true, precision: true, maxAmount: true, status: true },
  });
}

/** Moves the asset from `from` to `to`; false when its status was no longer `from`. */
export async function moveAssetStatus(
  db: Store,
  move: { code: string; from: AssetStatus; to: AssetStatus },
): Promise<boolean> {
  const { count } = await db.asset.updateMany({
    where: { code: move.code, status: move.from },
    data: { status: move.to },
  });
  return count === 1;
}

export async function findMarketStatus(db: Store, symbol: string): Promise<MarketStatus | null> {
  const row = await db.market.findUnique({ where: { symbol }, select: { status: true } });
  return row?.status ?? null;
}

/** Inserts a market the engine accepted; sorted after every market listed before it. */
export async function insertMarket(db: Store, market: Market): Promise<void> {
  const last = await db.market.aggregate({ _max: { sortOrder: true } });
  await db.market.create({
    data: {
      symbol: market.symbol,
      baseAsset: market.baseAsset,
      quoteAsset: market.quoteAsset,
      priceTick: market.priceTick,
      lotSize: market.lotSize,
      minQty: market.minQty,
      maxQty: market.maxQty,
      maxPrice: market.maxPrice,
      minNotional: market.minNotional,
      maxNotional: market.maxNotional,
      maxOpenOrders: market.maxOpenOrders,
      makerFeeRate: market.makerFeeRate,
      takerFeeRate: market.takerFeeRate,
      status: market.status,
      sortOrder: (last._max.sortOrder ?? 0) + 1,
    },
  });
}

/** Removes a market the engine refused, before anything refers to it. */
export async function deleteMarket(db: Store, symbol: string): Promise<void> {
  await db.market.delete({ where: { symbol } });
}

export async function insertStatusChange(
  db: Store,
  change: Pick<
    StatusChangeRecord,
    "id" | "symbol" | "status" | "runAt" | "state" | "requestedById"
  >,
): Promise<StatusChangeRecord> {
  return db.marketStatusChange.create({ data: change, select: CHANGE_SELECT });
}

export async function findStatusChange(db: Store, id: string): Promise<StatusChangeRecord | null> {
  return db.marketStatusChange.findUnique({ where: { id }, select: CHANGE_SELECT });
}

/** Moves a change from `from` to `to` only if it is still in `from`; whether it moved. */
export async function moveStatusChange(
  db: Store,
  id: string,
  from: StatusChangeState,
  to: { state: StatusChangeState; error?: string | null; finishedAt?: Date | null },
): Promise<boolean> {
  const { count } = await db.marketStatusChange.updateMany({
    where: { id, state: from },
    data: to,
  });
  return count === 1;
}

/** Changes due by `now` that nobody took yet, and those a crash left sent but unanswered. */
export async function findRunnableStatusChanges(
  db: Store,
  now: Date,
  limit: number,
): Promise<StatusChangeRecord[]> {
  return db.marketStatusChange.findMany({
    where: { OR: [{ state: "PENDING", runAt: { lte: now } }, { state: "SENDING" }] },
    orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: CHANGE_SELECT,
  });
}

/** The latest changes, waiting ones first, then by time (newest first). */
export async function findStatusChanges(db: Store, limit: number): Promise<StatusChangeRecord[]> {
  const rows = await db.marketStatusChange.findMany({
    orderBy: [{ runAt: "desc" }],
    take: limit,
    select: CHANGE_SELECT,
  });
  const waiting = (r: StatusChangeRecord) => (r.state === "PENDING" ? 0 : 1);
  return rows.sort((a, b) => waiting(a) - waiting(b));
}

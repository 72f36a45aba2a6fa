import { type StoredDecimal, storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * Market data's repository: the only code that reads the `trades` and `klines` read models for
 * public market data (the worker writes them). Engine units come back as bigints; the services
 * turn them into the market's decimals. Recent trades, tickers and depth live in Redis, read by
 * the services directly.
 */

/** A market's latest `limit` trades, newest first, in engine units. */
export async function findMarketTrades(db: Store, symbol: string, limit: number) {
  const rows = await db.trade.findMany({
    where: { symbol },
    orderBy: { tradeId: "desc" },
    take: limit,
    select: { tradeId: true, priceTicks: true, qtyLots: true, takerSide: true, executedAt: true },
  });
  return rows.map((r) => ({
    tradeId: r.tradeId,
    priceTicks: storedUnits(r.priceTicks),
    qtyLots: storedUnits(r.qtyLots),
    takerSide: r.takerSide,
    executedAt: r.executedAt,
  }));
}

/**
 * A market's trades from an id or within a time range, oldest first, at most `limit`: from
 * `fromId` (inclusive), else from `from` (inclusive) up to `to` (inclusive), in engine units.
 */
export async function findMarketTradesInRange(
  db: Store,
  query: {
    symbol: string;
    fromId?: number | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
  },
) {
  const executedAt = {
    ...(query.from ? { gte: query.from } : {}),
    ...(query.to ? { lte: query.to } : {}),
  };
  const rows = await db.trade.findMany({
    where: {
      symbol: query.symbol,
      ...(query.fromId !== undefined ? { tradeId: { gte: query.fromId } } : {}),
      ...(query.from || query.to ? { executedAt } : {}),
    },
    orderBy: { tradeId: "asc" },
    take: query.limit,
    select: { tradeId: true, priceTicks: true, qtyLots: true, takerSide: true, executedAt: true },
  });
  return rows.map((r) => ({
    tradeId: r.tradeId,
    priceTicks: storedUnits(r.priceTicks),
    qtyLots: storedUnits(r.qtyLots),
    takerSide: r.takerSide,
    executedAt: r.executedAt,
  }));
}

/**
 * Candles of one interval opening within [from, to], newest first; with `from`, the `limit`
 * earliest of the range (then still answered newest first), else the `limit` latest.
 */
export async function findKlinesInRange(
  db: Store,
  query: {
    symbol: string;
    interval: string;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
  },
) {
  const openTime = {
    ...(query.from ? { gte: query.from } : {}),
    ...(query.to ? { lte: query.to } : {}),
  };
  const rows = await db.kline.findMany({
    where: {
      symbol: query.symbol,
      interval: query.interval,
      ...(query.from || query.to ? { openTime } : {}),
    },
    orderBy: { openTime: query.from ? "asc" : "desc" },
    take: query.limit,
    select: KLINE_COLUMNS,
  });
  if (query.from) rows.reverse();
  return rows.map(klineUnits);
}

const KLINE_COLUMNS = {
  openTime: true,
  openTicks: true,
  highTicks: true,
  lowTicks: true,
  closeTicks: true,
  volumeLots: true,
  quoteAtoms: true,
  tradeCount: true,
} as const;

/** The `limit` latest candles of one interval (opening before `before`), newest first. */
export async function findKlines(
  db: Store,
  query: { symbol: string; interval: string; before?: Date | undefined; limit: number },
) {
  const rows = await db.kline.findMany({
    where: {
      symbol: query.symbol,
      interval: query.interval,
      ...(query.before ? { openTime: { lt: query.before } } : {}),
    },
    orderBy: { openTime: "desc" },
    take: query.limit,
    select: KLINE_COLUMNS,
  });
  return rows.map(klineUnits);
}

/** A stored candle with its amounts as engine units. */
function klineUnits(r: {
  openTime: Date;
  openTicks: StoredDecimal;
  highTicks: StoredDecimal;
  lowTicks: StoredDecimal;
  closeTicks: StoredDecimal;
  volumeLots: StoredDecimal;
  quoteAtoms: StoredDecimal;
  tradeCount: number;
}) {
  return {
    openTime: r.openTime,
    openTicks: storedUnits(r.openTicks),
    highTicks: storedUnits(r.highTicks),
    lowTicks: storedUnits(r.lowTicks),
    closeTicks: storedUnits(r.closeTicks),
    volumeLots: storedUnits(r.volumeLots),
    quoteAtoms: storedUnits(r.quoteAtoms),
    tradeCount: r.tradeCount,
  };
}

import type { OrderFacts } from "@exchange/contracts/order";
import type { Store } from "../services";
import { orderFactsOf, type TradeFacts, tradeFactsOf } from "./order-repository";

/**
 * Reads of the orders and trades read models that a program asks for by id or by time (the
 * trading API's order query, order and trade histories), beside order-repository.ts's pages.
 * Nothing here writes.
 */

/** One of the user's orders in a market, by the engine's order id or the user's client id. */
export async function findUserOrder(
  db: Store,
  query: { userId: number; symbol: string; orderId?: number; clientOrderId?: string },
): Promise<OrderFacts | null> {
  const row = await db.order.findFirst({
    where: {
      userId: query.userId,
      symbol: query.symbol,
      ...(query.orderId === undefined ? {} : { orderId: query.orderId }),
      ...(query.clientOrderId === undefined ? {} : { clientOrderId: query.clientOrderId }),
    },
    orderBy: { orderId: "desc" },
  });
  return row ? orderFactsOf(row) : null;
}

/** A time-bounded, id-bounded slice of a user's history in one market. */
export interface HistorySlice {
  userId: number;
  symbol: string;
  /** From this id on (ascending); without it, the latest `limit`. */
  fromId?: number | undefined;
  startTime?: number | undefined;
  endTime?: number | undefined;
  limit: number;
}

function timeBounds(slice: HistorySlice) {
  if (slice.startTime === undefined && slice.endTime === undefined) return undefined;
  return {
    ...(slice.startTime === undefined ? {} : { gte: new Date(slice.startTime) }),
    ...(slice.endTime === undefined ? {} : { lte: new Date(slice.endTime) }),
  };
}

/**
 * The user's orders in a market, oldest first: from `fromId` on, else from `startTime` on,
 * else the latest `limit`, each within the time bounds given (placed time).
 */
export async function findOrderSlice(db: Store, slice: HistorySlice): Promise<OrderFacts[]> {
  const createdAt = timeBounds(slice);
  const fromStart = slice.fromId !== undefined || slice.startTime !== undefined;
  const rows = await db.order.findMany({
    where: {
      userId: slice.userId,
      symbol: slice.symbol,
      ...(slice.fromId === undefined ? {} : { orderId: { gte: slice.fromId } }),
      ...(createdAt ? { createdAt } : {}),
    },
    orderBy: { orderId: fromStart ? "asc" : "desc" },
    take: slice.limit,
  });
  const facts = rows.map(orderFactsOf);
  return fromStart ? facts : facts.reverse();
}

/** The trades the user took part in (either side) in a market, oldest first, as above. */
export async function findTradeSlice(
  db: Store,
  slice: HistorySlice & { orderId?: number | undefined },
): Promise<TradeFacts[]> {
  const executedAt = timeBounds(slice);
  const fromStart = slice.fromId !== undefined || slice.startTime !== undefined;
  const byOrder =
    slice.orderId === undefined
      ? [{ takerUserId: slice.userId }, { makerUserId: slice.userId }]
      : [
          { takerUserId: slice.userId, takerOrderId: slice.orderId },
          { makerUserId: slice.userId, makerOrderId: slice.orderId },
        ];
  const rows = await db.trade.findMany({
    where: {
      OR: byOrder,
      symbol: slice.symbol,
      ...(slice.fromId === undefined ? {} : { tradeId: { gte: slice.fromId } }),
      ...(executedAt ? { executedAt } : {}),
    },
    orderBy: { tradeId: fromStart ? "asc" : "desc" },
    take: slice.limit,
  });
  const facts = rows.map(tradeFactsOf);
  return fromStart ? facts : facts.reverse();
}

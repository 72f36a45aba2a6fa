import { storedUnits as big } from "@exchange/contracts/money";
import type { OrderFacts } from "@exchange/contracts/order";
import type { Prisma } from "@exchange/db";
import type { Store } from "../services";

/**
 * Trading's read-model repository: the only code that reads the projector's `orders`, `trades`
 * and `account_balances` tables (the worker writes them from the engine's events). NUMERIC
 * engine units become bigints here, once; services turn them into the market's decimals.
 * Nothing here writes: the engine is the only writer of trading state.
 */

type OrderRow = Prisma.OrderGetPayload<object>;

export function orderFactsOf(row: OrderRow): OrderFacts {
  return {
    orderId: row.orderId,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    side: row.side as OrderFacts["side"],
    orderType: row.orderType as OrderFacts["orderType"],
    stopOrderType: row.stopOrderType as OrderFacts["stopOrderType"],
    stopPriceTicks: row.stopPriceTicks === null ? null : big(row.stopPriceTicks),
    listId: row.listId,
    working: row.working,
    workingAt: row.workingAt,
    priceTicks: big(row.priceTicks),
    qtyLots: big(row.qtyLots),
    quoteAtoms: big(row.quoteAtoms),
    filledLots: big(row.filledLots),
    filledQuoteAtoms: big(row.filledQuoteAtoms),
    status: row.status,
    timeInForce: row.timeInForce as OrderFacts["timeInForce"],
    postOnly: row.postOnly,
    cancelReason: row.cancelReason as OrderFacts["cancelReason"],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One of the user's orders by id, or null (another user's order is not found either). */
export async function findOrder(
  db: Store,
  userId: number,
  orderId: number,
): Promise<OrderFacts | null> {
  const row = await db.order.findFirst({ where: { orderId, userId } });
  return row ? orderFactsOf(row) : null;
}

/**
 * How a list of orders is ordered, newest first:
 * - `placed`: by order id, the order they were placed in (open orders, a profile's latest);
 * - `lastChange`: by the time of the order's last change (its fill or cancel), then by id, so a
 *   history shows what just happened at the top. Only final orders are listed this way: their
 *   last change never moves, so the cursor (an order id) names a fixed place in the list.
 */
export type OrderSort = "placed" | "lastChange";

/** The user's orders in `statuses` (all when absent), newest first by `sort`, after `cursor`. */
export async function findOrders(
  db: Store,
  query: {
    userId: number;
    statuses?: readonly OrderFacts["status"][];
    symbol?: string | undefined;
    cursor?: number | undefined;
    limit: number;
    sort?: OrderSort;
  },
): Promise<OrderFacts[]> {
  const where = {
    userId: query.userId,
    ...(query.statuses ? { status: { in: [...query.statuses] } } : {}),
    ...(query.symbol ? { symbol: query.symbol } : {}),
  };
  if (query.sort === "lastChange") return findOrdersByLastChange(db, where, query);
  const rows = await db.order.findMany({
    where: { ...where, ...(query.cursor ? { orderId: { lt: query.cursor } } : {}) },
    orderBy: { orderId: "desc" },
    take: query.limit,
  });
  return rows.map(orderFactsOf);
}

/**
 * Newest change first (index `orders_user_id_updated_at_order_id_idx`). The cursor is the last
 * order of the previous page: the page goes on after its (updated_at, order_id). A cursor that
 * is not one of the user's orders ends the list rather than starting it again.
 */
async function findOrdersByLastChange(
  db: Store,
  where: Prisma.OrderWhereInput & { userId: number },
  query: { cursor?: number | undefined; limit: number },
): Promise<OrderFacts[]> {
  let after: Prisma.OrderWhereInput = {};
  if (query.cursor) {
    const from = await db.order.findFirst({
      where: { orderId: query.cursor, userId: where.userId },
      select: { updatedAt: true },
    });
    if (!from) return [];
    after = {
      OR: [
        { updatedAt: { lt: from.updatedAt } },
        { updatedAt: from.updatedAt, orderId: { lt: query.cursor } },
      ],
    };
  }
  const rows = await db.order.findMany({
    where: { ...where, ...after },
    orderBy: [{ updatedAt: "desc" }, { orderId: "desc" }],
    take: query.limit,
  });
  return rows.map(orderFactsOf);
}

/** A fill in engine units, both sides of it. */
export interface TradeFacts {
  tradeId: number;
  symbol: string;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  executedAt: Date;
  takerSide: "buy" | "sell";
  takerUserId: number;
  takerOrderId: number;
  takerFeeAtoms: bigint;
  takerFeeAsset: string;
  makerUserId: number;
  makerOrderId: number;
  makerFeeAtoms: bigint;
  makerFeeAsset: string;
}

/** Fills the user took part in on either side, newest first, below `cursor`. */
export async function findUserTrades(
  db: Store,
  query: {
    userId: number;
    symbol?: string | undefined;
    cursor?: number | undefined;
    limit: number;
  },
): Promise<TradeFacts[]> {
  const rows = await db.trade.findMany({
    where: {
      OR: [{ takerUserId: query.userId }, { makerUserId: query.userId }],
      ...(query.symbol ? { symbol: query.symbol } : {}),
      ...(query.cursor ? { tradeId: { lt: query.cursor } } : {}),
    },
    orderBy: { tradeId: "desc" },
    take: query.limit,
  });
  return rows.map(tradeFactsOf);
}

/** A trades read-model row in engine units. */
export function tradeFactsOf(t: Prisma.TradeGetPayload<object>): TradeFacts {
  return {
    tradeId: t.tradeId,
    symbol: t.symbol,
    priceTicks: big(t.priceTicks),
    qtyLots: big(t.qtyLots),
    quoteAtoms: big(t.quoteAtoms),
    executedAt: t.executedAt,
    takerSide: t.takerSide as "buy" | "sell",
    takerUserId: t.takerUserId,
    takerOrderId: t.takerOrderId,
    takerFeeAtoms: big(t.takerFeeAtoms),
    takerFeeAsset: t.takerFeeAsset,
    makerUserId: t.makerUserId,
    makerOrderId: t.makerOrderId,
    makerFeeAtoms: big(t.makerFeeAtoms),
    makerFeeAsset: t.makerFeeAsset,
  };
}

/** Every asset (code order) with its precision, and the user's balance rows in atoms. */
export async function findBalances(db: Store, userId: number) {
  const [assets, rows] = await Promise.all([
    db.asset.findMany({
      orderBy: { code: "asc" },
      select: { code: true, precision: true },
    }),
    db.accountBalance.findMany({
      where: { userId, account: { in: ["available", "frozen"] } },
      select: { asset: true, account: true, balanceAtoms: true },
    }),
  ]);
  const balances = rows.map((r) => ({
    asset: r.asset,
    account: r.account,
    atoms: big(r.balanceAtoms),
  }));
  return { assets, balances };
}

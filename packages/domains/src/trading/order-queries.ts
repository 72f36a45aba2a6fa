import { encodeBalance } from "@exchange/contracts/balance";
import { encodeOrder, type OrderFacts, type OrderStatus } from "@exchange/contracts/order";
import { encodeFill, fillsOfTrade } from "@exchange/contracts/trade";
import { formatUnits } from "@exchange/core";
import type { Db, Prisma } from "@exchange/db";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";

/** NUMERIC(40,0) read-model values hold integers in engine units. */
const big = (value: Prisma.Decimal): bigint => BigInt(value.toFixed());

type OrderRow = Prisma.OrderGetPayload<object>;

export function orderFactsOfRow(row: OrderRow): OrderFacts {
  return {
    orderId: row.orderId,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    side: row.side as OrderFacts["side"],
    orderType: row.orderType as OrderFacts["orderType"],
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

export interface PageQuery {
  symbol?: string | undefined;
  limit: number;
  cursor?: number | undefined;
}

const OPEN_STATUSES = ["OPEN", "PARTIALLY_FILLED"] as const;
const CLOSED_STATUSES = ["FILLED", "CANCELLED"] as const;

/** A page of the user's orders in the given statuses, newest first, keyed by order id. */
async function ordersPage(
  services: Services,
  userId: number,
  page: PageQuery,
  statuses: readonly OrderStatus[],
) {
  const rows = await services.db.order.findMany({
    where: {
      userId,
      status: { in: [...statuses] },
      ...(page.symbol ? { symbol: page.symbol } : {}),
      ...(page.cursor ? { orderId: { lt: page.cursor } } : {}),
    },
    orderBy: { orderId: "desc" },
    take: page.limit,
  });
  const markets = await marketDirectory(services.db).all();
  const items = rows.flatMap((row) => {
    const market = markets.get(row.symbol);
    return market ? [encodeOrder(orderFactsOfRow(row), market.units)] : [];
  });
  return { items, nextCursor: rows.length === page.limit ? rows.at(-1)?.orderId : undefined };
}

export const listOpenOrders = (s: Services, userId: number, page: PageQuery) =>
  ordersPage(s, userId, page, OPEN_STATUSES);

export const listOrderHistory = (s: Services, userId: number, page: PageQuery) =>
  ordersPage(s, userId, page, CLOSED_STATUSES);

/**
 * The user's fills, newest first, each from the user's side: the taker's side and fee when the
 * user took, the opposite side and the maker fee when the user's order rested. A self-trade
 * appears twice, once per side.
 */
export async function listMyTrades(services: Services, userId: number, page: PageQuery) {
  const symbolFilter = page.symbol ? { symbol: page.symbol } : {};
  const cursorFilter = page.cursor ? { tradeId: { lt: page.cursor } } : {};
  const rows = await services.db.trade.findMany({
    where: {
      OR: [{ takerUserId: userId }, { makerUserId: userId }],
      ...symbolFilter,
      ...cursorFilter,
    },
    orderBy: { tradeId: "desc" },
    take: page.limit,
  });
  const markets = await marketDirectory(services.db).all();
  const items = rows.flatMap((t) => {
    const market = markets.get(t.symbol);
    if (!market) return [];
    const trade = {
      ...t,
      takerSide: t.takerSide as "buy" | "sell",
      priceTicks: big(t.priceTicks),
      qtyLots: big(t.qtyLots),
      quoteAtoms: big(t.quoteAtoms),
      takerFeeAtoms: big(t.takerFeeAtoms),
      makerFeeAtoms: big(t.makerFeeAtoms),
      ts: t.executedAt,
    };
    return fillsOfTrade(trade)
      .filter((fill) => fill.userId === userId)
      .map((fill) => encodeFill(fill, market.units));
  });
  return { items, nextCursor: rows.length === page.limit ? rows.at(-1)?.tradeId : undefined };
}

/** Every asset with the user's available and frozen amounts (zero where they hold none). */
export async function listBalances(services: Services, userId: number) {
  const [assets, rows] = await Promise.all([
    services.db.asset.findMany({
      orderBy: { code: "asc" },
      select: { code: true, precision: true },
    }),
    services.db.accountBalance.findMany({
      where: { userId, account: { in: ["available", "frozen"] } },
      select: { asset: true, account: true, balanceAtoms: true },
    }),
  ]);
  return assets.flatMap(({ code, precision }) => {
    const atoms = (account: string) => {
      const row = rows.find((r) => r.asset === code && r.account === account);
      return row ? big(row.balanceAtoms) : 0n;
    };
    const balance = encodeBalance(
      { asset: code, availableAtoms: atoms("available"), frozenAtoms: atoms("frozen") },
      (amount) => formatUnits(amount, precision),
    );
    return balance ? [balance] : [];
  });
}

/**
 * Best price on the side a new order would trade against (lowest ask for a buy, highest bid for
 * a sell), in ticks, from the orders read model; undefined on an empty side.
 */
export async function bestOppositePrice(
  db: Db,
  symbol: string,
  side: "buy" | "sell",
): Promise<bigint | undefined> {
  const opposite = side === "buy" ? "sell" : "buy";
  const best = await db.order.aggregate({
    where: { symbol, side: opposite, status: { in: [...OPEN_STATUSES] }, orderType: "limit" },
    _min: { priceTicks: true },
    _max: { priceTicks: true },
  });
  const value = side === "buy" ? best._min.priceTicks : best._max.priceTicks;
  return value ? big(value) : undefined;
}

import { formatUnits } from "@exchange/core";
import type { Prisma } from "@exchange/db";
import type { Services } from "../context";
import type { OrderDto } from "../procedures/trading/order-dto";
import { marketDirectory } from "./market-directory";
import { type OrderFacts, toOrderDto } from "./order-dto";

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
  statuses: readonly OrderDto["status"][],
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
    return market ? [toOrderDto(orderFactsOfRow(row), market.units)] : [];
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
    const { units } = market;
    const fill = {
      tradeId: t.tradeId,
      symbol: t.symbol,
      price: units.price(big(t.priceTicks)),
      quantity: units.quantity(big(t.qtyLots)),
      quoteAmount: units.quote(big(t.quoteAtoms)),
      executedAt: t.executedAt,
    };
    const takerSide = t.takerSide as "buy" | "sell";
    const sides = [];
    if (t.takerUserId === userId) {
      sides.push({
        ...fill,
        orderId: t.takerOrderId,
        side: takerSide,
        liquidity: "taker" as const,
        fee: units.amount(big(t.takerFeeAtoms), t.takerFeeAsset),
        feeAsset: t.takerFeeAsset,
      });
    }
    if (t.makerUserId === userId) {
      const makerSide = takerSide === "buy" ? ("sell" as const) : ("buy" as const);
      sides.push({
        ...fill,
        orderId: t.makerOrderId,
        side: makerSide,
        liquidity: "maker" as const,
        fee: units.amount(big(t.makerFeeAtoms), t.makerFeeAsset),
        feeAsset: t.makerFeeAsset,
      });
    }
    return sides;
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
  return assets.map(({ code, precision }) => {
    const atoms = (account: string) => {
      const row = rows.find((r) => r.asset === code && r.account === account);
      return row ? big(row.balanceAtoms) : 0n;
    };
    const available = atoms("available");
    const frozen = atoms("frozen");
    return {
      asset: code,
      available: formatUnits(available, precision),
      frozen: formatUnits(frozen, precision),
      total: formatUnits(available + frozen, precision),
    };
  });
}

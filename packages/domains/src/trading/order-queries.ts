import { formatUnits } from "@exchange/contracts/money";
import { marketDirectory } from "../markets/market-directory";
import type { Services, Store } from "../services";
import type { OrderDto } from "./order-contracts";
import { type OrderFacts, toOrderDto } from "./order-dto";
import { findBalances, findBestRestingPrice, findOrders, findUserTrades } from "./order-repository";

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
  const rows = await findOrders(services.db, { userId, statuses, ...page });
  const items = await toOrderDtos(services, rows);
  return { items, nextCursor: rows.length === page.limit ? rows.at(-1)?.orderId : undefined };
}

/** Orders in the market's decimals; an order of a market no longer listed is left out. */
async function toOrderDtos(services: Services, rows: OrderFacts[]): Promise<OrderDto[]> {
  const markets = await marketDirectory(services.db).all();
  return rows.flatMap((row) => {
    const market = markets.get(row.symbol);
    return market ? [toOrderDto(row, market.units)] : [];
  });
}

/** The user's latest orders in any state, newest first, with decimal amounts. */
export async function listRecentOrders(services: Services, userId: number, limit: number) {
  return toOrderDtos(services, await findOrders(services.db, { userId, limit }));
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
  const rows = await findUserTrades(services.db, { userId, ...page });
  const markets = await marketDirectory(services.db).all();
  const items = rows.flatMap((t) => {
    const market = markets.get(t.symbol);
    if (!market) return [];
    const { units } = market;
    const fill = {
      tradeId: t.tradeId,
      symbol: t.symbol,
      price: units.price(t.priceTicks),
      quantity: units.quantity(t.qtyLots),
      quoteAmount: units.quote(t.quoteAtoms),
      executedAt: t.executedAt,
    };
    const takerSide = t.takerSide;
    const sides = [];
    if (t.takerUserId === userId) {
      sides.push({
        ...fill,
        orderId: t.takerOrderId,
        side: takerSide,
        liquidity: "taker" as const,
        fee: units.amount(t.takerFeeAtoms, t.takerFeeAsset),
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
        fee: units.amount(t.makerFeeAtoms, t.makerFeeAsset),
        feeAsset: t.makerFeeAsset,
      });
    }
    return sides;
  });
  return { items, nextCursor: rows.length === page.limit ? rows.at(-1)?.tradeId : undefined };
}

/** Every asset with the user's available and frozen amounts (zero where they hold none). */
export async function listBalances(services: Services, userId: number) {
  const { assets, balances } = await findBalances(services.db, userId);
  return assets.map(({ code, precision }) => {
    const atoms = (account: string) => {
      const row = balances.find((r) => r.asset === code && r.account === account);
      return row ? row.atoms : 0n;
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

/**
 * Best price on the side a new order would trade against (lowest ask for a buy, highest bid for
 * a sell), in ticks, from the orders read model; undefined on an empty side.
 */
export async function bestOppositePrice(
  db: Store,
  symbol: string,
  side: "buy" | "sell",
): Promise<bigint | undefined> {
  const opposite = side === "buy" ? "sell" : "buy";
  return findBestRestingPrice(db, { symbol, side: opposite, statuses: OPEN_STATUSES });
}

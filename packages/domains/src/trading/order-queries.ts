import { encodeBalance } from "@exchange/contracts/balance";
import { formatUnits } from "@exchange/contracts/money";
import {
  encodeOrder,
  type OrderFacts,
  type OrderStatus,
  type OrderWire,
} from "@exchange/contracts/order";
import { encodeFill, fillsOfTrade } from "@exchange/contracts/trade";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { findBalances, findOrders, findUserTrades, type OrderSort } from "./order-repository";

export interface PageQuery {
  symbol?: string | undefined;
  limit: number;
  cursor?: number | undefined;
}

const OPEN_STATUSES = ["OPEN", "PARTIALLY_FILLED"] as const;
const CLOSED_STATUSES = ["FILLED", "CANCELLED"] as const;

/** A page of the user's orders in the given statuses, newest first by `sort`, keyed by order id. */
async function ordersPage(
  services: Services,
  userId: number,
  page: PageQuery,
  statuses: readonly OrderStatus[],
  sort: OrderSort,
) {
  const rows = await findOrders(services.db, { userId, statuses, sort, ...page });
  const items = await encodeOrders(services, rows);
  return { items, nextCursor: rows.length === page.limit ? rows.at(-1)?.orderId : undefined };
}

/** Orders in the market's decimals; an order of a market no longer listed is left out. */
async function encodeOrders(services: Services, rows: OrderFacts[]): Promise<OrderWire[]> {
  const markets = await marketDirectory(services).all();
  return rows.flatMap((row) => {
    const market = markets.get(row.symbol);
    return market ? [encodeOrder(row, market.units)] : [];
  });
}

/** The user's latest orders in any state, newest first, with decimal amounts. */
export async function listRecentOrders(services: Services, userId: number, limit: number) {
  return encodeOrders(services, await findOrders(services.db, { userId, limit }));
}

/** Resting orders, the latest placed first. */
export const listOpenOrders = (s: Services, userId: number, page: PageQuery) =>
  ordersPage(s, userId, page, OPEN_STATUSES, "placed");

/**
 * Filled and cancelled orders, the latest change first: an order cancelled a moment ago is at
 * the top, however long ago it was placed.
 */
export const listOrderHistory = (s: Services, userId: number, page: PageQuery) =>
  ordersPage(s, userId, page, CLOSED_STATUSES, "lastChange");

/**
 * The user's fills, newest first, each from the user's side: the taker's side and fee when the
 * user took, the opposite side and the maker fee when the user's order rested. A self-trade
 * appears twice, once per side.
 */
export async function listMyTrades(services: Services, userId: number, page: PageQuery) {
  const rows = await findUserTrades(services.db, { userId, ...page });
  const markets = await marketDirectory(services).all();
  const items = rows.flatMap((t) => {
    const market = markets.get(t.symbol);
    if (!market) return [];
    return fillsOfTrade({ ...t, ts: t.executedAt })
      .filter((fill) => fill.userId === userId)
      .map((fill) => encodeFill(fill, market.units));
  });
  return { items, nextCursor: rows.length === page.limit ? rows.at(-1)?.tradeId : undefined };
}

/** Every asset with the user's available and frozen amounts (zero where they hold none). */
export async function listBalances(services: Services, userId: number) {
  const { assets, balances } = await findBalances(services.db, userId);
  return assets.flatMap(({ code, precision }) => {
    const atoms = (account: string) => {
      const row = balances.find((r) => r.asset === code && r.account === account);
      return row ? row.atoms : 0n;
    };
    const balance = encodeBalance(
      { asset: code, availableAtoms: atoms("available"), frozenAtoms: atoms("frozen") },
      (amount) => formatUnits(amount, precision),
    );
    return balance ? [balance] : [];
  });
}

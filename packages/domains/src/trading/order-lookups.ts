import { encodeOrder, type OrderWire } from "@exchange/contracts/order";
import { encodeFill, type FillWire, fillsOfTrade } from "@exchange/contracts/trade";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import {
  findOrderSlice,
  findTradeSlice,
  findUserOrder,
  type HistorySlice,
} from "./order-lookup-repository";

/**
 * A program's reads of its own orders and fills in one market (the trading API's order query
 * and histories), from the read models: an order placed a moment ago appears once the
 * projector has written it. An unknown symbol is NOT_FOUND on `symbol` (market directory).
 */

/** One of the user's orders by order id or client order id; null when the user has none such. */
export async function getUserOrder(
  services: Services,
  userId: number,
  query: { symbol: string; orderId?: number; clientOrderId?: string },
): Promise<OrderWire | null> {
  const market = await marketDirectory(services).get(query.symbol);
  const facts = await findUserOrder(services.db, { userId, ...query });
  return facts ? encodeOrder(facts, market.units) : null;
}

/** The user's orders in a market, oldest first (see `findOrderSlice`). */
export async function listOrderSlice(
  services: Services,
  slice: HistorySlice,
): Promise<OrderWire[]> {
  const market = await marketDirectory(services).get(slice.symbol);
  const rows = await findOrderSlice(services.db, slice);
  return rows.map((row) => encodeOrder(row, market.units));
}

/** The user's fills in a market, oldest first; a self-trade is two fills, one per side. */
export async function listFillSlice(
  services: Services,
  slice: HistorySlice & { orderId?: number | undefined },
): Promise<FillWire[]> {
  const market = await marketDirectory(services).get(slice.symbol);
  const rows = await findTradeSlice(services.db, slice);
  return rows.flatMap((t) =>
    fillsOfTrade({ ...t, ts: t.executedAt })
      .filter(
        (fill) =>
          fill.userId === slice.userId &&
          (slice.orderId === undefined || fill.orderId === slice.orderId),
      )
      .map((fill) => encodeFill(fill, market.units)),
  );
}

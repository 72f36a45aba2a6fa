import type { AnyPlaceOrderCommand } from "@exchange/core";
import { RejectCode } from "@exchange/core";
import type { MarketInfo } from "@exchange/domains/markets/market-directory";
import { orderCommandOf } from "@exchange/domains/trading/order-input";
import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { placeOrder } from "@exchange/domains/trading/trading";
import { z } from "zod";
import { marketOf } from "../binance-markets";
import { newOrderError, rejectionError } from "../binance-order-errors";
import { type NewOrderRequest, newOrderParams } from "../binance-order-params";
import { type BinanceNewOrder, binanceNewOrder, ZBinanceNewOrder } from "../binance-orders";
import type { RawQuery } from "../binance-params";
import type { BinanceRoute, BinanceRouteContext, SignedCaller } from "../binance-route";

/** The signed caller of a signed route (the server sets it before the handler runs). */
export function callerOf(context: BinanceRouteContext): SignedCaller {
  if (!context.caller) throw new Error("signed route reached without a caller");
  return context.caller;
}

/**
 * `POST /api/v3/order`: a new order (LIMIT, LIMIT_MAKER, MARKET by quantity or quoteOrderQty),
 * through the trader's order rate limit (-1015) to the engine. The answer is ACK, RESULT or
 * FULL as asked (Binance's defaults). Weight 1; TRADE permission.
 */
export const newOrderRoute: BinanceRoute<BinanceNewOrder> = {
  method: "POST",
  path: "/api/v3/order",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: ZBinanceNewOrder,
  handle: async (context, query) => {
    const request = newOrderParams(query);
    await marketOf(context.services, request.input.symbol);
    return placeForCaller(context, request);
  },
};

/** Places the caller's order (rate limit first) and answers in the form asked for. */
export async function placeForCaller(
  context: BinanceRouteContext,
  { input, respType }: NewOrderRequest,
): Promise<BinanceNewOrder> {
  const { userId } = callerOf(context);
  try {
    await limitOrderRate(context.services, userId, "place");
    const placed = await placeOrder(context.services, userId, input);
    return binanceNewOrder(placed, respType, context.services.clock.now());
  } catch (error) {
    throw newOrderError(error);
  }
}

/**
 * `POST /api/v3/order/test`: every check a new order gets (signature, parameters, symbol, the
 * market's tick, lot and notional filters) and nothing sent: `{}`. Balances are the engine's
 * to judge, so an order this accepts can still be refused for funds. Weight 1.
 */
export const testOrderRoute: BinanceRoute<Record<string, never>> = {
  method: "POST",
  path: "/api/v3/order/test",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: z.record(z.string(), z.never()),
  handle: async (context, query) => testOrder(context, query),
};

async function testOrder(context: BinanceRouteContext, query: RawQuery) {
  const { userId } = callerOf(context);
  const { input } = newOrderParams(query);
  const market = await marketOf(context.services, input.symbol);
  let command: AnyPlaceOrderCommand;
  try {
    command = orderCommandOf(input, {
      userId,
      market,
      commandId: "order-test",
      ts: context.nowMs,
    });
  } catch (error) {
    throw newOrderError(error);
  }
  const below = belowMinimum(command, market);
  if (below !== undefined) throw rejectionError(below, "");
  return {};
}

/** The minima the engine checks (the input check covers the maxima), at the order's price. */
function belowMinimum(command: AnyPlaceOrderCommand, market: MarketInfo): RejectCode | undefined {
  const { config, units } = market;
  if (command.orderType === "market") {
    if (command.qtyLots !== undefined && command.qtyLots < config.minQtyLots) {
      return RejectCode.QuantityBelowMin;
    }
    return undefined;
  }
  if (command.qtyLots < config.minQtyLots) return RejectCode.QuantityBelowMin;
  const notional = units.notional(command.priceTicks, command.qtyLots);
  return notional < config.minNotionalAtoms ? RejectCode.NotionalBelowMin : undefined;
}

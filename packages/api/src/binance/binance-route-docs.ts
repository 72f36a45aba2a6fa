import { z } from "zod";
import { docParam } from "./binance-param-docs";
import type { BinanceRoute } from "./binance-route";

type RouteDoc = Required<Pick<BinanceRoute, "summary" | "params">>;

const orderRef = {
  symbol: docParam.symbol,
  orderId: docParam.orderId.optional(),
  origClientOrderId: docParam
    .clientOrderId("The order's client id; `orderId` or this one.")
    .optional(),
};

const listenKey = z.string().describe("The listenKey the POST answered.");

const newOrderParams = z.object({
  symbol: docParam.symbol,
  side: docParam.side,
  type: z
    .enum(["LIMIT", "MARKET", "LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"])
    .describe("The order's kind."),
  timeInForce: docParam.timeInForce.optional(),
  quantity: docParam.decimal("Base quantity, a multiple of LOT_SIZE's stepSize.").optional(),
  quoteOrderQty: docParam.decimal("MARKET buys: the quote amount to spend instead.").optional(),
  price: docParam.decimal("Limit price, a multiple of PRICE_FILTER's tickSize.").optional(),
  stopPrice: docParam.decimal("STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT: the trigger price.").optional(),
  newClientOrderId: docParam
    .clientOrderId("Your id for the order (unique among open ones).")
    .optional(),
  newOrderRespType: z
    .enum(["ACK", "RESULT", "FULL"])
    .describe("How much the answer says.")
    .optional(),
});

/**
 * The reference's words for routes whose files do not declare their own `summary` and `params`
 * (a route's own declaration wins). Keyed by `METHOD path`; a unit test holds that every route
 * the gateway serves is documented one way or the other.
 */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  "POST /api/v3/order": { summary: "Place an order.", params: newOrderParams },
  "POST /api/v3/order/test": {
    summary: "Check an order's parameters, key and signature without placing it.",
    params: newOrderParams,
  },
  "GET /api/v3/order": {
    summary: "One of your orders, by orderId or origClientOrderId.",
    params: z.object(orderRef),
  },
  "DELETE /api/v3/order": {
    summary: "Cancel one of your open orders.",
    params: z.object({
      ...orderRef,
      newClientOrderId: docParam.clientOrderId("An id for the cancel.").optional(),
    }),
  },
  "POST /api/v3/order/cancelReplace": {
    summary: "Cancel an order and place another in one call.",
    params: newOrderParams.extend({
      cancelReplaceMode: z
        .enum(["STOP_ON_FAILURE", "ALLOW_FAILURE"])
        .describe("What a failed cancel does."),
      cancelOrderId: docParam.orderId.optional(),
      cancelOrigClientOrderId: docParam
        .clientOrderId("The order to cancel, by client id.")
        .optional(),
      cancelNewClientOrderId: docParam.clientOrderId("An id for the cancel.").optional(),
    }),
  },
  "PUT /api/v3/order/amend/keepPriority": {
    summary: "Lower an open order's quantity, keeping its place in the queue.",
    params: z.object({
      ...orderRef,
      newQty: docParam.decimal("The new, smaller quantity."),
      newClientOrderId: docParam.clientOrderId("A new client id for the order.").optional(),
    }),
  },
  "GET /api/v3/openOrders": {
    summary: "Your open orders, in one market or all.",
    params: z.object({ symbol: docParam.symbol.optional() }),
  },
  "DELETE /api/v3/openOrders": {
    summary: "Cancel all your open orders in a market.",
    params: z.object({ symbol: docParam.symbol }),
  },
  "POST /api/v3/order/oco": {
    summary: "One-cancels-the-other (legacy form): a limit order and a stop-limit order.",
    params: z.object({
      symbol: docParam.symbol,
      side: docParam.side,
      quantity: docParam.decimal("Each leg's quantity."),
      price: docParam.decimal("The limit leg's price."),
      stopPrice: docParam.decimal("The stop leg's trigger price."),
      stopLimitPrice: docParam.decimal("The stop leg's limit price."),
      stopLimitTimeInForce: docParam.timeInForce,
      listClientOrderId: docParam.clientOrderId("Your id for the list.").optional(),
      limitClientOrderId: docParam.clientOrderId("Your id for the limit leg.").optional(),
      stopClientOrderId: docParam.clientOrderId("Your id for the stop leg.").optional(),
    }),
  },
  "POST /api/v3/orderList/oco": {
    summary: "One-cancels-the-other: a LIMIT_MAKER leg and a stop-limit leg, above and below.",
    params: z.object({
      symbol: docParam.symbol,
      side: docParam.side,
      quantity: docParam.decimal("Each leg's quantity."),
      aboveType: z
        .enum(["LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"])
        .describe("The upper leg."),
      abovePrice: docParam.decimal("The upper leg's price."),
      aboveStopPrice: docParam.decimal("The upper leg's trigger, when it is a stop.").optional(),
      aboveTimeInForce: docParam.timeInForce.optional(),
      belowType: z
        .enum(["LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"])
        .describe("The lower leg."),
      belowPrice: docParam.decimal("The lower leg's price."),
      belowStopPrice: docParam.decimal("The lower leg's trigger, when it is a stop.").optional(),
      belowTimeInForce: docParam.timeInForce.optional(),
      listClientOrderId: docParam.clientOrderId("Your id for the list.").optional(),
    }),
  },
  "GET /api/v3/allOrders": {
    summary: "Your orders in one market, open and done.",
    params: z.object({
      symbol: docParam.symbol,
      orderId: docParam.orderId.describe("Orders from this id on.").optional(),
      startTime: docParam.startTime.optional(),
      endTime: docParam.endTime.optional(),
      limit: docParam.limit(500, 1_000),
    }),
  },
  "GET /api/v3/account": {
    summary: "Your balances (free and locked) and the key's permissions.",
    params: z.object({
      omitZeroBalances: z.enum(["true", "false"]).describe("Leave out empty assets.").optional(),
    }),
  },
  "GET /api/v3/myTrades": {
    summary: "Your trades in one market, with fees.",
    params: z.object({
      symbol: docParam.symbol,
      orderId: docParam.orderId.describe("Only this order's trades.").optional(),
      startTime: docParam.startTime.optional(),
      endTime: docParam.endTime.optional(),
      fromId: docParam.fromId.optional(),
      limit: docParam.limit(500, 1_000),
    }),
  },
  "GET /sapi/v1/capital/config/getall": {
    summary:
      "Assets with their networks, deposit and withdrawal rules (ccxt reads it while loading).",
    params: z.object({}),
  },
  "GET /sapi/v1/margin/allPairs": {
    summary: "Cross-margin pairs: none here, an empty list (ccxt reads it while loading).",
    params: z.object({}),
  },
  "GET /sapi/v1/margin/isolated/allPairs": {
    summary: "Isolated-margin pairs: none here, an empty list (ccxt reads it while loading).",
    params: z.object({}),
  },
  "POST /api/v3/userDataStream": {
    summary: "Open a user data stream: answers a listenKey for /ws/<listenKey>, valid 60 minutes.",
    params: z.object({}),
  },
  "PUT /api/v3/userDataStream": {
    summary: "Keep a user data stream open another 60 minutes.",
    params: z.object({ listenKey }),
  },
  "DELETE /api/v3/userDataStream": {
    summary: "Close a user data stream.",
    params: z.object({ listenKey }),
  },
};

/** A route's summary and parameters: its own, else the table's. */
export function routeDocOf(route: BinanceRoute): Partial<RouteDoc> {
  const table = ROUTE_DOCS[`${route.method} ${route.path}`];
  return {
    ...((route.summary ?? table?.summary) ? { summary: route.summary ?? table?.summary } : {}),
    ...((route.params ?? table?.params) ? { params: route.params ?? table?.params } : {}),
  };
}

import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import type { PlaceOcoInput } from "@exchange/domains/trading/place-order-contracts";
import { placeOcoOrder } from "@exchange/domains/trading/trading";
import { z } from "zod";
import { binanceErrors } from "../binance-errors";
import { marketOf } from "../binance-markets";
import { newOrderError } from "../binance-order-errors";
import {
  clientOrderIdParam,
  decimalParam,
  newClientOrderId,
  sideParam,
} from "../binance-order-params";
import { binanceNewOrder, type OrderSource, ZBinanceResult } from "../binance-orders";
import { type RawQuery, requiredSymbol, requiredText, textParam } from "../binance-params";
import type { BinanceRoute, BinanceRouteContext } from "../binance-route";
import { callerOf } from "./new-order";

/**
 * Binance's OCO lists, the subset our OCO is: a LIMIT_MAKER leg and a STOP_LOSS_LIMIT leg of
 * the same side and quantity (a sell's limit above the stop, a buy's below). Binance's other
 * leg types (STOP_LOSS at market, TAKE_PROFIT, TAKE_PROFIT_LIMIT, a LIMIT_MAKER below…) are
 * -1014 "Unsupported order combination."; icebergs -1014 too. Weight 1; TRADE permission.
 */

export const ZBinanceOrderList = z.object({
  orderListId: z.number().int(),
  contingencyType: z.literal("OCO"),
  listStatusType: z.literal("EXEC_STARTED"),
  listOrderStatus: z.literal("EXECUTING"),
  listClientOrderId: z.string(),
  transactionTime: z.number().int(),
  symbol: z.string(),
  orders: z.array(
    z.object({ symbol: z.string(), orderId: z.number().int(), clientOrderId: z.string() }),
  ),
  orderReports: z.array(ZBinanceResult),
});
export type BinanceOrderList = z.infer<typeof ZBinanceOrderList>;

/** The list in Binance's shape, its orders in the order given (Binance: below leg first). */
function binanceOrderList(
  listId: number,
  listClientOrderId: string,
  orders: readonly OrderSource[],
  transactionTime: number,
): BinanceOrderList {
  return {
    orderListId: listId,
    contingencyType: "OCO",
    listStatusType: "EXEC_STARTED",
    listOrderStatus: "EXECUTING",
    listClientOrderId,
    transactionTime,
    symbol: orders[0]?.symbol ?? "",
    orders: orders.map((o) => ({
      symbol: o.symbol,
      orderId: o.orderId,
      clientOrderId: o.clientOrderId ?? "",
    })),
    orderReports: orders.map(
      (order) =>
        binanceNewOrder({ order, fills: [] }, "RESULT", transactionTime) as z.infer<
          typeof ZBinanceResult
        >,
    ),
  };
}

async function placeList(
  context: BinanceRouteContext,
  input: PlaceOcoInput,
  listClientOrderId: string,
): Promise<BinanceOrderList> {
  const { userId } = callerOf(context);
  await marketOf(context.services, input.symbol);
  try {
    await limitOrderRate(context.services, userId, "place");
    const placed = await placeOcoOrder(context.services, userId, input);
    const [limit, stop] = placed.orders;
    // Binance lists the leg below the price first: a sell's stop, a buy's limit.
    const orders = input.side === "sell" ? [stop, limit] : [limit, stop];
    return binanceOrderList(placed.listId, listClientOrderId, orders, context.services.clock.now());
  } catch (error) {
    throw newOrderError(error);
  }
}

function notIceberg(query: RawQuery, ...names: string[]) {
  for (const name of names) {
    if (query[name] !== undefined) throw binanceErrors.unsupportedComposition();
  }
}

function required(query: RawQuery, name: string): string {
  requiredText(query, name);
  return decimalParam(query, name) as string;
}

function stopTimeInForce(query: RawQuery, name: string): "GTC" | "IOC" | "FOK" {
  const value = requiredText(query, name);
  if (value === "GTC" || value === "IOC" || value === "FOK") return value;
  throw binanceErrors.invalidTimeInForce();
}

/** `POST /api/v3/order/oco` (Binance's deprecated form): price, stopPrice, stopLimitPrice. */
export const ocoOrderRoute: BinanceRoute<BinanceOrderList> = {
  method: "POST",
  path: "/api/v3/order/oco",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: ZBinanceOrderList,
  handle: async (context, query) => {
    const symbol = requiredSymbol(query);
    const side = sideParam(query);
    notIceberg(query, "limitIcebergQty", "stopIcebergQty");
    const input: PlaceOcoInput = {
      symbol,
      side,
      quantity: required(query, "quantity"),
      price: required(query, "price"),
      stopPrice: required(query, "stopPrice"),
      // Without it Binance's stop leg is a STOP_LOSS at market, which our OCO has not.
      stopLimitPrice: required(query, "stopLimitPrice"),
      stopTimeInForce: stopTimeInForce(query, "stopLimitTimeInForce"),
      clientOrderId: clientOrderIdParam(query, "limitClientOrderId") ?? newClientOrderId(),
      stopClientOrderId: clientOrderIdParam(query, "stopClientOrderId") ?? newClientOrderId(),
    };
    const listClientOrderId = clientOrderIdParam(query, "listClientOrderId") ?? newClientOrderId();
    return placeList(context, input, listClientOrderId);
  },
};

/**
 * `POST /api/v3/orderList/oco` (the current form): `aboveType` / `belowType` with their prices.
 * A sell is a LIMIT_MAKER above and a STOP_LOSS_LIMIT below; a buy the other way round.
 */
export const orderListOcoRoute: BinanceRoute<BinanceOrderList> = {
  method: "POST",
  path: "/api/v3/orderList/oco",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: ZBinanceOrderList,
  handle: async (context, query) => {
    const symbol = requiredSymbol(query);
    const side = sideParam(query);
    const aboveType = requiredText(query, "aboveType");
    const belowType = requiredText(query, "belowType");
    notIceberg(query, "aboveIcebergQty", "belowIcebergQty", "aboveTrailingDelta");
    notIceberg(query, "belowTrailingDelta");
    const [limitLeg, stopLeg] = side === "sell" ? ["above", "below"] : ["below", "above"];
    const expected = { [limitLeg]: "LIMIT_MAKER", [stopLeg]: "STOP_LOSS_LIMIT" };
    if (aboveType !== expected.above || belowType !== expected.below) {
      throw binanceErrors.unsupportedComposition();
    }
    const input: PlaceOcoInput = {
      symbol,
      side,
      quantity: required(query, "quantity"),
      price: required(query, `${limitLeg}Price`),
      stopPrice: required(query, `${stopLeg}StopPrice`),
      stopLimitPrice: required(query, `${stopLeg}Price`),
      stopTimeInForce: stopTimeInForce(query, `${stopLeg}TimeInForce`),
      clientOrderId: clientOrderIdParam(query, `${limitLeg}ClientOrderId`) ?? newClientOrderId(),
      stopClientOrderId: clientOrderIdParam(query, `${stopLeg}ClientOrderId`) ?? newClientOrderId(),
    };
    if (textParam(query, `${limitLeg}TimeInForce`) !== undefined) {
      throw binanceErrors.notRequired(`${limitLeg}TimeInForce`);
    }
    const listClientOrderId = clientOrderIdParam(query, "listClientOrderId") ?? newClientOrderId();
    return placeList(context, input, listClientOrderId);
  },
};

import { getUserOrder } from "@exchange/domains/trading/order-lookups";
import { limitOrderRate } from "@exchange/domains/trading/order-rate-limit";
import { amendOrder } from "@exchange/domains/trading/trading";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { BinanceCode, BinanceError, binanceErrors, toBinanceError } from "../binance-errors";
import { marketOf } from "../binance-markets";
import { newOrderError } from "../binance-order-errors";
import {
  clientOrderIdParam,
  decimalParam,
  newOrderParams,
  type OrderRef,
  orderRefParams,
} from "../binance-order-params";
import {
  type BinanceCancelled,
  type BinanceNewOrder,
  binanceOrder,
  ZBinanceCancelled,
  ZBinanceNewOrder,
} from "../binance-orders";
import { integerParam, type RawQuery, requiredSymbol, requiredText } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { cancelForCaller } from "./cancel-order";
import { callerOf, placeForCaller } from "./new-order";

export const ZBinanceCancelReplace = z.object({
  cancelResult: z.literal("SUCCESS"),
  newOrderResult: z.literal("SUCCESS"),
  cancelResponse: ZBinanceCancelled,
  newOrderResponse: ZBinanceNewOrder,
});
export type BinanceCancelReplace = z.infer<typeof ZBinanceCancelReplace>;

/** `cancelOrderId` / `cancelOrigClientOrderId`: the order to cancel. */
function cancelRefParams(query: RawQuery): OrderRef {
  const orderId = integerParam(query, "cancelOrderId");
  if (orderId !== undefined) return { orderId };
  const clientOrderId = clientOrderIdParam(query, "cancelOrigClientOrderId");
  if (clientOrderId !== undefined) return { clientOrderId };
  throw binanceErrors.mandatory("cancelOrderId");
}

/**
 * `POST /api/v3/order/cancelReplace`: cancels an order, then places a new one, as two engine
 * commands (not one atomic step: between them the book may move). The new order's parameters
 * are checked before anything is cancelled. STOP_ON_FAILURE: a failed cancel places nothing
 * (-2022 with both outcomes in `data`); ALLOW_FAILURE: the new order is tried anyway. A failed
 * new order after a successful cancel is -2021 (409). Weight 1; TRADE permission.
 */
export const cancelReplaceRoute: BinanceRoute<BinanceCancelReplace> = {
  method: "POST",
  path: "/api/v3/order/cancelReplace",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: ZBinanceCancelReplace,
  handle: async (context, query) => {
    const mode = requiredText(query, "cancelReplaceMode");
    if (mode !== "STOP_ON_FAILURE" && mode !== "ALLOW_FAILURE") {
      throw binanceErrors.invalidParameter("cancelReplaceMode");
    }
    const request = newOrderParams(query);
    const ref = cancelRefParams(query);
    const cancelNewId = clientOrderIdParam(query, "cancelNewClientOrderId");
    await marketOf(context.services, request.input.symbol);
    const cancel = await outcome(() =>
      cancelForCaller(context, request.input.symbol, ref, cancelNewId),
    );
    if (!cancel.ok && mode === "STOP_ON_FAILURE") {
      throw replaceFailed(BinanceCode.CANCEL_REPLACE_FAILED, cancel, { ok: null });
    }
    const placed = await outcome(() => placeForCaller(context, request));
    if (cancel.ok && placed.ok) {
      return {
        cancelResult: "SUCCESS",
        newOrderResult: "SUCCESS",
        cancelResponse: cancel.value,
        newOrderResponse: placed.value,
      };
    }
    throw replaceFailed(
      cancel.ok ? BinanceCode.CANCEL_REPLACE_PARTIALLY_FAILED : BinanceCode.CANCEL_REPLACE_FAILED,
      cancel,
      placed,
    );
  },
};

type Outcome<T> = { ok: true; value: T } | { ok: false; error: BinanceError };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toBinanceError(error) };
  }
}

function replaceFailed(
  code:
    | typeof BinanceCode.CANCEL_REPLACE_FAILED
    | typeof BinanceCode.CANCEL_REPLACE_PARTIALLY_FAILED,
  cancel: Outcome<BinanceCancelled>,
  placed: Outcome<BinanceNewOrder> | { ok: null },
): BinanceError {
  const result = (o: { ok: boolean | null }) =>
    o.ok === null ? "NOT_ATTEMPTED" : o.ok ? "SUCCESS" : "FAILURE";
  const response = (o: Outcome<unknown> | { ok: null }) =>
    o.ok === null ? null : o.ok ? o.value : o.error.body;
  const partial = code === BinanceCode.CANCEL_REPLACE_PARTIALLY_FAILED;
  return new BinanceError(
    code,
    partial ? "Order cancel-replace partially failed." : "Order cancel-replace failed.",
    {
      status: partial ? 409 : 400,
      data: {
        cancelResult: result(cancel),
        newOrderResult: result(placed),
        cancelResponse: response(cancel),
        newOrderResponse: response(placed),
      },
    },
  );
}

export const ZBinanceAmended = z.object({
  transactTime: z.number().int(),
  executionId: z.number().int(),
  amendedOrder: z.object({
    symbol: z.string(),
    orderId: z.number().int(),
    orderListId: z.number().int(),
    origClientOrderId: z.string(),
    clientOrderId: z.string(),
    price: z.string(),
    qty: z.string(),
    executedQty: z.string(),
    preventedQty: z.string(),
    quoteOrderQty: z.string(),
    cumulativeQuoteQty: z.string(),
    status: z.string(),
    timeInForce: z.string(),
    type: z.string(),
    side: z.string(),
    workingTime: z.number().int(),
    selfTradePreventionMode: z.string(),
  }),
});
export type BinanceAmended = z.infer<typeof ZBinanceAmended>;

/**
 * `PUT /api/v3/order/amend/keepPriority`: lowers an open order's quantity (`newQty`, the new
 * total including what has filled) keeping its place in the queue, through the trading
 * domain's amend. A `newQty` not below the order's quantity is refused (-1130) before the
 * engine, as Binance refuses increases. Weight 4; TRADE permission.
 */
export const amendKeepPriorityRoute: BinanceRoute<BinanceAmended> = {
  method: "PUT",
  path: "/api/v3/order/amend/keepPriority",
  security: { kind: "signed", permission: "trade" },
  weight: () => 4,
  answer: ZBinanceAmended,
  handle: async (context, query) => {
    const { userId } = callerOf(context);
    const symbol = requiredSymbol(query);
    const ref = orderRefParams(query);
    requiredText(query, "newQty");
    const newQty = decimalParam(query, "newQty") as string;
    const newClientOrderId = clientOrderIdParam(query, "newClientOrderId");
    await marketOf(context.services, symbol);
    const before = await getUserOrder(context.services, userId, { symbol, ...ref });
    if (!before || (before.status !== "OPEN" && before.status !== "PARTIALLY_FILLED")) {
      throw binanceErrors.noSuchOrder();
    }
    if (compareDecimals(newQty, before.quantity ?? "0") >= 0) {
      throw binanceErrors.invalidParameter("newQty");
    }
    let amended: Awaited<ReturnType<typeof amendOrder>>;
    try {
      await limitOrderRate(context.services, userId, "place");
      amended = await amendOrder(context.services, userId, { symbol, ...ref, quantity: newQty });
    } catch (error) {
      throw newOrderError(error);
    }
    const order = binanceOrder(amended.order);
    const now = context.services.clock.now();
    return {
      transactTime: now,
      executionId: now,
      amendedOrder: {
        symbol: order.symbol,
        orderId: order.orderId,
        orderListId: order.orderListId,
        origClientOrderId: order.clientOrderId,
        clientOrderId: newClientOrderId ?? order.clientOrderId,
        price: order.price,
        qty: order.origQty,
        executedQty: order.executedQty,
        preventedQty: binanceDecimal(null),
        quoteOrderQty: order.origQuoteOrderQty,
        cumulativeQuoteQty: order.cummulativeQuoteQty,
        status: order.status,
        timeInForce: order.timeInForce,
        type: order.type,
        side: order.side,
        workingTime: order.workingTime,
        selfTradePreventionMode: order.selfTradePreventionMode,
      },
    };
  },
};

/** Compares two non-negative decimal strings exactly (no float). */
function compareDecimals(a: string, b: string): number {
  const [aWhole = "0", aFrac = ""] = a.split(".");
  const [bWhole = "0", bFrac = ""] = b.split(".");
  const width = Math.max(aFrac.length, bFrac.length);
  const x = BigInt(aWhole + aFrac.padEnd(width, "0"));
  const y = BigInt(bWhole + bFrac.padEnd(width, "0"));
  return x < y ? -1 : x > y ? 1 : 0;
}

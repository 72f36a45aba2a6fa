import type { PlaceOrderInput } from "@exchange/domains/trading/place-order-contracts";
import { binanceErrors } from "./binance-errors";
import type { NewOrderRespType } from "./binance-orders";
import {
  integerParam,
  type RawQuery,
  requiredSymbol,
  requiredText,
  textParam,
} from "./binance-params";

/** Binance's legal form of a decimal parameter, quoted in its -1100 message. */
const DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
const DECIMAL_PATTERN = /^([0-9]{1,20})(\.[0-9]{1,20})?$/;
const CLIENT_ORDER_ID_RANGE = "^[a-zA-Z0-9-_]{1,36}$";
const CLIENT_ORDER_ID_PATTERN = /^[a-zA-Z0-9_-]{1,36}$/;

/** A decimal parameter (price, quantity) in Binance's form; its value is the market's to judge. */
export function decimalParam(query: RawQuery, name: string): string | undefined {
  const value = textParam(query, name);
  if (value !== undefined && !DECIMAL_PATTERN.test(value)) {
    throw binanceErrors.illegalChars(name, DECIMAL_RANGE);
  }
  return value;
}

function requiredDecimal(query: RawQuery, name: string): string {
  requiredText(query, name);
  return decimalParam(query, name) as string;
}

/** A client order id (`newClientOrderId`, `origClientOrderId`…) in Binance's legal form. */
export function clientOrderIdParam(query: RawQuery, name: string): string | undefined {
  const value = textParam(query, name);
  if (value !== undefined && !CLIENT_ORDER_ID_PATTERN.test(value)) {
    throw binanceErrors.illegalChars(name, CLIENT_ORDER_ID_RANGE);
  }
  return value;
}

export function sideParam(query: RawQuery, name = "side"): "buy" | "sell" {
  const side = requiredText(query, name);
  if (side === "BUY") return "buy";
  if (side === "SELL") return "sell";
  throw binanceErrors.invalidSide();
}

/** Which order of a market a query or cancel names: `orderId` or `origClientOrderId`. */
export type OrderRef = { orderId: number } | { clientOrderId: string };

export function orderRefParams(query: RawQuery): OrderRef {
  const orderId = integerParam(query, "orderId");
  const clientOrderId = clientOrderIdParam(query, "origClientOrderId");
  // Binance: both given, orderId decides.
  if (orderId !== undefined) return { orderId };
  if (clientOrderId !== undefined) return { clientOrderId };
  throw binanceErrors.mandatory("orderId");
}

/** A new order as the trading domain takes it, and the answer form the client asked for. */
export interface NewOrderRequest {
  input: PlaceOrderInput;
  respType: NewOrderRespType;
}

const TIME_IN_FORCE = ["GTC", "IOC", "FOK"] as const;
/** Parameters of Binance's new-order call this exchange has no counterpart for. */
const UNSUPPORTED = ["icebergQty", "trailingDelta", "strategyId", "strategyType", "pegPriceType"];

/**
 * `POST /api/v3/order`'s parameters, in Binance's order of checks: what each type requires
 * (-1102), what it must not carry (-1106), the enums (-1116, -1115, -1117). A
 * STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT waits for the last trade price to reach `stopPrice`.
 */
export function newOrderParams(query: RawQuery): NewOrderRequest {
  const symbol = requiredSymbol(query);
  const side = sideParam(query);
  const type = requiredText(query, "type");
  for (const name of UNSUPPORTED) {
    if (query[name] !== undefined) throw binanceErrors.unsupportedComposition();
  }
  const stp = textParam(query, "selfTradePreventionMode");
  if (stp !== undefined && stp !== "NONE")
    throw binanceErrors.invalidParameter("selfTradePreventionMode");
  const clientOrderId = clientOrderIdParam(query, "newClientOrderId") ?? newClientOrderId();
  const base = { symbol, side, clientOrderId };
  const input = orderOfType(type, query, base);
  return { input, respType: respTypeParam(query, type) };
}

type Base = Pick<PlaceOrderInput, "symbol" | "side" | "clientOrderId">;

function orderOfType(type: string, query: RawQuery, base: Base): PlaceOrderInput {
  switch (type) {
    case "LIMIT":
      notSent(query, "stopPrice", "quoteOrderQty");
      return {
        ...base,
        type: "limit",
        timeInForce: timeInForceParam(query),
        price: requiredDecimal(query, "price"),
        quantity: requiredDecimal(query, "quantity"),
      };
    case "LIMIT_MAKER":
      notSent(query, "stopPrice", "quoteOrderQty", "timeInForce");
      return {
        ...base,
        type: "limit",
        postOnly: true,
        price: requiredDecimal(query, "price"),
        quantity: requiredDecimal(query, "quantity"),
      };
    case "STOP_LOSS_LIMIT":
    case "TAKE_PROFIT_LIMIT":
      notSent(query, "quoteOrderQty");
      return {
        ...base,
        type: type === "STOP_LOSS_LIMIT" ? "stopLimit" : "takeProfitLimit",
        timeInForce: timeInForceParam(query),
        price: requiredDecimal(query, "price"),
        quantity: requiredDecimal(query, "quantity"),
        stopPrice: requiredDecimal(query, "stopPrice"),
      };
    case "MARKET":
      notSent(query, "stopPrice", "price", "timeInForce");
      return { ...base, type: "market", ...marketAmount(query, base.side) };
    default:
      throw binanceErrors.invalidOrderType();
  }
}

/** A market order's size: `quantity` or (a buy) `quoteOrderQty`, exactly one. */
function marketAmount(query: RawQuery, side: "buy" | "sell") {
  const quantity = decimalParam(query, "quantity");
  const quoteOrderQty = decimalParam(query, "quoteOrderQty");
  if (quantity !== undefined && quoteOrderQty !== undefined) {
    throw binanceErrors.exclusiveParams("quantity", "quoteOrderQty");
  }
  if (quoteOrderQty !== undefined) {
    // The engine sells by base quantity only; a sell for a quote amount is not one of ours.
    if (side === "sell") throw binanceErrors.unsupportedComposition();
    return { quoteAmount: quoteOrderQty };
  }
  if (quantity === undefined) throw binanceErrors.mandatory("quantity");
  return { quantity };
}

function notSent(query: RawQuery, ...names: string[]) {
  for (const name of names) {
    if (query[name] !== undefined) throw binanceErrors.notRequired(name);
  }
}

export function timeInForceParam(query: RawQuery): "GTC" | "IOC" | "FOK" {
  const value = requiredText(query, "timeInForce");
  const tif = TIME_IN_FORCE.find((t) => t === value);
  if (!tif) throw binanceErrors.invalidTimeInForce();
  return tif;
}

/** ACK, RESULT or FULL; Binance's default is FULL for MARKET and LIMIT, ACK for the rest. */
function respTypeParam(query: RawQuery, type: string): NewOrderRespType {
  const value = textParam(query, "newOrderRespType");
  if (value === undefined) return type === "MARKET" || type === "LIMIT" ? "FULL" : "ACK";
  if (value === "ACK" || value === "RESULT" || value === "FULL") return value;
  throw binanceErrors.invalidParameter("newOrderRespType");
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A client order id for an order sent without one, as Binance makes one (22 random letters and
 * digits): every API order can then be asked for by `origClientOrderId`.
 */
export function newClientOrderId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  let id = "";
  // 256 is not a multiple of 62: the slight bias is harmless for an identifier.
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

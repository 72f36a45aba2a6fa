import type { Balance } from "@exchange/contracts/balance";
import { add, compare, decimal, formatDecimal } from "@exchange/contracts/money";
import type { OrderWire } from "@exchange/contracts/order";
import type { FillWire } from "@exchange/contracts/trade";
import type { WalletUpdateInput } from "@exchange/contracts/wallet";
import { binanceDecimal } from "../binance-decimal";

/**
 * Binance's user data events, made from the private pushes the market-data job publishes on
 * the bus (`<uid>@order`, `<uid>@account` fills, `<uid>@balance`; `<uid>@wallet` from the
 * wallet). Pure functions of those pushes; the tracker below pairs orders with their fills.
 */

/** Binance's execution types (`x`). */
export type ExecutionType = "NEW" | "TRADE" | "CANCELED" | "EXPIRED" | "TRADE_PREVENTION";

/** The fill an `x: TRADE` report carries. */
export interface ReportedFill {
  quantity: string;
  price: string;
  quoteAmount: string;
  fee: string;
  feeAsset: string;
  tradeId: number;
  maker: boolean;
  timeMs: number;
}

const BINANCE_TYPE: Record<string, string> = {
  limit: "LIMIT",
  market: "MARKET",
  stopLimit: "STOP_LOSS_LIMIT",
  takeProfitLimit: "TAKE_PROFIT_LIMIT",
};

/** Binance's order type (`o`): a post-only limit is LIMIT_MAKER. */
export function binanceOrderType(order: Pick<OrderWire, "type" | "postOnly">): string {
  if (order.type === "limit" && order.postOnly) return "LIMIT_MAKER";
  return BINANCE_TYPE[order.type] ?? "LIMIT";
}

/** Binance's order status (`X`) of a final or open order. */
export function binanceOrderStatus(order: Pick<OrderWire, "status" | "cancelReason">): string {
  switch (order.status) {
    case "OPEN":
      return "NEW";
    case "CANCELLED":
      if (order.cancelReason === "expired") return "EXPIRED";
      return order.cancelReason === "selfTrade" ? "EXPIRED_IN_MATCH" : "CANCELED";
    default:
      return order.status;
  }
}

/** The execution type (`x`) of a cancellation: IOC/FOK leftovers expire, self-trades are prevented. */
export function cancelExecutionType(order: Pick<OrderWire, "cancelReason">): ExecutionType {
  if (order.cancelReason === "expired") return "EXPIRED";
  return order.cancelReason === "selfTrade" ? "TRADE_PREVENTION" : "CANCELED";
}

const ZERO = "0.00000000";

/**
 * One `executionReport` with Binance's full field set. `cumulative` is the filled quantity and
 * quote after this report (the order's own when the report carries no fill).
 */
export function executionReport(input: {
  order: OrderWire;
  execution: ExecutionType;
  status: string;
  fill?: ReportedFill;
  cumulative: { quantity: string; quote: string };
  eventMs: number;
}) {
  const { order, fill } = input;
  const createdMs = Number(order.createdAt);
  const stopPrice = (order as { stopPrice?: string | null }).stopPrice ?? null;
  const listId = (order as { listId?: number | null }).listId ?? null;
  const cancelled = input.execution !== "NEW" && input.execution !== "TRADE";
  return {
    e: "executionReport",
    E: input.eventMs,
    s: order.symbol,
    c: order.clientOrderId ?? "",
    S: order.side === "buy" ? "BUY" : "SELL",
    o: binanceOrderType(order),
    f: order.timeInForce,
    q: binanceDecimal(order.quantity),
    p: binanceDecimal(order.price),
    P: binanceDecimal(stopPrice),
    F: ZERO,
    g: listId ?? -1,
    C: cancelled ? (order.clientOrderId ?? "") : "",
    x: input.execution,
    X: input.status,
    r: "NONE",
    i: order.orderId,
    l: binanceDecimal(fill?.quantity ?? null),
    z: binanceDecimal(input.cumulative.quantity),
    L: binanceDecimal(fill?.price ?? null),
    n: binanceDecimal(fill?.fee ?? null),
    N: fill ? fill.feeAsset : null,
    T: fill ? fill.timeMs : Number(order.updatedAt),
    t: fill ? fill.tradeId : -1,
    I: 0,
    w: !cancelled && input.status !== "FILLED" && order.type === "limit",
    m: fill ? fill.maker : false,
    M: false,
    O: createdMs,
    Z: binanceDecimal(input.cumulative.quote),
    Y: binanceDecimal(fill?.quoteAmount ?? null),
    Q: binanceDecimal(order.quoteAmount),
    W: createdMs,
    V: "NONE",
  };
}

/** `outboundAccountPosition` of one asset's balance after a change. */
export function accountPositionEvent(balance: Balance, eventMs: number) {
  return {
    e: "outboundAccountPosition",
    E: eventMs,
    u: eventMs,
    B: [
      { a: balance.asset, f: binanceDecimal(balance.available), l: binanceDecimal(balance.frozen) },
    ],
  };
}

/**
 * `balanceUpdate` of a deposit credited (+amount) or a withdrawal requested (−amount) or
 * returned (rejected, cancelled, failed: +amount); undefined for a step that moves nothing.
 */
export function balanceUpdateEvent(update: WalletUpdateInput, eventMs: number) {
  if (update.kind === "deposit") {
    const { deposit } = update;
    if (deposit.status !== "CREDITED") return undefined;
    return { e: "balanceUpdate", E: eventMs, a: deposit.asset, d: deposit.amount, T: eventMs };
  }
  const { withdrawal } = update;
  const debit = sumAmount(withdrawal.amount, withdrawal.fee);
  const delta = (d: string) => ({
    e: "balanceUpdate",
    E: eventMs,
    a: withdrawal.asset,
    d,
    T: eventMs,
  });
  if (withdrawal.status === "REQUESTED") return delta(`-${debit}`);
  if (RETURNED_WITHDRAWAL.includes(withdrawal.status)) return delta(debit);
  return undefined;
}

/** Withdrawal states whose hold goes back to the user's balance. */
const RETURNED_WITHDRAWAL: readonly string[] = ["REJECTED", "CANCELLED", "FAILED"];

/** `listenKeyExpired`, the last event of a user data stream whose key expired or was closed. */
export function listenKeyExpiredEvent(listenKey: string, eventMs: number) {
  return { e: "listenKeyExpired", E: eventMs, listenKey };
}

/** Whether two decimal strings are the same amount. */
export function sameAmount(a: string, b: string): boolean {
  return compare(decimal(a), decimal(b)) === 0;
}

/** a + b of two decimal strings, exact. */
export function sumAmount(a: string, b: string): string {
  return formatDecimal(add(decimal(a), decimal(b)));
}

/** A fill push as the report's fill. */
export function reportedFill(fill: FillWire): ReportedFill {
  return {
    quantity: fill.quantity,
    price: fill.price,
    quoteAmount: fill.quoteAmount,
    fee: fill.fee,
    feeAsset: fill.feeAsset,
    tradeId: fill.tradeId,
    maker: fill.liquidity === "maker",
    timeMs: Number(fill.executedAt),
  };
}

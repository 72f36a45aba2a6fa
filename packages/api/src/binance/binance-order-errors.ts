import { RejectCode } from "@exchange/core";
import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { type BinanceError, binanceErrors, toBinanceError } from "./binance-errors";

/**
 * A refused new order in Binance's words. The market filters (tick, lot, notional, the most
 * open orders) are -1013 "Filter failure: <FILTER>" whether our input check or the engine found
 * them; every other engine rejection is -2010 with Binance's message for the case.
 */
export function newOrderError(error: unknown): BinanceError {
  if (!(error instanceof AppError)) return toBinanceError(error);
  if (error.code === AppErrorCode.INVALID_INPUT) return inputError(error);
  // Binance's answer for an account that may not trade: a KYC level without trading, or an
  // account compliance froze (cancels still pass: they go through cancelError).
  if (error.code === AppErrorCode.KYC_REQUIRED || error.code === AppErrorCode.TRADING_FROZEN) {
    return binanceErrors.newOrderRejected("This action is disabled on this account.");
  }
  if (error.code !== AppErrorCode.ORDER_REJECTED || error.rejectCode === undefined) {
    return toBinanceError(error);
  }
  return rejectionError(error.rejectCode, error.message);
}

/** The trading domain's refusal of a value: the filter the field belongs to. */
function inputError(error: AppError): BinanceError {
  const field = Object.keys(error.fieldErrors ?? {})[0];
  switch (field) {
    case "price":
    case "stopPrice":
    case "stopLimitPrice":
      return binanceErrors.filterFailure("PRICE_FILTER");
    case "quantity":
      return binanceErrors.filterFailure("LOT_SIZE");
    case "quoteAmount":
      return binanceErrors.filterFailure("NOTIONAL");
    default:
      return toBinanceError(error);
  }
}

const REJECTION_MESSAGES: Partial<Record<RejectCode, string>> = {
  [RejectCode.InsufficientBalance]: "Account has insufficient balance for requested action.",
  [RejectCode.MarketHalted]: "Market is closed.",
  [RejectCode.MarketCancelOnly]: "Market is closed.",
  [RejectCode.MarketPreOpen]: "Market is closed.",
  [RejectCode.MarketClosed]: "Market is closed.",
  [RejectCode.PostOnlyWouldTake]: "Order would immediately match and take.",
  [RejectCode.FokNotFillable]: "Order would not fill completely (FOK).",
  [RejectCode.PriceLimitRequired]: "Order book liquidity is less than symbol minimum quantity.",
  [RejectCode.DuplicateClientOrderId]: "Duplicate order sent.",
  [RejectCode.StopWouldTriggerNow]: "Order would trigger immediately.",
  [RejectCode.InvalidOcoPrices]: "The relationship of the prices for the orders is not correct.",
};

/** An engine rejection code in Binance's terms. */
export function rejectionError(code: number, message: string): BinanceError {
  switch (code) {
    case RejectCode.InvalidPrice:
    case RejectCode.PriceAboveMax:
      return binanceErrors.filterFailure("PRICE_FILTER");
    case RejectCode.InvalidQuantity:
    case RejectCode.QuantityBelowMin:
    case RejectCode.QuantityAboveMax:
      return binanceErrors.filterFailure("LOT_SIZE");
    case RejectCode.NotionalBelowMin:
    case RejectCode.NotionalAboveMax:
      return binanceErrors.filterFailure("NOTIONAL");
    case RejectCode.TooManyOpenOrders:
      return binanceErrors.filterFailure("MAX_NUM_ORDERS");
    case RejectCode.UnknownMarket:
      return binanceErrors.badSymbol();
    case RejectCode.OrderNotFound:
      return binanceErrors.cancelRejected();
    default:
      return binanceErrors.newOrderRejected(REJECTION_MESSAGES[code as RejectCode] ?? message);
  }
}

/** A refused cancel: an order that is not open (or not the caller's) is -2011 "Unknown order sent." */
export function cancelError(error: unknown): BinanceError {
  if (error instanceof AppError && error.code === AppErrorCode.ORDER_REJECTED) {
    if (error.rejectCode === RejectCode.OrderNotFound) return binanceErrors.cancelRejected();
    if (
      error.rejectCode === RejectCode.MarketHalted ||
      error.rejectCode === RejectCode.MarketClosed
    ) {
      return binanceErrors.cancelRejected("Market is closed.");
    }
  }
  return toBinanceError(error);
}

import { RejectCode } from "@exchange/core";
import { AppError, AppErrorCode } from "../errors";
import type { MarketInfo } from "../markets/market-directory";

/**
 * The engine's rejection as a trader should read it: plain words with the market's own numbers,
 * on the form field it concerns. The RejectCode travels along for programs.
 */
export function orderRejection(
  code: RejectCode,
  engineMessage: string,
  market: MarketInfo,
): AppError {
  const { dto } = market;
  const pair = `${dto.baseAsset}/${dto.quoteAsset}`;
  const [field, message] = explain(code, dto, pair) ?? ["_", engineMessage];
  return new AppError(AppErrorCode.ORDER_REJECTED, message, { [field]: [message] }, code);
}

function explain(
  code: RejectCode,
  m: MarketInfo["dto"],
  pair: string,
): [field: string, message: string] | undefined {
  switch (code) {
    case RejectCode.InsufficientBalance:
      return ["quantity", "Insufficient balance for this order."];
    case RejectCode.NotionalBelowMin:
      return ["quantity", `Order value is below the minimum of ${m.minNotional} ${m.quoteAsset}.`];
    case RejectCode.QuantityBelowMin:
      return ["quantity", `Quantity is below the minimum of ${m.minQty} ${m.baseAsset}.`];
    case RejectCode.QuantityAboveMax:
      return ["quantity", `Quantity is above the maximum of ${m.maxQty} ${m.baseAsset}.`];
    case RejectCode.PriceAboveMax:
      return ["price", `Price is above the maximum of ${m.maxPrice} ${m.quoteAsset}.`];
    case RejectCode.NotionalAboveMax:
      return ["quantity", `Order value is above the maximum of ${m.maxNotional} ${m.quoteAsset}.`];
    case RejectCode.TooManyOpenOrders:
      return [
        "_",
        `You have ${m.maxOpenOrders} open orders on ${pair}, the most allowed: cancel one first.`,
      ];
    case RejectCode.InvalidQuantity:
      return ["quantity", `Quantity must be a positive multiple of ${m.lotSize} ${m.baseAsset}.`];
    case RejectCode.InvalidPrice:
      return ["price", `Price must be a positive multiple of ${m.priceTick} ${m.quoteAsset}.`];
    case RejectCode.MarketHalted:
      return ["_", `Trading on ${pair} is halted.`];
    case RejectCode.MarketCancelOnly:
      return ["_", `${pair} accepts cancellations only at the moment.`];
    case RejectCode.MarketPreOpen:
      return ["_", `${pair} has not opened for trading yet.`];
    case RejectCode.MarketClosed:
      return ["_", `${pair} is closed.`];
    case RejectCode.PostOnlyWouldTake:
      return ["postOnly", "A post-only order would have traded at once, so it was not placed."];
    case RejectCode.FokNotFillable:
      return [
        "timeInForce",
        "The fill-or-kill order could not fill completely, so nothing traded.",
      ];
    case RejectCode.PriceLimitRequired:
      // What the API sends (a slippage) leaves one cause: no best price to measure it from.
      return ["_", "There are no orders on the other side of the book to trade with."];
    case RejectCode.DuplicateClientOrderId:
      return ["clientOrderId", "You already have an open order with this client order id."];
    case RejectCode.StopWouldTriggerNow:
      return [
        "stopPrice",
        "The last trade price has already reached this stop price, so the order would trigger at once: place a limit order instead, or move the stop price.",
      ];
    case RejectCode.InvalidOcoPrices:
      return [
        "stopPrice",
        "For an OCO sell the stop price must be below the limit price; for a buy, above it.",
      ];
    case RejectCode.AmendNotAllowed:
      return [
        "_",
        "This order cannot be changed that way: nothing would change, it belongs to an OCO list (cancel the list instead), or it is a stop order waiting for its trigger (only its quantity can be lowered).",
      ];
    case RejectCode.OrderNotFound:
      return ["_", "No open order matches: it may have filled or been cancelled already."];
    case RejectCode.UnknownMarket:
      return ["symbol", `There is no market ${m.symbol}.`];
    case RejectCode.InsufficientMargin:
      return [
        "quantity",
        "Not enough margin in your futures wallet for this order: transfer more in, lower the quantity or raise the leverage.",
      ];
    case RejectCode.ReduceOnlyWouldIncrease:
      return [
        "reduceOnly",
        "A reduce-only order must close part of your position: opposite to it and no larger.",
      ];
    case RejectCode.NotForContracts:
      return [
        "type",
        `${m.symbol} takes limit, market, stop-limit and take-profit orders (no OCO lists, no amending, no buying by amount).`,
      ];
    default:
      return undefined;
  }
}

import type { MarketDto } from "@exchange/api/client";
import {
  compare,
  type Decimal,
  decimal,
  decimalsOf,
  floorToStep,
  formatDecimal,
  isPositive,
  multiply,
  parseDecimal,
  percentOf,
  quotient,
  rescale,
  trimZeros,
} from "@exchange/contracts/money";
import type { RejectKey } from "./order-feedback";

/**
 * What the order form works out before sending: amounts from a percentage of the balance, the
 * order's value and its fee. Exact decimal arithmetic, rounded in the exchange's way: quantities
 * and amounts to spend down (never more than the trader has), fees up (never less than charged).
 */

export type Side = "buy" | "sell";

/** A positive decimal typed by the trader, or null. */
export function positiveOrNull(text: string): Decimal | null {
  const value = parseDecimal(text);
  return value && isPositive(value) ? value : null;
}

/** What the trader typed, in the plain form the API reads: ".5" → "0.5", "3." → "3". */
export function normalised(text: string): string | null {
  const value = parseDecimal(text);
  return value ? trimZeros(formatDecimal(value)) : null;
}

/** `percent` % of `available` base as a quantity, down to the lot size. */
export function quantityFromBase(market: MarketDto, available: string, percent: number): string {
  const quantity = floorToStep(percentOf(decimal(available), percent), decimal(market.lotSize));
  return formatDecimal(quantity);
}

/**
 * The quantity `percent` % of `available` quote buys at `price`, down to the lot size. A buyer
 * pays the fee in the base asset received, so the whole amount can go to the price.
 */
export function quantityFromQuote(
  market: MarketDto,
  available: string,
  percent: number,
  price: Decimal,
): string {
  const spend = percentOf(decimal(available), percent);
  const lot = decimal(market.lotSize);
  const raw = quotient(spend, price, decimalsOf(market.lotSize), "down");
  return formatDecimal(floorToStep(raw, lot));
}

/** `percent` % of `available` quote as an amount to spend, down to the quote's precision. */
export function spendFromQuote(market: MarketDto, available: string, percent: number): string {
  return trimZeros(
    formatDecimal(rescale(percentOf(decimal(available), percent), market.quotePrecision, "down")),
  );
}

/** price × quantity, exactly. */
export function notional(price: Decimal, quantity: Decimal): Decimal {
  return multiply(price, quantity);
}

/** A quantity estimated from an amount to spend at `price` (a market buy by amount). */
export function estimatedQuantity(market: MarketDto, spend: Decimal, price: Decimal): Decimal {
  return quotient(spend, price, market.basePrecision, "down");
}

export interface FeeEstimate {
  amount: string;
  asset: string;
}

/**
 * The fee on a fill: a buyer pays it in the base asset it receives, a seller in the quote asset.
 * Rounded up to the asset's precision, as the engine charges it.
 */
export function feeEstimate(
  market: MarketDto,
  side: Side,
  rate: string,
  quantity: Decimal,
  value: Decimal,
): FeeEstimate {
  const [basis, precision, asset] =
    side === "buy"
      ? [quantity, market.basePrecision, market.baseAsset]
      : [value, market.quotePrecision, market.quoteAsset];
  return {
    amount: trimZeros(formatDecimal(rescale(multiply(basis, decimal(rate)), precision, "up"))),
    asset,
  };
}

/** The higher of two rates: what a limit order may pay if it takes rather than rests. */
export function higherRate(a: string, b: string): string {
  const [x, y] = [decimal(a), decimal(b)];
  const scale = Math.max(x.scale, y.scale);
  return rescale(x, scale, "down").units >= rescale(y, scale, "down").units ? a : b;
}

/** What the trader typed, parsed; absent or invalid fields are null. */
export interface OrderFigures {
  price: Decimal | null;
  quantity: Decimal | null;
  /** A market buy's amount to spend. */
  spend: Decimal | null;
}

/** A problem the form finds itself, as a `trade.reject` message and its values. */
export interface FormProblem {
  key: RejectKey;
  values: Record<string, string | number>;
}

/**
 * The market's maxima the order breaks, by form field, as the API words them (it and the
 * engine check them again): the trader learns it before sending.
 */
export function maximaProblems(
  market: MarketDto,
  { price, quantity, spend }: OrderFigures,
): Partial<Record<"price" | "quantity" | "quoteAmount", FormProblem>> {
  const above = (value: Decimal | null, max: string) =>
    value !== null && compare(value, decimal(max)) > 0;
  const tooLarge: FormProblem = {
    key: "notionalAboveMax",
    values: { max: market.maxNotional, asset: market.quoteAsset },
  };
  const problems: Partial<Record<"price" | "quantity" | "quoteAmount", FormProblem>> = {};
  if (above(price, market.maxPrice)) {
    problems.price = {
      key: "priceAboveMax",
      values: { max: market.maxPrice, asset: market.quoteAsset },
    };
  }
  if (above(quantity, market.maxQty)) {
    problems.quantity = {
      key: "quantityAboveMax",
      values: { max: market.maxQty, asset: market.baseAsset },
    };
  } else if (price && quantity && above(notional(price, quantity), market.maxNotional)) {
    problems.quantity = tooLarge;
  }
  if (above(spend, market.maxNotional)) problems.quoteAmount = tooLarge;
  return problems;
}

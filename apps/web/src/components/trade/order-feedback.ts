import type { MarketDto } from "@exchange/api/client";
import { compare, type Decimal, decimal } from "@exchange/contracts/money";

/**
 * What the order form tells a trader besides the figures: whether their balance can pay for
 * the order (and so whether to offer a deposit), and the engine's refusals in their language
 * with the market's own numbers.
 */

/** Why the form offers a deposit: nothing of the asset at all, or less than the order needs. */
export type Shortfall = "zero" | "short";

/**
 * Whether `available` (decimal text, null while unknown) pays for `needed` (null while the form
 * cannot tell yet). An empty balance is always worth a hint; a balance is short only against a
 * known need.
 */
export function shortfallOf(available: string | null, needed: Decimal | null): Shortfall | null {
  if (available === null) return null;
  const have = decimal(available);
  if (have.units === 0n) return "zero";
  return needed && compare(needed, have) > 0 ? "short" : null;
}

/** The wallet's deposit page for one asset. */
export const depositHref = (asset: string) => `/wallet/deposit?asset=${encodeURIComponent(asset)}`;

/**
 * The engine's reject codes the form explains (packages/core reject-code.ts; the web does not
 * import the core, so the numbers are repeated here and pinned by a test).
 */
export const REJECT = {
  MarketHalted: 300,
  MarketCancelOnly: 301,
  MarketPreOpen: 302,
  MarketClosed: 303,
  InvalidPrice: 400,
  InvalidQuantity: 401,
  QuantityBelowMin: 402,
  QuantityAboveMax: 403,
  NotionalBelowMin: 404,
  PriceLimitRequired: 406,
  DuplicateClientOrderId: 407,
  PostOnlyWouldTake: 408,
  FokNotFillable: 409,
  PriceAboveMax: 410,
  NotionalAboveMax: 411,
  TooManyOpenOrders: 412,
  StopWouldTriggerNow: 413,
  InvalidOcoPrices: 414,
  AmendNotAllowed: 415,
  InsufficientBalance: 600,
} as const;

/** A message key of the `trade.reject` catalog. */
export type RejectKey =
  | "insufficientBalance"
  | "notionalBelowMin"
  | "quantityBelowMin"
  | "quantityAboveMax"
  | "priceAboveMax"
  | "notionalAboveMax"
  | "tooManyOpenOrders"
  | "invalidQuantity"
  | "invalidPrice"
  | "marketHalted"
  | "marketCancelOnly"
  | "marketPreOpen"
  | "marketClosed"
  | "postOnlyWouldTake"
  | "fokNotFillable"
  | "noBook"
  | "duplicateClientOrderId"
  | "stopWouldTriggerNow"
  | "invalidOcoPrices"
  | "amendNotAllowed";

export type RejectField = "price" | "stopPrice" | "quantity" | "postOnly" | "timeInForce" | "_";

export interface Rejection {
  /** The form field it concerns ("_": the whole form). */
  field: RejectField;
  key: RejectKey;
  values: Record<string, string | number>;
}

/**
 * A refusal by its reject code, on the field the API puts it on, with the market's numbers as
 * the API words them; null for a code the form does not know (it shows the API's sentence).
 */
export function rejectionOf(code: number, market: MarketDto): Rejection | null {
  const pair = `${market.baseAsset}/${market.quoteAsset}`;
  const base = market.baseAsset;
  const quote = market.quoteAsset;
  const on = (field: RejectField, key: RejectKey, values: Rejection["values"] = {}) => ({
    field,
    key,
    values,
  });
  switch (code) {
    case REJECT.InsufficientBalance:
      return on("quantity", "insufficientBalance");
    case REJECT.NotionalBelowMin:
      return on("quantity", "notionalBelowMin", { min: market.minNotional, asset: quote });
    case REJECT.QuantityBelowMin:
      return on("quantity", "quantityBelowMin", { min: market.minQty, asset: base });
    case REJECT.QuantityAboveMax:
      return on("quantity", "quantityAboveMax", { max: market.maxQty, asset: base });
    case REJECT.PriceAboveMax:
      return on("price", "priceAboveMax", { max: market.maxPrice, asset: quote });
    case REJECT.NotionalAboveMax:
      return on("quantity", "notionalAboveMax", { max: market.maxNotional, asset: quote });
    case REJECT.TooManyOpenOrders:
      return on("_", "tooManyOpenOrders", { count: market.maxOpenOrders, pair });
    case REJECT.InvalidQuantity:
      return on("quantity", "invalidQuantity", { step: market.lotSize, asset: base });
    case REJECT.InvalidPrice:
      return on("price", "invalidPrice", { step: market.priceTick, asset: quote });
    case REJECT.MarketHalted:
      return on("_", "marketHalted", { pair });
    case REJECT.MarketCancelOnly:
      return on("_", "marketCancelOnly", { pair });
    case REJECT.MarketPreOpen:
      return on("_", "marketPreOpen", { pair });
    case REJECT.MarketClosed:
      return on("_", "marketClosed", { pair });
    case REJECT.PostOnlyWouldTake:
      return on("postOnly", "postOnlyWouldTake");
    case REJECT.FokNotFillable:
      return on("timeInForce", "fokNotFillable");
    case REJECT.PriceLimitRequired:
      return on("_", "noBook");
    case REJECT.DuplicateClientOrderId:
      return on("_", "duplicateClientOrderId");
    case REJECT.StopWouldTriggerNow:
      return on("stopPrice", "stopWouldTriggerNow");
    case REJECT.InvalidOcoPrices:
      return on("stopPrice", "invalidOcoPrices");
    case REJECT.AmendNotAllowed:
      return on("_", "amendNotAllowed");
    default:
      return null;
  }
}

import { decimalsOf, type MarketUnits } from "@exchange/contracts/money";
import type { OrderWire } from "@exchange/contracts/order";

/**
 * An order as staff read it on a trader's profile. The price an order carries means two things
 * (a limit order's limit, a market order's protection price set by the engine from its book), so
 * staff get them apart: `limitPrice` only for a limit order, and `averageFillPrice` for what the
 * order really traded at. Each amount comes with the places its column shows.
 */
export interface ProfileOrder extends OrderWire {
  baseAsset: string;
  quoteAsset: string;
  /** The limit price; null for a market order, whose stored price is only its protection. */
  limitPrice: string | null;
  /** Executed quote ÷ executed quantity ({@link averageFillPrice}); null while nothing filled. */
  averageFillPrice: string | null;
  /** Places of a price on this market: the tick's. */
  priceDecimals: number;
  /** Places of a quantity on this market: the lot's. */
  quantityDecimals: number;
  /** Places of a quote amount: the quote asset's precision. */
  quoteDecimals: number;
}

/** Places of a price on the market: its tick's ("0.01" → 2). */
export function priceDecimalsOf(units: MarketUnits): number {
  return decimalsOf(units.price(1n));
}

/**
 * The average price an order filled at: executed quote atoms ÷ executed lots, in whole ticks,
 * written with the tick's places ("50000.10", never "50000.1" or "50000.1033").
 *
 * Rounding: DOWN to a whole tick (toward zero; the quote and lots are never negative), the same
 * rounding the trader's own order history uses (`MarketUnits.averagePrice`), so staff and trader
 * read the same figure. The true average lies in [result, result + one tick). When every fill was
 * at one price the division is exact and that price comes back unchanged. Null when nothing filled.
 */
export function averageFillPrice(
  units: MarketUnits,
  filledQuoteAtoms: bigint,
  filledLots: bigint,
): string | null {
  const average = units.averagePrice(filledQuoteAtoms, filledLots);
  return average === null ? null : fixedPlaces(average, priceDecimalsOf(units));
}

/** `text` with exactly `places` decimals; only zeros are added (the caller never has more). */
function fixedPlaces(text: string, places: number): string {
  if (places === 0) return text;
  const [whole = "0", fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(places, "0")}`;
}

/**
 * The profile's view of one order from the read model's wire form: its fills are read back into
 * engine units (exact: the wire wrote them from units), averaged, and the limit kept apart.
 */
export function profileOrder(order: OrderWire, units: MarketUnits): ProfileOrder {
  const filledLots = units.parseQuantity(order.filledQuantity);
  const filledQuoteAtoms = units.parseQuote(order.filledQuote);
  return {
    ...order,
    baseAsset: units.scale.base,
    quoteAsset: units.scale.quote,
    // Every kind but a market order has a limit price (a stop order's, once it triggers).
    limitPrice: order.type === "market" ? null : order.price,
    averageFillPrice: averageFillPrice(units, filledQuoteAtoms, filledLots),
    priceDecimals: priceDecimalsOf(units),
    quantityDecimals: decimalsOf(units.quantity(1n)),
    quoteDecimals: units.scale.quotePrecision,
  };
}

/**
 * The hard ceiling every configured maximum must respect: a market's maximum price (ticks),
 * quantity (lots) and notional (quote atoms), and an asset's maximum amount (atoms) are each at
 * most `MAX_UNITS`; `market.add` and `asset.add` reject anything larger. With every order and
 * balance inside its maximum, every value derived downstream stays inside what the read models,
 * the depth snapshot and the wire codecs hold:
 *
 * - A price, quantity, notional, frozen amount or single posting is ≤ 10^30 (31 digits).
 * - A trade's quote amount is the resting maker's price × lots × quotePerTickLot, at most that
 *   order's notional, so ≤ 10^30; a fee is at most the amount it is taken from (fee rates are
 *   ≤ 10 %), so ≤ 10^30.
 * - A user's balance is ≤ the asset's maximum (≤ 10^30) after any deposit, transfer or
 *   adjustment credits it; fills raise it further only by trades' amounts (below).
 * - Sums of many values: a candle's volume and quote volume, an order's filled quote, a balance
 *   grown by fills, the fee account. Each adds at most 10^30 per trade, and the read models
 *   number trades with INTEGER ids (< 2^31), so any such sum is < 2^31 × 10^30 + 10^30
 *   ≈ 2.2 × 10^39 < 10^40, the largest NUMERIC(40,0). The clearing accounts (deposit, withdrawal) grow with every deposit ever
 *   made: 10^10 deposits of the maximum amount fit, far beyond any real asset's supply.
 * - Wire: bigints cross as decimal text of up to 60 digits (protocol codecs.ts); the market
 *   data depth fields pad ticks to 40 digits. Both hold 10^30 with room to spare.
 *
 * Below 10^30 an asset of precision 18 can still have a maximum of 10^12 whole units.
 */
export const MAX_UNITS = 10n ** 30n;

/**
 * Largest `maxOpenOrders` a market may set: one user's open orders in one market are walked by
 * `order.cancelAll` in a single command, which must stay short.
 */
export const MAX_OPEN_ORDERS_CEILING = 100_000;

/**
 * The limits a command journaled before limits existed gets: the ceilings, so replaying an old
 * journal accepts what it accepted then (unless it broke the ceiling, which no venue should).
 */
export const LEGACY_LIMITS = {
  maxPriceTicks: MAX_UNITS,
  maxNotionalAtoms: MAX_UNITS,
  maxOpenOrders: MAX_OPEN_ORDERS_CEILING,
  maxAmountAtoms: MAX_UNITS,
} as const;

/** A configured maximum: a positive bigint no larger than the hard ceiling (limits.ts). */
export function isWithinCeiling(value: unknown): value is bigint {
  return typeof value === "bigint" && value > 0n && value <= MAX_UNITS;
}

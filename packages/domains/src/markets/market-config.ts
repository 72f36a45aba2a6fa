import { ENGINE_MARKET_STATUS, type Market } from "@exchange/contracts/market";
import { parseSteps, parseUnits } from "@exchange/contracts/money";
import type { MarketConfig, MarketStatus } from "@exchange/core";

/** Fee rates become parts per million in the engine: "0.001" (0.1 %) is 1000. */
const PPM_DECIMALS = 6;

/** The engine's name of each status of the markets table. */
export const ENGINE_STATUS = ENGINE_MARKET_STATUS;

/** The markets table's name of each engine status (what the projector writes). */
export const TABLE_STATUS: Record<MarketStatus, Market["status"]> = {
  preOpen: "PRE_OPEN",
  trading: "TRADING",
  cancelOnly: "CANCEL_ONLY",
  halted: "HALTED",
  closed: "CLOSED",
};

/**
 * A market as the engine knows it: every decimal of the database row converted exactly to
 * integer units (price tick and lot size in atoms, quantity limits in lots, the price limit in
 * ticks, notional limits in quote atoms). Throws UnitsError if the row is not representable — a configuration error that
 * must be fixed, never rounded away.
 */
export function engineMarketConfig(market: Market): MarketConfig {
  const tickSizeAtoms = parseUnits(market.priceTick, market.quotePrecision);
  const lotSizeAtoms = parseUnits(market.lotSize, market.basePrecision);
  return {
    symbol: market.symbol,
    base: market.baseAsset,
    quote: market.quoteAsset,
    tickSizeAtoms,
    lotSizeAtoms,
    minQtyLots: parseSteps(market.minQty, market.basePrecision, lotSizeAtoms),
    maxQtyLots: parseSteps(market.maxQty, market.basePrecision, lotSizeAtoms),
    minNotionalAtoms: parseUnits(market.minNotional, market.quotePrecision),
    maxPriceTicks: parseSteps(market.maxPrice, market.quotePrecision, tickSizeAtoms),
    maxNotionalAtoms: parseUnits(market.maxNotional, market.quotePrecision),
    maxOpenOrders: market.maxOpenOrders,
    makerFeePpm: Number(parseUnits(market.makerFeeRate, PPM_DECIMALS)),
    takerFeePpm: Number(parseUnits(market.takerFeeRate, PPM_DECIMALS)),
    status: ENGINE_STATUS[market.status],
  };
}

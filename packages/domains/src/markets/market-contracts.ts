import { z } from "zod";

export const ZListMarketsInput = z.void();

/** A market as traders see it. Decimal strings, never numbers (SPEC §3). */
export const ZMarketDto = z.object({
  symbol: z.string(),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  basePrecision: z.number().int(),
  quotePrecision: z.number().int(),
  priceTick: z.string(),
  lotSize: z.string(),
  minQty: z.string(),
  maxQty: z.string(),
  /** Largest limit price accepted, in the quote asset. */
  maxPrice: z.string(),
  minNotional: z.string(),
  /** Largest order value (price × quantity, or a market buy's amount to spend), in the quote asset. */
  maxNotional: z.string(),
  /** Most open orders one trader may have in this market. */
  maxOpenOrders: z.number().int(),
  makerFeeRate: z.string(),
  takerFeeRate: z.string(),
  status: z.enum(["TRADING", "CANCEL_ONLY", "HALTED"]),
});
export type MarketDto = z.infer<typeof ZMarketDto>;

export const ZListMarketsOutput = z.array(ZMarketDto);

import { z } from "zod";
import { ZDecimal } from "./wire";

/** A market as traders see it: its assets, steps and limits as decimal strings (SPEC §3). */
export const ZMarket = z.object({
  symbol: z.string(),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  basePrecision: z.number().int(),
  quotePrecision: z.number().int(),
  priceTick: ZDecimal,
  lotSize: ZDecimal,
  minQty: ZDecimal,
  maxQty: ZDecimal,
  /** Largest limit price accepted, in the quote asset. */
  maxPrice: ZDecimal,
  minNotional: ZDecimal,
  /** Largest order value (price × quantity, or a market buy's amount to spend), in the quote asset. */
  maxNotional: ZDecimal,
  /** Most open orders one trader may have in this market. */
  maxOpenOrders: z.number().int(),
  makerFeeRate: ZDecimal,
  takerFeeRate: ZDecimal,
  status: z.enum(["TRADING", "CANCEL_ONLY", "HALTED"]),
});
export type Market = z.infer<typeof ZMarket>;

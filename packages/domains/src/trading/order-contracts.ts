import { z } from "zod";
import { ZRowId, ZSymbolText } from "../input-bounds";

/** A decimal amount as the wire carries it (SPEC §3): digits, at most one point, never a number. */
export const ZDecimal = z.string();

/** Order statuses as traders see them. */
export const ZOrderStatus = z.enum(["OPEN", "PARTIALLY_FILLED", "FILLED", "CANCELLED"]);

/** One order, in the market's decimal units. */
export const ZOrderDto = z.object({
  orderId: z.number().int(),
  clientOrderId: z.string().nullable(),
  symbol: z.string(),
  side: z.enum(["buy", "sell"]),
  type: z.enum(["limit", "market"]),
  /** Limit price, or a market order's protection price; null for none. */
  price: ZDecimal.nullable(),
  /** Ordered base quantity; null for a market buy by quote amount. */
  quantity: ZDecimal.nullable(),
  /** Quote amount of a market buy by quote amount, else null. */
  quoteAmount: ZDecimal.nullable(),
  filledQuantity: ZDecimal,
  /** Quote value of the fills, before fees. */
  filledQuote: ZDecimal,
  /** filledQuote / filledQuantity, rounded down to the tick; null before any fill. */
  averagePrice: ZDecimal.nullable(),
  status: ZOrderStatus,
  timeInForce: z.enum(["GTC", "IOC", "FOK"]),
  postOnly: z.boolean(),
  cancelReason: z.enum(["user", "cancelAll", "expired", "selfTrade"]).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type OrderDto = z.infer<typeof ZOrderDto>;

/** Keyset pagination: pass the previous page's `nextCursor` to get the next (older) page. */
export const ZPageInput = z.object({
  symbol: ZSymbolText.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: ZRowId.optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.number().int().optional() });

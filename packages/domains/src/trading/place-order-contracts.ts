import { ZOrder } from "@exchange/contracts/order";
import { z } from "zod";

/**
 * Place an order. Decimal strings in the market's units; the API converts them exactly (a price
 * off the tick or a quantity off the lot is refused, never rounded). `clientOrderId` makes the
 * call idempotent: retrying with the same one returns the first result.
 * - limit: `price` and `quantity`; `timeInForce` (GTC default), `postOnly` (GTC only).
 * - market sell: `quantity`. Market buy: `quantity` or `quoteAmount` (what to spend).
 *   Market orders never fill beyond `slippagePercent` (default 5) from the best opposite price.
 */
export const ZPlaceOrderInput = z.object({
  symbol: z.string().min(1).max(20),
  side: z.enum(["buy", "sell"]),
  type: z.enum(["limit", "market"]),
  price: z.string().max(80).optional(),
  quantity: z.string().max(80).optional(),
  quoteAmount: z.string().max(80).optional(),
  timeInForce: z.enum(["GTC", "IOC", "FOK"]).optional(),
  postOnly: z.boolean().optional(),
  slippagePercent: z.number().min(0.1).max(50).optional(),
  clientOrderId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,36}$/, "Use 1–36 letters, digits, '-' or '_'.")
    .optional(),
});
export type PlaceOrderInput = z.infer<typeof ZPlaceOrderInput>;

/** The order as the engine accepted it, with whatever filled at once, and its trades. */
export const ZPlaceOrderOutput = z.object({
  order: ZOrder,
  fills: z.array(
    z.object({
      tradeId: z.number().int(),
      price: z.string(),
      quantity: z.string(),
      fee: z.string(),
      feeAsset: z.string(),
    }),
  ),
});

import { ZBalance } from "@exchange/contracts/balance";
import { ZOrder } from "@exchange/contracts/order";
import { ZFill } from "@exchange/contracts/trade";
import { ZRowId, ZSymbolText } from "@exchange/domains/input-bounds";
import { pageOf, ZPageInput } from "@exchange/domains/trading/order-contracts";
import { z } from "zod";

export const ZCancelOrderInput = z
  .object({
    symbol: ZSymbolText,
    orderId: ZRowId.optional(),
    clientOrderId: z.string().min(1).max(36).optional(),
  })
  .refine((v) => (v.orderId === undefined) !== (v.clientOrderId === undefined), {
    message: "Give exactly one of orderId and clientOrderId.",
  });

export const ZCancelOrderOutput = z.object({
  orderId: z.number().int(),
  filledQuantity: z.string(),
  /** What was still open and is now cancelled. */
  cancelledQuantity: z.string(),
});

/** Every open order of the caller in one market, or with no symbol in every market. */
export const ZCancelAllInput = z.object({ symbol: ZSymbolText.optional() });
export const ZCancelAllOutput = z.object({ cancelled: z.number().int() });

export const ZOrdersPageInput = ZPageInput;
export const ZOrdersPage = pageOf(ZOrder);

export const ZTradesPage = pageOf(ZFill);
export const ZBalancesOutput = z.array(ZBalance);

/** A short-lived token for `{"op":"auth"}` on the WebSocket gateway. */
export const ZStreamTokenOutput = z.object({ token: z.string(), expiresAt: z.date() });

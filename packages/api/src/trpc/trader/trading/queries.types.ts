import { ZRowId, ZSymbolText } from "@exchange/domains/input-bounds";
import { pageOf, ZOrderDto, ZPageInput } from "@exchange/domains/trading/order-contracts";
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

export const ZCancelAllInput = z.object({ symbol: ZSymbolText });
export const ZCancelAllOutput = z.object({ cancelled: z.number().int() });

export const ZOrdersPageInput = ZPageInput;
export const ZOrdersPage = pageOf(ZOrderDto);

/** One of the caller's fills. */
export const ZMyTradeDto = z.object({
  tradeId: z.number().int(),
  orderId: z.number().int(),
  symbol: z.string(),
  side: z.enum(["buy", "sell"]),
  liquidity: z.enum(["maker", "taker"]),
  price: z.string(),
  quantity: z.string(),
  quoteAmount: z.string(),
  fee: z.string(),
  feeAsset: z.string(),
  executedAt: z.date(),
});
export const ZTradesPage = pageOf(ZMyTradeDto);

export const ZBalanceDto = z.object({
  asset: z.string(),
  available: z.string(),
  frozen: z.string(),
  total: z.string(),
});
export const ZBalancesOutput = z.array(ZBalanceDto);

/** A short-lived token for `{"op":"auth"}` on the WebSocket gateway. */
export const ZStreamTokenOutput = z.object({ token: z.string(), expiresAt: z.date() });

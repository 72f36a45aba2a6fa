import { z } from "zod";

/**
 * What traders send about their futures account. Amounts are decimal strings in the asset's
 * units (refused, never rounded, beyond its decimals); every money move carries an id the form
 * makes once, so a double submit moves the money once.
 */
export const ZFuturesTransferInput = z.object({
  asset: z.string().regex(/^[A-Z0-9]{2,12}$/),
  amount: z.string().min(1).max(80),
  direction: z.enum(["toFutures", "toSpot"]),
  transferId: z.string().uuid(),
});
export type FuturesTransferInput = z.infer<typeof ZFuturesTransferInput>;

export const ZFuturesTransferOutput = z.object({
  transferId: z.string(),
  asset: z.string(),
  amount: z.string(),
  direction: z.enum(["toFutures", "toSpot"]),
  /** True when this id had moved the money already (nothing moved now). */
  repeated: z.boolean(),
});
export type FuturesTransferOutput = z.infer<typeof ZFuturesTransferOutput>;

const ZContractSymbol = z.string().regex(/^[A-Z0-9]{2,27}-PERP$/);

export const ZLeverageInput = z.object({
  symbol: ZContractSymbol,
  leverage: z.number().int().min(1).max(200),
  requestId: z.string().uuid(),
});
export type LeverageInput = z.infer<typeof ZLeverageInput>;

export const ZMarginModeInput = z.object({
  symbol: ZContractSymbol,
  mode: z.enum(["cross", "isolated"]),
  requestId: z.string().uuid(),
});
export type MarginModeInput = z.infer<typeof ZMarginModeInput>;

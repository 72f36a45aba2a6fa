import { ZMarket, ZMarketStatus } from "@exchange/contracts/market";
import { ZSymbol } from "@exchange/contracts/wire";
import { MAX_OPEN_ORDERS_CEILING } from "@exchange/core";
import { z } from "zod";

/** A non-negative decimal string, as every amount of reference data is written. */
const ZAmount = z
  .string()
  .max(40)
  .regex(/^\d+(\.\d+)?$/, "must be a decimal number such as 0.01");

/** Asset codes as the engine takes them (packages/core asset-commands.ts), at most 10 here. */
export const ZAssetCode = z
  .string()
  .regex(/^[A-Z0-9]{2,10}$/, "must be 2 to 10 capital letters or digits, such as BTC");

/** Precision of an asset: the database stores amounts with 18 decimals. */
export const MAX_ASSET_PRECISION = 18;

export const ZCreateAssetInput = z.object({
  code: ZAssetCode,
  name: z.string().trim().min(1).max(64),
  precision: z.number().int().min(0).max(MAX_ASSET_PRECISION),
  /** Largest balance one user may hold, in whole units. */
  maxAmount: ZAmount.default("1000000000"),
  status: z.enum(["ACTIVE", "DISABLED"]).default("ACTIVE"),
});
export type CreateAssetInput = z.infer<typeof ZCreateAssetInput>;

/** Suspends an asset's deposits and withdrawals (DISABLED) or resumes them (ACTIVE). */
export const ZSetAssetStatusInput = z.object({
  code: ZAssetCode,
  status: z.enum(["ACTIVE", "DISABLED"]),
  reason: z
    .string()
    .trim()
    .min(3, "Say why, in a few words.")
    .max(500, "Keep the reason under 500 characters."),
});
export type SetAssetStatusInput = z.infer<typeof ZSetAssetStatusInput>;

export const ZAssetOutput = z.object({
  code: z.string(),
  name: z.string(),
  precision: z.number().int(),
  maxAmount: z.string(),
  status: z.enum(["ACTIVE", "DISABLED"]),
});

export const ZCreateMarketInput = z.object({
  baseAsset: ZAssetCode,
  quoteAsset: ZAssetCode,
  priceTick: ZAmount,
  lotSize: ZAmount,
  minQty: ZAmount,
  maxQty: ZAmount,
  maxPrice: ZAmount,
  minNotional: ZAmount,
  maxNotional: ZAmount,
  maxOpenOrders: z.number().int().min(1).max(MAX_OPEN_ORDERS_CEILING).default(200),
  makerFeeRate: ZAmount,
  takerFeeRate: ZAmount,
  /** A new market opens at once, or waits in pre-open for a scheduled or manual opening. */
  status: z.enum(["PRE_OPEN", "TRADING"]).default("PRE_OPEN"),
});
export type CreateMarketInput = z.infer<typeof ZCreateMarketInput>;
export const ZCreateMarketOutput = ZMarket;

const ZMarketSymbol = ZSymbol;

export const ZChangeMarketStatusInput = z.object({
  symbol: ZMarketSymbol,
  status: ZMarketStatus,
});

export const ZScheduleMarketStatusInput = ZChangeMarketStatusInput.extend({
  /** When it runs; in the future, within a year. */
  runAt: z.coerce.date(),
});

export const ZCancelStatusChangeInput = z.object({ id: z.uuid() });

export const ZStatusChange = z.object({
  id: z.string(),
  symbol: z.string(),
  status: ZMarketStatus,
  runAt: z.date(),
  state: z.enum(["PENDING", "SENDING", "DONE", "REJECTED", "CANCELLED"]),
  requestedById: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type StatusChange = z.infer<typeof ZStatusChange>;

export const ZListStatusChangesOutput = z.array(ZStatusChange);

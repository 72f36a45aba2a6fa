import { ZDay } from "@exchange/contracts/savings";
import { ZDecimal } from "@exchange/contracts/wire";
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE, ZRowId } from "../input-bounds";

/** Tier numbers operations may use: a schedule of a hundred tiers is already absurd. */
export const MAX_FEE_TIER = 99;
/** The longest fee-income report, in days. */
export const MAX_REPORT_DAYS = 92;

export const ZFeeTierNumber = z
  .number()
  .int()
  .min(0, "Tiers are numbered from 0.")
  .max(MAX_FEE_TIER, `Tiers are numbered up to ${MAX_FEE_TIER}.`);

/** A percentage of the market rate as typed: "80", "-25", "12.5" (checked by the service). */
const ZPercentText = z.string().trim().min(1).max(16);

const ZReason = z
  .string()
  .trim()
  .min(3, "Say why, in a few words.")
  .max(500, "Keep the reason under 500 characters.")
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** Create a tier or change one: its volume threshold (in USDT) and its scales of market rates. */
export const ZSetFeeTierInput = z.object({
  tier: ZFeeTierNumber,
  minVolume: z
    .string()
    .trim()
    .max(40)
    .regex(/^\d+(\.\d+)?$/, "Give the volume as a number of USDT, such as 100000."),
  makerScalePercent: ZPercentText,
  takerScalePercent: ZPercentText,
});
export type SetFeeTierInput = z.infer<typeof ZSetFeeTierInput>;

export const ZFeeTierRow = z.object({
  tier: z.number().int(),
  /** 30-day volume from which it applies, in `volumeAsset`. */
  minVolume: ZDecimal,
  /** Percentage of each market's maker rate charged; negative pays a rebate. */
  makerScalePercent: ZDecimal,
  takerScalePercent: ZDecimal,
  revision: z.number().int(),
  updatedAt: z.date(),
});
export type FeeTierRow = z.infer<typeof ZFeeTierRow>;

export const ZFeeScheduleOutput = z.object({
  volumeAsset: z.string(),
  windowDays: z.number().int(),
  tiers: z.array(ZFeeTierRow),
});
export type FeeScheduleOutput = z.infer<typeof ZFeeScheduleOutput>;

export const ZSetFeeOverrideInput = z.object({
  userId: ZRowId,
  tier: ZFeeTierNumber,
  reason: ZReason,
});
export type SetFeeOverrideInput = z.infer<typeof ZSetFeeOverrideInput>;

export const ZClearFeeOverrideInput = z.object({ userId: ZRowId, reason: ZReason });
export type ClearFeeOverrideInput = z.infer<typeof ZClearFeeOverrideInput>;

/** A trader's standing as operations see it: the tier the engine has, and any override. */
export const ZUserFeeTier = z.object({
  userId: z.number().int(),
  email: z.string(),
  tier: z.number().int(),
  volume: ZDecimal,
  volumeAt: z.date().nullable(),
  overrideTier: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
  overrideAt: z.date().nullable(),
});
export type UserFeeTier = z.infer<typeof ZUserFeeTier>;
export const ZListFeeOverridesOutput = z.array(ZUserFeeTier);

/** A market's rates for one trader: the market's, scaled by their tier, as percentages. */
export const ZMarketFeeRates = z.object({
  symbol: z.string(),
  makerRatePercent: ZDecimal,
  takerRatePercent: ZDecimal,
});

/** What a trader sees of their fees. */
export const ZMyFeesOutput = z.object({
  tier: z.number().int(),
  /** Set by operations by hand: the daily job leaves it alone. */
  overridden: z.boolean(),
  volumeAsset: z.string(),
  windowDays: z.number().int(),
  /** Traded volume of the last `windowDays` days, up to now. */
  volume: ZDecimal,
  makerScalePercent: ZDecimal,
  takerScalePercent: ZDecimal,
  nextTier: z
    .object({
      tier: z.number().int(),
      minVolume: ZDecimal,
      makerScalePercent: ZDecimal,
      takerScalePercent: ZDecimal,
    })
    .nullable(),
  markets: z.array(ZMarketFeeRates),
});
export type MyFeesOutput = z.infer<typeof ZMyFeesOutput>;

/** Days as YYYY-MM-DD (UTC), both included. */
export const ZFeeIncomeInput = z
  .object({
    from: ZDay.refine(isDay, "Give a real day."),
    to: ZDay.refine(isDay, "Give a real day."),
  })
  .refine((range) => range.from <= range.to, {
    path: ["to"],
    message: "The range ends before it starts.",
  })
  .refine(
    (range) => !isDay(range.from) || !isDay(range.to) || daysBetween(range) < MAX_REPORT_DAYS,
    {
      path: ["to"],
      message: `Ask for at most ${MAX_REPORT_DAYS} days at once.`,
    },
  );
export type FeeIncomeInput = z.infer<typeof ZFeeIncomeInput>;

/** Fees one market earned in one asset on one UTC day, in that asset. */
export const ZFeeIncomeRow = z.object({
  day: z.string(),
  symbol: z.string(),
  asset: z.string(),
  makerFees: ZDecimal,
  takerFees: ZDecimal,
  rebates: ZDecimal,
  /** Maker and taker fees less rebates. */
  net: ZDecimal,
  trades: z.number().int(),
});
export type FeeIncomeRow = z.infer<typeof ZFeeIncomeRow>;
export const ZFeeIncomeOutput = z.array(ZFeeIncomeRow);

/** A real calendar day from 2000 to 9999, UTC. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text < "2000-01-01") return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function daysBetween(range: { from: string; to: string }): number {
  return (startOfDay(range.to).getTime() - startOfDay(range.from).getTime()) / 86_400_000;
}

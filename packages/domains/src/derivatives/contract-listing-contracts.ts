import { parseUnits } from "@exchange/contracts/money";
import { z } from "zod";
import { ZCreateMarketInput } from "../markets/market-operations-contracts";

/**
 * What operations fill in to list a linear perpetual (issue 20 §1): the market's steps, limits
 * and fees as a spot market's, and the perpetual's terms. Rates are decimal strings (0.005 is
 * 0.5 %), parts per million in the engine; tier bounds are whole units of the settle asset.
 * The rules the core enforces (packages/core contract-commands.ts, margin-math.ts) are checked
 * here first, each on the field it concerns, so a form shows a message beside the wrong cell
 * instead of the engine's first refusal.
 */

/** Only USDT-margined (linear) contracts for now. */
export const SETTLE_ASSETS = ["USDT"] as const;
/** The most leverage operations may offer; the core allows more (200). */
export const MAX_CONTRACT_LEVERAGE = 125;
export const MAX_RISK_TIERS = 10;
/** Funding intervals operations may choose, in hours (Binance uses 8, some contracts 4 or 1). */
export const FUNDING_INTERVAL_HOURS = [1, 4, 8] as const;
/** The core's ceiling for a funding cap or interest: 10 % per interval. */
const MAX_FUNDING_PPM = 100_000n;
const PPM = 1_000_000n;
const RATE_DECIMALS = 6;

/** A rate with at most 6 decimals (whole ppm). */
const ZRate = z
  .string()
  .max(12)
  .regex(/^\d+(\.\d{1,6})?$/, "must be a rate such as 0.005 (0.5 %), at most 6 decimals");
const ZSignedRate = z
  .string()
  .max(13)
  .regex(/^-?\d+(\.\d{1,6})?$/, "must be a rate such as 0.0001 (0.01 %), at most 6 decimals");
const ZLeverage = z
  .number()
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(MAX_CONTRACT_LEVERAGE, `must be at most ${MAX_CONTRACT_LEVERAGE}`);

/** Parts per million of a rate the schema accepted (a leading minus allowed). */
export function ratePpm(rate: string): bigint {
  return rate.startsWith("-")
    ? -parseUnits(rate.slice(1), RATE_DECIMALS)
    : parseUnits(rate, RATE_DECIMALS);
}

export const ZRiskTierInput = z.object({
  /** The largest position notional of the tier, in whole units of the settle asset. */
  maxNotional: z.string().regex(/^[1-9]\d{0,11}$/, "must be a whole number from 1 to 999999999999"),
  /** Maintenance margin rate of the tier. */
  maintenanceRate: ZRate,
  maxLeverage: ZLeverage,
});
export type RiskTierInput = z.infer<typeof ZRiskTierInput>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Why the tiers cannot be a contract's, one issue per wrong cell: bounds strictly ascending,
 * maintenance rates above 0 and not decreasing, leverage not increasing, each tier's maintenance
 * below its initial margin (rate × leverage < 1), the first tier's leverage the contract's.
 */
export function riskTierIssues(tiers: readonly RiskTierInput[], maxLeverage: number): Issue[] {
  const issues: Issue[] = [];
  const at = (index: number, field: keyof RiskTierInput, message: string) =>
    issues.push({ path: ["riskTiers", index, field], message });
  let previous: { bound: bigint; ppm: bigint; leverage: number } | undefined;
  for (const [index, tier] of tiers.entries()) {
    const bound = BigInt(tier.maxNotional);
    const ppm = ratePpm(tier.maintenanceRate);
    if (ppm === 0n) at(index, "maintenanceRate", "must be above 0");
    else if (ppm * BigInt(tier.maxLeverage) >= PPM) {
      at(index, "maintenanceRate", `must be below 1 / ${tier.maxLeverage} (the initial margin)`);
    }
    if (index === 0 && tier.maxLeverage !== maxLeverage) {
      at(index, "maxLeverage", "must be the contract's maximum leverage");
    }
    if (previous !== undefined) {
      if (bound <= previous.bound) at(index, "maxNotional", "must be above the tier before");
      if (ppm < previous.ppm) at(index, "maintenanceRate", "must not be below the tier before");
      if (tier.maxLeverage > previous.leverage) {
        at(index, "maxLeverage", "must not be above the tier before");
      }
    }
    previous = { bound, ppm, leverage: tier.maxLeverage };
  }
  return issues;
}

/** Why the funding terms cannot be: a cap above 0 and at most 10 %, interest within the cap. */
export function fundingIssues(terms: { fundingCap: string; interestRate: string }): Issue[] {
  const cap = ratePpm(terms.fundingCap);
  const interest = ratePpm(terms.interestRate);
  const issues: Issue[] = [];
  if (cap === 0n || cap > MAX_FUNDING_PPM) {
    issues.push({ path: ["fundingCap"], message: "must be above 0 and at most 0.1 (10 %)" });
  } else if (interest > cap || -interest > cap) {
    issues.push({ path: ["interestRate"], message: "must be within the funding cap" });
  }
  return issues;
}

export const ZCreateContractInput = ZCreateMarketInput.omit({ quoteAsset: true })
  .extend({
    /** The settle asset, which is also the quote. */
    quoteAsset: z.enum(SETTLE_ASSETS).default("USDT"),
    maxLeverage: ZLeverage,
    riskTiers: z
      .array(ZRiskTierInput)
      .min(1, "add at least one tier")
      .max(MAX_RISK_TIERS, `at most ${MAX_RISK_TIERS} tiers`),
    fundingIntervalHours: z.union(FUNDING_INTERVAL_HOURS.map((h) => z.literal(h))).default(8),
    /** Most a funding rate may be either way per interval. */
    fundingCap: ZRate.default("0.003"),
    /** The interest component of every funding rate, per interval. */
    interestRate: ZSignedRate.default("0.0001"),
  })
  .superRefine((input, ctx) => {
    // Zod runs this even when a field failed its own check; the rules need every field sound.
    const tiersSound =
      ZRiskTierInput.array().safeParse(input.riskTiers).success &&
      ZLeverage.safeParse(input.maxLeverage).success;
    const fundingSound =
      ZRate.safeParse(input.fundingCap).success &&
      ZSignedRate.safeParse(input.interestRate).success;
    const issues = [
      ...(tiersSound ? riskTierIssues(input.riskTiers, input.maxLeverage) : []),
      ...(fundingSound ? fundingIssues(input) : []),
    ];
    for (const issue of issues) ctx.addIssue({ code: "custom", ...issue });
  });
export type CreateContractInput = z.infer<typeof ZCreateContractInput>;

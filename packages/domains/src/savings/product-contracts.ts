import {
  compare,
  decimal,
  formatUnits,
  parseUnits,
  trimZeros,
  UnitsError,
} from "@exchange/contracts/money";
import {
  SAVINGS_EARLY_REDEMPTIONS,
  SAVINGS_PAYOUT_PERIODS,
  SAVINGS_PRODUCT_STATUSES,
  ZDay,
  ZSavingsInstance,
  ZSavingsProduct,
  ZSavingsProductVersion,
} from "@exchange/contracts/savings";
import { z } from "zod";
import type { FieldErrors } from "../errors";
import { hasNoNul, NO_NUL_MESSAGE, ZRowId } from "../input-bounds";
import { dayNumber } from "./repayment-schedule";
import { isMonth, percentToPpm, type StoredTerms } from "./savings-terms";

/**
 * What operations may configure, in two steps. The schemas here check what needs no data: text
 * lengths, number ranges, the shape and range of rates and amounts, min ≤ max ≤ daily quota and
 * the penalty rule. `checkTermsForAsset` then checks what needs the asset and the KYC levels:
 * decimals within the asset's precision, amounts within its largest, a level that exists.
 */

export const NAME_MAX_LENGTH = 80;
export const TERM_DAYS_MAX = 3650;
/** Digits of an amount as typed; the asset's precision and largest amount bound it further. */
const AMOUNT_TEXT = /^\d{1,30}(\.\d{1,18})?$/;
const RATE_TEXT = /^\d{1,3}(\.\d{1,4})?$/;

const ZRatePercent = (label: string) =>
  z
    .string()
    .trim()
    .regex(RATE_TEXT, `${label} is a percentage such as 5 or 5.25, with at most 4 decimals.`)
    .refine(
      (text) => !RATE_TEXT.test(text) || percentToPpm(text) <= 1_000_000,
      `${label} is at most 100 %.`,
    );

const ZAmount = (label: string) =>
  z
    .string()
    .trim()
    .regex(AMOUNT_TEXT, `${label} is an amount such as 1000 or 0.5.`)
    .refine((text) => !/^[0.]+$/.test(text), `${label} must be more than 0.`);

/** The terms every version has, asset aside (a product keeps its asset for life). */
const ZTermsFields = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the product a name.")
    .max(NAME_MAX_LENGTH, `A name has at most ${NAME_MAX_LENGTH} characters.`)
    .refine(hasNoNul, NO_NUL_MESSAGE),
  annualRatePercent: ZRatePercent("The annual rate"),
  termDays: z
    .number("The term is a whole number of days.")
    .int("The term is a whole number of days.")
    .min(1, "The term is at least 1 day.")
    .max(TERM_DAYS_MAX, `The term is at most ${TERM_DAYS_MAX} days (10 years).`),
  payoutPeriod: z.enum(SAVINGS_PAYOUT_PERIODS, "Choose how often interest is paid."),
  dailyQuota: ZAmount("The daily quota"),
  minAmount: ZAmount("The minimum"),
  maxAmount: ZAmount("The maximum"),
  kycLevel: z
    .number("The KYC level is a whole number.")
    .int("The KYC level is a whole number.")
    .min(0, "The KYC level is 0 or more.")
    .max(100, "No such KYC level."),
  earlyRedemption: z.enum(SAVINGS_EARLY_REDEMPTIONS, "Choose the early-redemption rule."),
  penaltyRatePercent: ZRatePercent("The penalty rate").default("0"),
});

type TermsFields = z.output<typeof ZTermsFields>;

/** The rules between fields: min ≤ max ≤ quota; a penalty rate exactly where the rule is PENALTY. */
function checkFieldRelations(terms: TermsFields, context: z.RefinementCtx): void {
  const amounts = [terms.minAmount, terms.maxAmount, terms.dailyQuota].map((text) =>
    AMOUNT_TEXT.test(text) ? decimal(text) : undefined,
  );
  const [min, max, quota] = amounts;
  if (min && max && compare(min, max) > 0) {
    context.addIssue({
      code: "custom",
      path: ["minAmount"],
      message: "The minimum cannot be above the maximum.",
    });
  }
  if (max && quota && compare(max, quota) > 0) {
    context.addIssue({
      code: "custom",
      path: ["maxAmount"],
      message: "The maximum cannot be above the daily quota.",
    });
  }
  if (!RATE_TEXT.test(terms.penaltyRatePercent)) return;
  const penalty = percentToPpm(terms.penaltyRatePercent);
  if (terms.earlyRedemption === "PENALTY" && penalty === 0) {
    context.addIssue({
      code: "custom",
      path: ["penaltyRatePercent"],
      message: "Give the penalty rate kept on early redemption (more than 0).",
    });
  }
  if (terms.earlyRedemption !== "PENALTY" && penalty !== 0) {
    context.addIssue({
      code: "custom",
      path: ["penaltyRatePercent"],
      message: "A penalty rate applies only with the penalty rule; leave it at 0.",
    });
  }
}

export const ZCreateProductInput = ZTermsFields.extend({
  asset: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,20}$/, "Choose the product's asset."),
}).superRefine(checkFieldRelations);
export type CreateProductInput = z.output<typeof ZCreateProductInput>;

/** New terms for a product: a new version. The asset is not among them: it never changes. */
export const ZReviseProductInput = ZTermsFields.extend({ id: ZRowId }).superRefine(
  checkFieldRelations,
);
export type ReviseProductInput = z.output<typeof ZReviseProductInput>;

export const ZProductIdInput = z.object({ id: ZRowId });

export const ZSetProductStatusInput = z.object({
  id: ZRowId,
  status: z.enum(SAVINGS_PRODUCT_STATUSES, "Choose ACTIVE or PAUSED."),
});

/** A month as "YYYY-MM", from 2000 on. */
export const ZMonth = z.string().refine(isMonth, "Give a month as YYYY-MM, such as 2027-01.");

export const ZGenerateInstancesInput = z.object({ month: ZMonth });
export const ZGenerateInstancesOutput = z.object({ month: z.string(), created: z.number().int() });

/** Admin's instance list: one product's, or all, within a day range of at most a year. */
export const ZListInstancesInput = z
  .object({
    productId: ZRowId.optional(),
    from: ZDay.refine(isDay, "Give a real day as YYYY-MM-DD."),
    to: ZDay.refine(isDay, "Give a real day as YYYY-MM-DD."),
  })
  .refine((range) => range.from <= range.to, {
    path: ["to"],
    message: "The range ends before it starts.",
  })
  .refine((range) => !bothDays(range) || dayNumber(range.to) - dayNumber(range.from) <= 366, {
    path: ["to"],
    message: "Ask for at most a year of instances at once.",
  });
export type ListInstancesInput = z.output<typeof ZListInstancesInput>;

const bothDays = (range: { from: string; to: string }) => isDay(range.from) && isDay(range.to);

/** A real calendar day from 2000 on (nothing is offered before). */
function isDay(text: string): boolean {
  try {
    return dayNumber(text) >= dayNumber("2000-01-01");
  } catch {
    return false;
  }
}

export const ZProductListOutput = z.array(ZSavingsProduct);
export const ZProductOutput = ZSavingsProduct;
export const ZProductVersionsOutput = z.array(ZSavingsProductVersion);
export const ZInstanceListOutput = z.array(ZSavingsInstance);

// ── The asset's and the KYC levels' bounds ───────────────────────────────────────────────────

/** What the bounds of amounts and levels depend on. */
export interface TermsContext {
  asset: { code: string; precision: number; status: "ACTIVE" | "DISABLED"; maxAmount: string };
  /** The highest level the KYC domain knows. */
  highestKycLevel: number;
}

export type TermsCheck = { ok: true; terms: StoredTerms } | { ok: false; fieldErrors: FieldErrors };

/**
 * Terms that passed the schema, against the asset (`asset` null when no such asset exists) and
 * the KYC levels: stored terms in atoms and ppm, or what a form shows beside each field.
 */
export function checkTermsForAsset(
  terms: TermsFields & { asset: string },
  context: Omit<TermsContext, "asset"> & { asset: TermsContext["asset"] | null },
): TermsCheck {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const { asset } = context;
  if (!asset) add("asset", `There is no asset ${terms.asset}.`);
  else if (asset.status !== "ACTIVE") add("asset", `${asset.code} is disabled.`);
  if (terms.kycLevel > context.highestKycLevel) {
    add("kycLevel", `The highest KYC level is ${context.highestKycLevel}.`);
  }
  const atoms: Partial<Record<"dailyQuota" | "minAmount" | "maxAmount", bigint>> = {};
  if (asset) {
    const largest = parseUnits(trimZeros(asset.maxAmount), 18);
    for (const field of ["dailyQuota", "minAmount", "maxAmount"] as const) {
      const value = amountAtoms(terms[field], asset.precision);
      if (value === undefined) {
        add(field, `${asset.code} has at most ${asset.precision} decimals.`);
      } else if (value * 10n ** BigInt(18 - asset.precision) > largest) {
        add(field, `At most ${formatUnits(largest, 18)} ${asset.code}.`);
      } else {
        atoms[field] = value;
      }
    }
  }
  if (!asset || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    terms: {
      name: terms.name,
      assetCode: asset.code,
      annualRatePpm: percentToPpm(terms.annualRatePercent),
      termDays: terms.termDays,
      payoutPeriod: terms.payoutPeriod,
      dailyQuotaAtoms: atoms.dailyQuota as bigint,
      minAmountAtoms: atoms.minAmount as bigint,
      maxAmountAtoms: atoms.maxAmount as bigint,
      kycLevel: terms.kycLevel,
      earlyRedemption: terms.earlyRedemption,
      penaltyRatePpm: percentToPpm(terms.penaltyRatePercent),
    },
  };
}

function amountAtoms(text: string, precision: number): bigint | undefined {
  try {
    return parseUnits(text, precision);
  } catch (error) {
    if (error instanceof UnitsError) return undefined;
    throw error;
  }
}

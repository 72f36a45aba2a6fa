import {
  LOAN_INTEREST_PERIODS,
  LOAN_TERM_DAYS,
  ZLoanProduct,
  ZLoanProductVersion,
  ZLoanProductWithLines,
} from "@exchange/contracts/lending";
import { formatUnits, parseUnits, trimZeros, UnitsError } from "@exchange/contracts/money";
import { z } from "zod";
import type { FieldErrors } from "../errors";
import { hasNoNul, NO_NUL_MESSAGE, ZRowId } from "../input-bounds";
import { lineProblems, percentToPpm } from "./product-lines";

/**
 * What operations may configure for a loan product, in two steps, as savings products do. The
 * schemas check what needs no data: text lengths, percent shapes and ranges, the order of the
 * lines, min ≤ max. `checkTermsForAssets` then checks what needs the assets, the market and the
 * KYC levels: the loan asset's decimals and largest amount, a spot market collateral/loan to
 * sell collateral on, a level that exists.
 */

export const NAME_MAX_LENGTH = 80;
/** Digits of an amount as typed; the loan asset's precision and largest amount bound it further. */
const AMOUNT_TEXT = /^\d{1,30}(\.\d{1,18})?$/;
const PERCENT_TEXT = /^\d{1,3}(\.\d{1,4})?$/;
/** A liquidation fee above this would take more than a liquidation can leave. */
export const LIQUIDATION_FEE_MAX_PPM = 200_000;

const ZPercent = (label: string, options: { maxPpm: number; positive: boolean }) =>
  z
    .string(`${label} is a percentage such as 80 or 82.5.`)
    .trim()
    .regex(PERCENT_TEXT, `${label} is a percentage such as 80 or 82.5, with at most 4 decimals.`)
    .refine(
      (text) => !PERCENT_TEXT.test(text) || percentToPpm(text) <= options.maxPpm,
      `${label} is at most ${formatUnits(BigInt(options.maxPpm), 4)} %.`,
    )
    .refine(
      (text) => !options.positive || !PERCENT_TEXT.test(text) || percentToPpm(text) > 0,
      `${label} must be more than 0 %.`,
    );

const ZLine = (label: string) => ZPercent(label, { maxPpm: 1_000_000, positive: true });

const ZAmount = (label: string) =>
  z
    .string(`${label} is an amount such as 100 or 0.5.`)
    .trim()
    .regex(AMOUNT_TEXT, `${label} is an amount such as 100 or 0.5.`)
    .refine((text) => !/^[0.]+$/.test(text), `${label} must be more than 0.`);

const ZAssetCode = (label: string) =>
  z
    .string(`Choose the ${label}.`)
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,20}$/, `Choose the ${label}.`);

/** The terms every version has, assets aside (a product keeps its pair for life). */
const ZTermsFields = z.object({
  name: z
    .string("Give the product a name.")
    .trim()
    .min(1, "Give the product a name.")
    .max(NAME_MAX_LENGTH, `A name has at most ${NAME_MAX_LENGTH} characters.`)
    .refine(hasNoNul, NO_NUL_MESSAGE),
  initialLtvPercent: ZLine("The initial LTV"),
  warningLinePercent: ZLine("The warning line"),
  liquidationLinePercent: ZLine("The liquidation line"),
  effectiveLiquidationLinePercent: ZLine("The effective liquidation line"),
  liquidationFeePercent: ZPercent("The liquidation fee", {
    maxPpm: LIQUIDATION_FEE_MAX_PPM,
    positive: false,
  }),
  interestPeriod: z.enum(LOAN_INTEREST_PERIODS, "Choose hourly or daily interest."),
  ratePercent: ZPercent("The interest rate", { maxPpm: 100_000, positive: false }),
  termDays: z
    .union(
      [z.literal(LOAN_TERM_DAYS[0]), z.literal(LOAN_TERM_DAYS[1]), z.literal(LOAN_TERM_DAYS[2])],
      "The term is 7, 30 or 90 days, or open-ended.",
    )
    .nullable(),
  minLoan: ZAmount("The minimum loan"),
  maxLoan: ZAmount("The maximum loan"),
  kycLevel: z
    .number("The KYC level is a whole number.")
    .int("The KYC level is a whole number.")
    .min(0, "The KYC level is 0 or more.")
    .max(100, "No such KYC level."),
});

type TermsFields = z.output<typeof ZTermsFields>;

/** The lines in order (product-lines.ts) and min ≤ max, each problem on its field. */
function checkFieldRelations(terms: TermsFields, context: z.RefinementCtx): void {
  const lineFields = [
    "initialLtvPercent",
    "warningLinePercent",
    "liquidationLinePercent",
    "effectiveLiquidationLinePercent",
  ] as const;
  if (lineFields.every((field) => PERCENT_TEXT.test(terms[field]))) {
    const problems = lineProblems({
      initialLtvPpm: percentToPpm(terms.initialLtvPercent),
      warningLinePpm: percentToPpm(terms.warningLinePercent),
      liquidationLinePpm: percentToPpm(terms.liquidationLinePercent),
      effectiveLiquidationLinePpm: percentToPpm(terms.effectiveLiquidationLinePercent),
    });
    for (const [field, message] of Object.entries(problems)) {
      context.addIssue({ code: "custom", path: [field], message });
    }
  }
  if (!AMOUNT_TEXT.test(terms.minLoan) || !AMOUNT_TEXT.test(terms.maxLoan)) return;
  // Compared at 18 decimals, the most an amount may have as typed.
  if (parseUnits(terms.minLoan, 18) > parseUnits(terms.maxLoan, 18)) {
    context.addIssue({
      code: "custom",
      path: ["minLoan"],
      message: "The minimum loan cannot be above the maximum.",
    });
  }
}

export const ZCreateLoanProductInput = ZTermsFields.extend({
  collateralAsset: ZAssetCode("collateral asset"),
  loanAsset: ZAssetCode("asset lent"),
})
  .superRefine(checkFieldRelations)
  .refine((input) => input.collateralAsset !== input.loanAsset, {
    path: ["loanAsset"],
    message: "The asset lent differs from the collateral.",
  });
export type CreateLoanProductInput = z.output<typeof ZCreateLoanProductInput>;

/** New terms for a product: a new version. Its pair is not among them: it never changes. */
export const ZReviseLoanProductInput = ZTermsFields.extend({ id: ZRowId }).superRefine(
  checkFieldRelations,
);
export type ReviseLoanProductInput = z.output<typeof ZReviseLoanProductInput>;

/** A reference price typed by staff to see the lines at: quote per whole unit of collateral. */
export const ZReferencePrice = z
  .string()
  .trim()
  .regex(/^\d{1,20}(\.\d{1,18})?$/, "A reference price is a number such as 30000.")
  .refine((text) => !/^[0.]+$/.test(text), "A reference price is more than 0.");

export const ZLoanProductIdInput = z.object({ id: ZRowId });

export const ZLoanProductInput = z.object({
  id: ZRowId,
  referencePrice: ZReferencePrice.optional(),
});

export const ZSetLoanProductEnabledInput = z.object({
  id: ZRowId,
  enabled: z.boolean("Say whether the product is enabled."),
});

export const ZLoanProductListOutput = z.array(ZLoanProductWithLines);
export const ZLoanProductOutput = ZLoanProduct;
export const ZLoanProductWithLinesOutput = ZLoanProductWithLines;
export const ZLoanProductVersionsOutput = z.array(ZLoanProductVersion);

// ── The assets', the market's and the KYC levels' bounds ────────────────────────────────────

/** A loan product's terms as stored: amounts in atoms of the loan asset, ratios in ppm. */
export interface StoredLoanTerms {
  name: string;
  collateralAsset: string;
  loanAsset: string;
  initialLtvPpm: number;
  warningLinePpm: number;
  liquidationLinePpm: number;
  effectiveLiquidationLinePpm: number;
  liquidationFeePpm: number;
  interestPeriod: (typeof LOAN_INTEREST_PERIODS)[number];
  ratePpm: number;
  termDays: number | null;
  minLoanAtoms: bigint;
  maxLoanAtoms: bigint;
  kycLevel: number;
}

export interface TermsAsset {
  code: string;
  precision: number;
  status: "ACTIVE" | "DISABLED";
  /** Largest amount in whole units, decimal text. */
  maxAmount: string;
}

/** What the data-dependent checks need; an asset is null when no asset has its code. */
export interface LoanTermsContext {
  collateral: TermsAsset | null;
  loan: TermsAsset | null;
  /** Whether a spot market sells the collateral for the loan asset (liquidations need it). */
  marketExists: boolean;
  /** The highest level the KYC domain knows. */
  highestKycLevel: number;
}

export type LoanTermsCheck =
  | { ok: true; terms: StoredLoanTerms }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Terms that passed the schema, against their assets, the market and the KYC levels: stored
 * terms in atoms and ppm, or what the form shows beside each field.
 */
export function checkTermsForAssets(
  terms: TermsFields & { collateralAsset: string; loanAsset: string },
  context: LoanTermsContext,
): LoanTermsCheck {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const { collateral, loan } = context;
  if (!collateral) add("collateralAsset", `There is no asset ${terms.collateralAsset}.`);
  else if (collateral.status !== "ACTIVE")
    add("collateralAsset", `${collateral.code} is disabled.`);
  if (!loan) add("loanAsset", `There is no asset ${terms.loanAsset}.`);
  else if (loan.status !== "ACTIVE") add("loanAsset", `${loan.code} is disabled.`);
  if (collateral && loan && !context.marketExists) {
    add(
      "collateralAsset",
      `There is no ${collateral.code}/${loan.code} market to sell collateral on.`,
    );
  }
  if (terms.kycLevel > context.highestKycLevel) {
    add("kycLevel", `The highest KYC level is ${context.highestKycLevel}.`);
  }
  const atoms: Partial<Record<"minLoan" | "maxLoan", bigint>> = {};
  if (loan) {
    const largest = parseUnits(trimZeros(loan.maxAmount), 18);
    for (const field of ["minLoan", "maxLoan"] as const) {
      const value = amountAtoms(terms[field], loan.precision);
      if (value === undefined) add(field, `${loan.code} has at most ${loan.precision} decimals.`);
      else if (value * 10n ** BigInt(18 - loan.precision) > largest) {
        add(field, `At most ${formatUnits(largest, 18)} ${loan.code}.`);
      } else atoms[field] = value;
    }
  }
  if (!collateral || !loan || Object.keys(errors).length > 0) {
    return { ok: false, fieldErrors: errors };
  }
  return {
    ok: true,
    terms: {
      name: terms.name,
      collateralAsset: collateral.code,
      loanAsset: loan.code,
      initialLtvPpm: percentToPpm(terms.initialLtvPercent),
      warningLinePpm: percentToPpm(terms.warningLinePercent),
      liquidationLinePpm: percentToPpm(terms.liquidationLinePercent),
      effectiveLiquidationLinePpm: percentToPpm(terms.effectiveLiquidationLinePercent),
      liquidationFeePpm: percentToPpm(terms.liquidationFeePercent),
      interestPeriod: terms.interestPeriod,
      ratePpm: percentToPpm(terms.ratePercent),
      termDays: terms.termDays,
      minLoanAtoms: atoms.minLoan as bigint,
      maxLoanAtoms: atoms.maxLoan as bigint,
      kycLevel: terms.kycLevel,
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

import {
  LOAN_LINES,
  type LoanLine,
  type LoanProduct,
  type LoanProductVersion,
  type LoanProductWithLines,
  type LoanTerms,
} from "@exchange/contracts/lending";
import { formatUnits, parseUnits, UnitsError } from "@exchange/contracts/money";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { findKycLevels } from "../kyc/kyc-repository";
import { inTransaction, type Services, type Store } from "../services";
import {
  type CreateLoanProductInput,
  checkTermsForAssets,
  type ReviseLoanProductInput,
  type StoredLoanTerms,
} from "./product-contracts";
import { equivalentLtvPpm, linePriceAtoms, ppmToPercent } from "./product-lines";
import {
  findLastPrices,
  findLoanProduct,
  findLoanProducts,
  findLoanProductVersions,
  findTermsAsset,
  insertLoanProduct,
  insertLoanProductVersion,
  type LoanProductRecord,
  lockLoanProduct,
  spotMarketExists,
  updateLoanProductEnabled,
} from "./product-repository";

/**
 * Operations' loan products (seed 004 借贷): create, revise (a new version; open loans keep the
 * version they opened with), enable and disable. Every change is audited in its own transaction
 * with the staff member who made it. Each line is shown beside the LTV it amounts to and its
 * price at a reference: the pair's last trade, or a price staff typed.
 */

export type LendingProductServices = Pick<Services, "db">;

export interface StaffCaller {
  staffId: number;
  ip?: string | undefined;
}

function termsOf(stored: StoredLoanTerms, loanPrecision: number): LoanTerms {
  return {
    name: stored.name,
    collateralAsset: stored.collateralAsset,
    loanAsset: stored.loanAsset,
    initialLtvPercent: ppmToPercent(stored.initialLtvPpm),
    warningLinePercent: ppmToPercent(stored.warningLinePpm),
    liquidationLinePercent: ppmToPercent(stored.liquidationLinePpm),
    effectiveLiquidationLinePercent: ppmToPercent(stored.effectiveLiquidationLinePpm),
    liquidationFeePercent: ppmToPercent(stored.liquidationFeePpm),
    interestPeriod: stored.interestPeriod,
    ratePercent: ppmToPercent(stored.ratePpm),
    termDays: stored.termDays,
    minLoan: formatUnits(stored.minLoanAtoms, loanPrecision),
    maxLoan: formatUnits(stored.maxLoanAtoms, loanPrecision),
    kycLevel: stored.kycLevel,
  };
}

export function loanProductView(record: LoanProductRecord): LoanProduct {
  return {
    ...termsOf(record.terms, record.loanPrecision),
    id: record.id,
    enabled: record.enabled,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

const LINE_PPM: Record<LoanLine, (terms: StoredLoanTerms) => number> = {
  warning: (t) => t.warningLinePpm,
  liquidation: (t) => t.liquidationLinePpm,
  effectiveLiquidation: (t) => t.effectiveLiquidationLinePpm,
};

/** The product with each line's equivalent LTV and its price at `referenceAtoms` (if any). */
export function withLines(
  record: LoanProductRecord,
  referenceAtoms: bigint | null,
): LoanProductWithLines {
  const { terms, loanPrecision } = record;
  return {
    ...loanProductView(record),
    referencePrice: referenceAtoms === null ? null : formatUnits(referenceAtoms, loanPrecision),
    lines: LOAN_LINES.map((line) => {
      const linePpm = LINE_PPM[line](terms);
      return {
        line,
        linePercent: ppmToPercent(linePpm),
        equivalentLtvPercent: ppmToPercent(equivalentLtvPpm(terms.initialLtvPpm, linePpm)),
        price:
          referenceAtoms === null
            ? null
            : formatUnits(linePriceAtoms(referenceAtoms, linePpm), loanPrecision),
      };
    }),
  };
}

/** The terms' audit record: what a reader of the log needs to see what changed. */
function auditedTerms(record: LoanProductRecord): Record<string, string | number | null> {
  const { createdAt: _c, updatedAt: _u, id: _i, enabled: _e, ...terms } = loanProductView(record);
  return terms;
}

/** Terms bounded by their assets, their market and the KYC levels, or INVALID_INPUT per field. */
async function checkedTerms(
  db: Store,
  input: Omit<CreateLoanProductInput, never>,
): Promise<StoredLoanTerms> {
  const [collateral, loan, marketExists, levels] = await Promise.all([
    findTermsAsset(db, input.collateralAsset),
    findTermsAsset(db, input.loanAsset),
    spotMarketExists(db, input.collateralAsset, input.loanAsset),
    findKycLevels(db),
  ]);
  const highestKycLevel = Math.max(0, ...levels.map((l) => l.level));
  const check = checkTermsForAssets(input, { collateral, loan, marketExists, highestKycLevel });
  if (check.ok) return check.terms;
  const first = Object.values(check.fieldErrors)[0]?.[0] ?? "Check the product's terms.";
  throw new AppError(AppErrorCode.INVALID_INPUT, first, check.fieldErrors);
}

async function requireProduct(db: Store, id: number): Promise<LoanProductRecord> {
  const record = await findLoanProduct(db, id);
  if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan product.");
  return record;
}

/** Every product with its lines at its pair's last trade price (none before the first trade). */
export async function listLoanProducts(
  services: LendingProductServices,
): Promise<LoanProductWithLines[]> {
  const records = await findLoanProducts(services.db);
  const prices = await findLastPrices(
    services.db,
    records.map((r) => ({ base: r.terms.collateralAsset, quote: r.terms.loanAsset })),
  );
  return records.map((r) =>
    withLines(r, prices.get(`${r.terms.collateralAsset}/${r.terms.loanAsset}`) ?? null),
  );
}

/**
 * One product with its lines at `referencePrice` (loan asset per whole collateral unit, as
 * staff typed it), or at its pair's last trade price without one.
 */
export async function getLoanProduct(
  services: LendingProductServices,
  input: { id: number; referencePrice?: string | undefined },
): Promise<LoanProductWithLines> {
  const record = await requireProduct(services.db, input.id);
  const { collateralAsset: base, loanAsset: quote } = record.terms;
  if (input.referencePrice === undefined) {
    const prices = await findLastPrices(services.db, [{ base, quote }]);
    return withLines(record, prices.get(`${base}/${quote}`) ?? null);
  }
  return withLines(record, referenceAtoms(input.referencePrice, record.loanPrecision, quote));
}

function referenceAtoms(text: string, precision: number, asset: string): bigint {
  try {
    return parseUnits(text, precision);
  } catch (error) {
    if (!(error instanceof UnitsError)) throw error;
    const message = `A price in ${asset} has at most ${precision} decimals.`;
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { referencePrice: [message] });
  }
}

/** A new product at version 1, enabled. */
export async function createLoanProduct(
  services: LendingProductServices,
  caller: StaffCaller,
  input: CreateLoanProductInput,
): Promise<LoanProduct> {
  const terms = await checkedTerms(services.db, input);
  const id = await inTransaction(services.db, async (tx) => {
    const productId = await insertLoanProduct(tx, terms, caller.staffId);
    const created = await requireProduct(tx, productId);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "lending.product.create",
      target: { type: "loan_product", id: String(productId) },
      after: { ...auditedTerms(created), enabled: created.enabled },
      ip: caller.ip,
    });
    return productId;
  });
  return loanProductView(await requireProduct(services.db, id));
}

/**
 * New terms for a product: writes version n + 1 and makes it current. Loans already open keep
 * the version they opened with (and the LTV thresholds they stored then).
 */
export async function reviseLoanProduct(
  services: LendingProductServices,
  caller: StaffCaller,
  input: ReviseLoanProductInput,
): Promise<LoanProduct> {
  const before = await requireProduct(services.db, input.id);
  const { collateralAsset, loanAsset } = before.terms;
  const terms = await checkedTerms(services.db, { ...input, collateralAsset, loanAsset });
  await inTransaction(services.db, async (tx) => {
    const locked = await lockLoanProduct(tx, input.id);
    if (!locked) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan product.");
    const previous = await requireProduct(tx, input.id);
    await insertLoanProductVersion(tx, input.id, locked.currentVersion + 1, terms, caller.staffId);
    const after = await requireProduct(tx, input.id);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "lending.product.revise",
      target: { type: "loan_product", id: String(input.id) },
      before: auditedTerms(previous),
      after: auditedTerms(after),
      ip: caller.ip,
    });
  });
  return loanProductView(await requireProduct(services.db, input.id));
}

/** Enables a product (new loans may open) or disables it (open loans run on). */
export async function setLoanProductEnabled(
  services: LendingProductServices,
  caller: StaffCaller,
  input: { id: number; enabled: boolean },
): Promise<LoanProduct> {
  await inTransaction(services.db, async (tx) => {
    const locked = await lockLoanProduct(tx, input.id);
    if (!locked) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan product.");
    if (locked.enabled === input.enabled) return;
    await updateLoanProductEnabled(tx, input.id, input.enabled);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: input.enabled ? "lending.product.enable" : "lending.product.disable",
      target: { type: "loan_product", id: String(input.id) },
      before: { enabled: locked.enabled },
      after: { enabled: input.enabled },
      ip: caller.ip,
    });
  });
  return loanProductView(await requireProduct(services.db, input.id));
}

/** A product's versions, newest first, with who wrote each. */
export async function loanProductVersions(
  services: LendingProductServices,
  id: number,
): Promise<LoanProductVersion[]> {
  const product = await requireProduct(services.db, id);
  const versions = await findLoanProductVersions(services.db, id);
  return versions.map((v) => ({
    ...termsOf(v.terms, product.loanPrecision),
    version: v.version,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  }));
}

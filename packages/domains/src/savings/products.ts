import type {
  SavingsProduct,
  SavingsProductStatus,
  SavingsProductVersion,
} from "@exchange/contracts/savings";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { findKycLevels } from "../kyc/kyc-repository";
import { inTransaction, type Store } from "../services";
import { findTermsAsset } from "./asset-repository";
import { type GenerationServices, generateMonthsAhead } from "./instances";
import {
  type CreateProductInput,
  checkTermsForAsset,
  type ReviseProductInput,
} from "./product-contracts";
import {
  findProduct,
  findProducts,
  findVersions,
  insertProduct,
  insertVersion,
  lockProduct,
  type ProductRecord,
  updateProductStatus,
} from "./product-repository";
import { type StoredTerms, termsOf } from "./savings-terms";

/**
 * Operations' savings products (templates): create, revise (a new version; instances already
 * generated keep theirs), pause and resume. Every change is audited in its own transaction with
 * the staff member who made it.
 */

export interface StaffCaller {
  staffId: number;
  ip?: string | undefined;
}

export function productView(record: ProductRecord): SavingsProduct {
  return {
    ...termsOf(record.terms, record.precision),
    id: record.id,
    status: record.status,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The terms' audit record: what a reader of the log needs to see what changed. */
function auditedTerms(record: ProductRecord): Record<string, string | number> {
  const terms = productView(record);
  return {
    version: record.version,
    name: terms.name,
    asset: terms.asset,
    annualRatePercent: terms.annualRatePercent,
    termDays: terms.termDays,
    payoutPeriod: terms.payoutPeriod,
    dailyQuota: terms.dailyQuota,
    minAmount: terms.minAmount,
    maxAmount: terms.maxAmount,
    kycLevel: terms.kycLevel,
    earlyRedemption: terms.earlyRedemption,
    penaltyRatePercent: terms.penaltyRatePercent,
  };
}

/** Terms bounded by their asset and the KYC levels, or INVALID_INPUT naming each field. */
async function checkedTerms(
  db: Store,
  input: Omit<CreateProductInput, "asset"> & { asset: string },
): Promise<StoredTerms> {
  const [asset, levels] = await Promise.all([findTermsAsset(db, input.asset), findKycLevels(db)]);
  const highestKycLevel = Math.max(0, ...levels.map((l) => l.level));
  const check = checkTermsForAsset(input, { asset, highestKycLevel });
  if (check.ok) return check.terms;
  const first = Object.values(check.fieldErrors)[0]?.[0] ?? "Check the product's terms.";
  throw new AppError(AppErrorCode.INVALID_INPUT, first, check.fieldErrors);
}

async function requireProduct(db: Store, id: number): Promise<ProductRecord> {
  const record = await findProduct(db, id);
  if (!record) throw new AppError(AppErrorCode.NOT_FOUND, "No such savings product.");
  return record;
}

export async function listProducts(services: GenerationServices): Promise<SavingsProduct[]> {
  return (await findProducts(services.db)).map(productView);
}

export async function getProduct(
  services: GenerationServices,
  id: number,
): Promise<SavingsProduct> {
  return productView(await requireProduct(services.db, id));
}

/**
 * A new product at version 1, ACTIVE, with its instances for the rest of this month and all of
 * the next generated at once, so traders can subscribe to it today.
 */
export async function createProduct(
  services: GenerationServices,
  caller: StaffCaller,
  input: CreateProductInput,
): Promise<SavingsProduct> {
  const terms = await checkedTerms(services.db, input);
  const id = await inTransaction(services.db, async (tx) => {
    const productId = await insertProduct(tx, terms, caller.staffId);
    const created = await requireProduct(tx, productId);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "savings.product.create",
      target: { type: "savings_product", id: String(productId) },
      after: { ...auditedTerms(created), status: created.status },
      ip: caller.ip,
    });
    await generateMonthsAhead(services, { productIds: [productId], store: tx });
    return productId;
  });
  return getProduct(services, id);
}

/**
 * New terms for a product: writes version n + 1 and makes it current. Instances already
 * generated keep the version they were generated from; later ones use the new terms.
 */
export async function reviseProduct(
  services: GenerationServices,
  caller: StaffCaller,
  input: ReviseProductInput,
): Promise<SavingsProduct> {
  const before = await requireProduct(services.db, input.id);
  const terms = await checkedTerms(services.db, { ...input, asset: before.terms.assetCode });
  await inTransaction(services.db, async (tx) => {
    const locked = await lockProduct(tx, input.id);
    if (!locked) throw new AppError(AppErrorCode.NOT_FOUND, "No such savings product.");
    const previous = await requireProduct(tx, input.id);
    await insertVersion(tx, input.id, locked.currentVersion + 1, terms, caller.staffId);
    const after = await requireProduct(tx, input.id);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "savings.product.revise",
      target: { type: "savings_product", id: String(input.id) },
      before: auditedTerms(previous),
      after: auditedTerms(after),
      ip: caller.ip,
    });
  });
  return getProduct(services, input.id);
}

/**
 * Pauses a product (no new instances; those generated stay offered) or resumes it. Resuming
 * generates what the pause left out of this month and the next, as creating does.
 */
export async function setProductStatus(
  services: GenerationServices,
  caller: StaffCaller,
  input: { id: number; status: SavingsProductStatus },
): Promise<SavingsProduct> {
  await inTransaction(services.db, async (tx) => {
    const locked = await lockProduct(tx, input.id);
    if (!locked) throw new AppError(AppErrorCode.NOT_FOUND, "No such savings product.");
    if (locked.status === input.status) return;
    await updateProductStatus(tx, input.id, input.status);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: input.status === "PAUSED" ? "savings.product.pause" : "savings.product.resume",
      target: { type: "savings_product", id: String(input.id) },
      before: { status: locked.status },
      after: { status: input.status },
      ip: caller.ip,
    });
    if (input.status === "ACTIVE") {
      await generateMonthsAhead(services, { productIds: [input.id], store: tx });
    }
  });
  return getProduct(services, input.id);
}

/** A product's versions, newest first, with who wrote each. */
export async function productVersions(
  services: GenerationServices,
  id: number,
): Promise<SavingsProductVersion[]> {
  const product = await requireProduct(services.db, id);
  const versions = await findVersions(services.db, id);
  return versions.map((v) => ({
    ...termsOf(v.terms, product.precision),
    version: v.version,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  }));
}

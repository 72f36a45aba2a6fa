import { storedUnits } from "@exchange/contracts/money";
import type { SavingsProductStatus } from "@exchange/contracts/savings";
import type { Store, Tx } from "../services";
import { findAssetPrecisions } from "./asset-repository";
import type { StoredTerms } from "./savings-terms";

/**
 * The savings products' repository: the only code that reads or writes `savings_products` and
 * `savings_product_versions`. A version is written once and never updated; a product's
 * `current_version` names the one new instances use. Rows come back as plain values (atoms as
 * bigint), never Prisma types.
 */

/** A product with the terms of its current version. */
export interface ProductRecord {
  id: number;
  status: SavingsProductStatus;
  version: number;
  terms: StoredTerms;
  /** The asset's precision: the decimals of the terms' amounts. */
  precision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRecord {
  id: number;
  productId: number;
  version: number;
  terms: StoredTerms;
  createdByStaffId: number | null;
  createdAt: Date;
}

export const VERSION_SELECT = {
  id: true,
  productId: true,
  version: true,
  name: true,
  annualRatePpm: true,
  termDays: true,
  payoutPeriod: true,
  dailyQuotaAtoms: true,
  minAmountAtoms: true,
  maxAmountAtoms: true,
  kycLevel: true,
  earlyRedemption: true,
  penaltyRatePpm: true,
  createdByStaffId: true,
  createdAt: true,
  product: { select: { assetCode: true } },
} as const;

type VersionRow = {
  id: number;
  productId: number;
  version: number;
  name: string;
  annualRatePpm: number;
  termDays: number;
  payoutPeriod: StoredTerms["payoutPeriod"];
  dailyQuotaAtoms: { toFixed(): string };
  minAmountAtoms: { toFixed(): string };
  maxAmountAtoms: { toFixed(): string };
  kycLevel: number;
  earlyRedemption: StoredTerms["earlyRedemption"];
  penaltyRatePpm: number;
  createdByStaffId: number | null;
  createdAt: Date;
  product: { assetCode: string };
};

export function versionRecordOf(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    productId: row.productId,
    version: row.version,
    terms: {
      name: row.name,
      assetCode: row.product.assetCode,
      annualRatePpm: row.annualRatePpm,
      termDays: row.termDays,
      payoutPeriod: row.payoutPeriod,
      dailyQuotaAtoms: storedUnits(row.dailyQuotaAtoms),
      minAmountAtoms: storedUnits(row.minAmountAtoms),
      maxAmountAtoms: storedUnits(row.maxAmountAtoms),
      kycLevel: row.kycLevel,
      earlyRedemption: row.earlyRedemption,
      penaltyRatePpm: row.penaltyRatePpm,
    },
    createdByStaffId: row.createdByStaffId,
    createdAt: row.createdAt,
  };
}

const PRODUCT_SELECT = {
  id: true,
  assetCode: true,
  status: true,
  currentVersion: true,
  createdAt: true,
  updatedAt: true,
} as const;

type ProductRow = {
  id: number;
  assetCode: string;
  status: SavingsProductStatus;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
};

async function withCurrentTerms(db: Store, products: ProductRow[]): Promise<ProductRecord[]> {
  if (products.length === 0) return [];
  const [versions, precisions] = await Promise.all([
    db.savingsProductVersion.findMany({
      where: { OR: products.map((p) => ({ productId: p.id, version: p.currentVersion })) },
      select: VERSION_SELECT,
    }),
    findAssetPrecisions(
      db,
      products.map((p) => p.assetCode),
    ),
  ]);
  const byProduct = new Map(versions.map((v) => [v.productId, versionRecordOf(v)]));
  return products.map((p) => {
    const version = byProduct.get(p.id);
    if (!version) throw new Error(`savings product ${p.id} has no version ${p.currentVersion}`);
    return {
      id: p.id,
      status: p.status,
      version: p.currentVersion,
      terms: version.terms,
      precision: precisions.get(p.assetCode),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  });
}

/** Every product with its current terms, oldest first. */
export async function findProducts(db: Store): Promise<ProductRecord[]> {
  const products = await db.savingsProduct.findMany({
    orderBy: { id: "asc" },
    select: PRODUCT_SELECT,
  });
  return withCurrentTerms(db, products);
}

export async function findProduct(db: Store, id: number): Promise<ProductRecord | null> {
  const product = await db.savingsProduct.findUnique({ where: { id }, select: PRODUCT_SELECT });
  return product ? ((await withCurrentTerms(db, [product]))[0] ?? null) : null;
}

/** Locks a product's row for the rest of the transaction; null when there is none. */
export async function lockProduct(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<Array<{ current_version: number; status: SavingsProductStatus }>>`
    SELECT current_version, status::text AS status
      FROM savings_products WHERE id = ${id} FOR UPDATE`;
  const row = rows[0];
  return row ? { currentVersion: row.current_version, status: row.status } : null;
}

function versionData(terms: StoredTerms, staffId: number) {
  return {
    name: terms.name,
    annualRatePpm: terms.annualRatePpm,
    termDays: terms.termDays,
    payoutPeriod: terms.payoutPeriod,
    dailyQuotaAtoms: terms.dailyQuotaAtoms.toString(),
    minAmountAtoms: terms.minAmountAtoms.toString(),
    maxAmountAtoms: terms.maxAmountAtoms.toString(),
    kycLevel: terms.kycLevel,
    earlyRedemption: terms.earlyRedemption,
    penaltyRatePpm: terms.penaltyRatePpm,
    createdByStaffId: staffId,
  };
}

/** A new product at version 1, ACTIVE. Returns its id. */
export async function insertProduct(tx: Tx, terms: StoredTerms, staffId: number): Promise<number> {
  const product = await tx.savingsProduct.create({
    data: {
      assetCode: terms.assetCode,
      currentVersion: 1,
      versions: { create: { version: 1, ...versionData(terms, staffId) } },
    },
    select: { id: true },
  });
  return product.id;
}

/** Writes `version` of a product's terms and makes it the current one (the row locked first). */
export async function insertVersion(
  tx: Tx,
  productId: number,
  version: number,
  terms: StoredTerms,
  staffId: number,
): Promise<void> {
  await tx.savingsProductVersion.create({
    data: { productId, version, ...versionData(terms, staffId) },
  });
  await tx.savingsProduct.update({ where: { id: productId }, data: { currentVersion: version } });
}

export async function updateProductStatus(
  tx: Tx,
  id: number,
  status: SavingsProductStatus,
): Promise<void> {
  await tx.savingsProduct.update({ where: { id }, data: { status } });
}

/** A product's versions, newest first, with who wrote each (the staff member's email). */
export async function findVersions(db: Store, productId: number) {
  const versions = await db.savingsProductVersion.findMany({
    where: { productId },
    orderBy: { version: "desc" },
    select: VERSION_SELECT,
  });
  const staffIds = [
    ...new Set(versions.flatMap((v) => (v.createdByStaffId === null ? [] : [v.createdByStaffId]))),
  ];
  const staff = await db.staff.findMany({
    where: { id: { in: staffIds } },
    select: { id: true, email: true },
  });
  const emails = new Map(staff.map((s) => [s.id, s.email]));
  return versions.map((v) => ({
    ...versionRecordOf(v),
    createdBy: v.createdByStaffId === null ? null : (emails.get(v.createdByStaffId) ?? null),
  }));
}

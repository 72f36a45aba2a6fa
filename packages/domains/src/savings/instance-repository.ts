import { storedUnits } from "@exchange/contracts/money";
import type { SavingsProductStatus } from "@exchange/contracts/savings";
import type { Prisma } from "@exchange/db";
import type { Store } from "../services";
import { findAssetPrecisions } from "./asset-repository";
import { VERSION_SELECT, type VersionRecord, versionRecordOf } from "./product-repository";
import { dateOfDay, dayOf } from "./repayment-schedule";
import type { InstanceCalendar } from "./savings-terms";

/**
 * The savings instances' repository: the only code that reads or writes `savings_instances`.
 * Generation inserts with ON CONFLICT DO NOTHING on (product_id, day), so a day's instance is
 * created once however many runs race for it. Rows come back with their version's terms.
 */

/** What generation needs of a product: its current version. */
export interface GeneratingProduct {
  productId: number;
  versionId: number;
  termDays: number;
  dailyQuotaAtoms: bigint;
}

/** ACTIVE products (all, or those of `productIds`) with their current version. */
export async function findProductsToGenerate(
  db: Store,
  productIds?: number[],
): Promise<GeneratingProduct[]> {
  const products = await db.savingsProduct.findMany({
    where: { status: "ACTIVE", ...(productIds ? { id: { in: productIds } } : {}) },
    select: { id: true, currentVersion: true },
  });
  if (products.length === 0) return [];
  const versions = await db.savingsProductVersion.findMany({
    where: { OR: products.map((p) => ({ productId: p.id, version: p.currentVersion })) },
    select: { id: true, productId: true, termDays: true, dailyQuotaAtoms: true },
  });
  return versions.map((v) => ({
    productId: v.productId,
    versionId: v.id,
    termDays: v.termDays,
    dailyQuotaAtoms: storedUnits(v.dailyQuotaAtoms),
  }));
}

export interface NewInstance {
  product: GeneratingProduct;
  calendar: InstanceCalendar;
}

/** Inserts the instances no row holds yet (by product and day); returns how many it created. */
export async function insertInstances(db: Store, instances: NewInstance[]): Promise<number> {
  if (instances.length === 0) return 0;
  const result = await db.savingsInstance.createMany({
    data: instances.map(({ product, calendar }) => ({
      productId: product.productId,
      productVersionId: product.versionId,
      day: dateOfDay(calendar.day),
      windowStart: calendar.windowStart,
      windowEnd: calendar.windowEnd,
      valueDate: dateOfDay(calendar.valueDate),
      maturityDate: dateOfDay(calendar.maturityDate),
      quotaAtoms: product.dailyQuotaAtoms.toString(),
    })),
    skipDuplicates: true,
  });
  return result.count;
}

/** An instance with the terms of the version it was generated from. */
export interface InstanceRecord {
  id: number;
  productId: number;
  productStatus: SavingsProductStatus;
  version: VersionRecord;
  day: string;
  windowStart: Date;
  windowEnd: Date;
  valueDate: string;
  maturityDate: string;
  quotaAtoms: bigint;
  subscribedAtoms: bigint;
  /** The asset's precision: the decimals of the amounts. */
  precision: number;
}

const INSTANCE_SELECT = {
  id: true,
  productId: true,
  day: true,
  windowStart: true,
  windowEnd: true,
  valueDate: true,
  maturityDate: true,
  quotaAtoms: true,
  subscribedAtoms: true,
  product: { select: { status: true, assetCode: true } },
  productVersion: { select: VERSION_SELECT },
} as const;

type InstanceWhere = Prisma.SavingsInstanceWhereInput;

async function findInstanceRecords(db: Store, where: InstanceWhere): Promise<InstanceRecord[]> {
  const rows = await db.savingsInstance.findMany({
    where,
    orderBy: [{ productId: "asc" }, { day: "asc" }],
    select: INSTANCE_SELECT,
  });
  const precisions = await findAssetPrecisions(
    db,
    rows.map((r) => r.product.assetCode),
  );
  return rows.map((row) => ({
    id: row.id,
    productId: row.productId,
    productStatus: row.product.status,
    version: versionRecordOf(row.productVersion),
    day: dayOf(row.day),
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    valueDate: dayOf(row.valueDate),
    maturityDate: dayOf(row.maturityDate),
    quotaAtoms: storedUnits(row.quotaAtoms),
    subscribedAtoms: storedUnits(row.subscribedAtoms),
    precision: precisions.get(row.product.assetCode),
  }));
}

/** Instances of days `from` to `to` (inclusive), of one product or all; by product, then day. */
export function findInstancesByDays(
  db: Store,
  range: { productId?: number | undefined; from: string; to: string },
): Promise<InstanceRecord[]> {
  return findInstanceRecords(db, {
    ...(range.productId === undefined ? {} : { productId: range.productId }),
    day: { gte: dateOfDay(range.from), lte: dateOfDay(range.to) },
  });
}

/** Instances whose window contains `at`, of products in `statuses`; by product. */
export function findInstancesOpenAt(
  db: Store,
  at: Date,
  statuses: readonly SavingsProductStatus[],
): Promise<InstanceRecord[]> {
  return findInstanceRecords(db, {
    windowStart: { lte: at },
    windowEnd: { gt: at },
    product: { status: { in: [...statuses] } },
  });
}

export async function findInstanceById(db: Store, id: number): Promise<InstanceRecord | null> {
  return (await findInstanceRecords(db, { id }))[0] ?? null;
}

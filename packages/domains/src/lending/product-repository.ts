import { decimalText, storedUnits } from "@exchange/contracts/money";
import type { Store, Tx } from "../services";
import type { StoredLoanTerms, TermsAsset } from "./product-contracts";

/**
 * The loan products' repository: the only code that reads or writes `loan_products` and
 * `loan_product_versions`, and what lending reads of assets, markets and last trades to check
 * and show a product's terms. A version is written once and never updated; a product's
 * `current_version` names the one new loans open with. Rows come back as plain values (atoms as
 * bigint), never Prisma types.
 */

/** A product with the terms of its current version. */
export interface LoanProductRecord {
  id: number;
  enabled: boolean;
  version: number;
  /** The id of the current version's row (what a loan opened now records). */
  versionId: number;
  terms: StoredLoanTerms;
  /** The loan asset's precision: the decimals of the terms' amounts. */
  loanPrecision: number;
  createdAt: Date;
  updatedAt: Date;
}

const VERSION_SELECT = {
  id: true,
  productId: true,
  version: true,
  name: true,
  initialLtvPpm: true,
  warningLinePpm: true,
  liquidationLinePpm: true,
  effectiveLiquidationLinePpm: true,
  liquidationFeePpm: true,
  interestPeriod: true,
  ratePpm: true,
  termDays: true,
  minLoanAtoms: true,
  maxLoanAtoms: true,
  kycLevel: true,
  createdByStaffId: true,
  createdAt: true,
  product: { select: { collateralAsset: true, loanAsset: true } },
} as const;

type VersionRow = {
  id: number;
  productId: number;
  version: number;
  name: string;
  initialLtvPpm: number;
  warningLinePpm: number;
  liquidationLinePpm: number;
  effectiveLiquidationLinePpm: number;
  liquidationFeePpm: number;
  interestPeriod: StoredLoanTerms["interestPeriod"];
  ratePpm: { toFixed(): string };
  termDays: number | null;
  minLoanAtoms: { toFixed(): string };
  maxLoanAtoms: { toFixed(): string };
  kycLevel: number;
  createdByStaffId: number | null;
  createdAt: Date;
  product: { collateralAsset: string; loanAsset: string };
};

function termsOfRow(row: VersionRow): StoredLoanTerms {
  return {
    name: row.name,
    collateralAsset: row.product.collateralAsset,
    loanAsset: row.product.loanAsset,
    initialLtvPpm: row.initialLtvPpm,
    warningLinePpm: row.warningLinePpm,
    liquidationLinePpm: row.liquidationLinePpm,
    effectiveLiquidationLinePpm: row.effectiveLiquidationLinePpm,
    liquidationFeePpm: row.liquidationFeePpm,
    interestPeriod: row.interestPeriod,
    ratePpm: Number(storedUnits(row.ratePpm)),
    termDays: row.termDays,
    minLoanAtoms: storedUnits(row.minLoanAtoms),
    maxLoanAtoms: storedUnits(row.maxLoanAtoms),
    kycLevel: row.kycLevel,
  };
}

const PRODUCT_SELECT = {
  id: true,
  enabled: true,
  currentVersion: true,
  loanAsset: true,
  createdAt: true,
  updatedAt: true,
} as const;

type ProductRow = {
  id: number;
  enabled: boolean;
  currentVersion: number;
  loanAsset: string;
  createdAt: Date;
  updatedAt: Date;
};

async function withCurrentTerms(db: Store, products: ProductRow[]): Promise<LoanProductRecord[]> {
  if (products.length === 0) return [];
  const [versions, assets] = await Promise.all([
    db.loanProductVersion.findMany({
      where: { OR: products.map((p) => ({ productId: p.id, version: p.currentVersion })) },
      select: VERSION_SELECT,
    }),
    db.asset.findMany({
      where: { code: { in: [...new Set(products.map((p) => p.loanAsset))] } },
      select: { code: true, precision: true },
    }),
  ]);
  const byProduct = new Map(versions.map((v) => [v.productId, v]));
  const precisions = new Map(assets.map((a) => [a.code, a.precision]));
  return products.map((p) => {
    const version = byProduct.get(p.id);
    if (!version) throw new Error(`loan product ${p.id} has no version ${p.currentVersion}`);
    const precision = precisions.get(p.loanAsset);
    if (precision === undefined) throw new Error(`lending: no asset ${p.loanAsset}`);
    return {
      id: p.id,
      enabled: p.enabled,
      version: p.currentVersion,
      versionId: version.id,
      terms: termsOfRow(version),
      loanPrecision: precision,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  });
}

/** Every product with its current terms, oldest first. */
export async function findLoanProducts(db: Store): Promise<LoanProductRecord[]> {
  const products = await db.loanProduct.findMany({
    orderBy: { id: "asc" },
    select: PRODUCT_SELECT,
  });
  return withCurrentTerms(db, products);
}

export async function findLoanProduct(db: Store, id: number): Promise<LoanProductRecord | null> {
  const product = await db.loanProduct.findUnique({ where: { id }, select: PRODUCT_SELECT });
  return product ? ((await withCurrentTerms(db, [product]))[0] ?? null) : null;
}

/** Locks a product's row for the rest of the transaction; null when there is none. */
export async function lockLoanProduct(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<Array<{ current_version: number; enabled: boolean }>>`
    SELECT current_version, enabled FROM loan_products WHERE id = ${id} FOR UPDATE`;
  const row = rows[0];
  return row ? { currentVersion: row.current_version, enabled: row.enabled } : null;
}

function versionData(terms: StoredLoanTerms, staffId: number) {
  return {
    name: terms.name,
    initialLtvPpm: terms.initialLtvPpm,
    warningLinePpm: terms.warningLinePpm,
    liquidationLinePpm: terms.liquidationLinePpm,
    effectiveLiquidationLinePpm: terms.effectiveLiquidationLinePpm,
    liquidationFeePpm: terms.liquidationFeePpm,
    interestPeriod: terms.interestPeriod,
    ratePpm: terms.ratePpm.toString(),
    termDays: terms.termDays,
    minLoanAtoms: terms.minLoanAtoms.toString(),
    maxLoanAtoms: terms.maxLoanAtoms.toString(),
    kycLevel: terms.kycLevel,
    createdByStaffId: staffId,
  };
}

/** A new product at version 1, enabled. Returns its id. */
export async function insertLoanProduct(
  tx: Tx,
  terms: StoredLoanTerms,
  staffId: number,
): Promise<number> {
  const product = await tx.loanProduct.create({
    data: {
      collateralAsset: terms.collateralAsset,
      loanAsset: terms.loanAsset,
      currentVersion: 1,
      versions: { create: { version: 1, ...versionData(terms, staffId) } },
    },
    select: { id: true },
  });
  return product.id;
}

/** Writes `version` of a product's terms and makes it the current one (the row locked first). */
export async function insertLoanProductVersion(
  tx: Tx,
  productId: number,
  version: number,
  terms: StoredLoanTerms,
  staffId: number,
): Promise<void> {
  await tx.loanProductVersion.create({
    data: { productId, version, ...versionData(terms, staffId) },
  });
  await tx.loanProduct.update({ where: { id: productId }, data: { currentVersion: version } });
}

export async function updateLoanProductEnabled(tx: Tx, id: number, enabled: boolean) {
  await tx.loanProduct.update({ where: { id }, data: { enabled } });
}

/** A product's versions, newest first, with who wrote each (the staff member's email). */
export async function findLoanProductVersions(db: Store, productId: number) {
  const versions = await db.loanProductVersion.findMany({
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
    version: v.version,
    terms: termsOfRow(v),
    createdAt: v.createdAt,
    createdBy: v.createdByStaffId === null ? null : (emails.get(v.createdByStaffId) ?? null),
  }));
}

// ── What the terms are checked and shown against ───────────────────────────────────────────

/** An asset as a product's terms are bounded by; null when none has the code. */
export async function findTermsAsset(db: Store, code: string): Promise<TermsAsset | null> {
  const asset = await db.asset.findUnique({
    where: { code },
    select: { code: true, precision: true, status: true, maxAmount: true },
  });
  return asset ? { ...asset, maxAmount: decimalText(asset.maxAmount) } : null;
}

/** Whether a spot market sells `base` for `quote` (whatever its status). */
export async function spotMarketExists(db: Store, base: string, quote: string): Promise<boolean> {
  const market = await db.market.findFirst({
    where: { baseAsset: base, quoteAsset: quote },
    select: { symbol: true },
  });
  return market !== null;
}

/**
 * The last trade price of each pair's spot market, in quote atoms per whole unit of the base
 * (ticks × the tick in quote atoms: exact), keyed "BASE/QUOTE"; pairs without trades are absent.
 */
export async function findLastPrices(
  db: Store,
  pairs: ReadonlyArray<{ base: string; quote: string }>,
): Promise<Map<string, bigint>> {
  const prices = new Map<string, bigint>();
  if (pairs.length === 0) return prices;
  const rows = await db.$queryRaw<Array<{ base: string; quote: string; atoms: string }>>`
    SELECT m.base_asset AS base, m.quote_asset AS quote,
           (t.price_ticks * m.price_tick * power(10::numeric, q.precision))::numeric(60, 0)::text AS atoms
      FROM markets m
      JOIN assets q ON q.code = m.quote_asset
      JOIN LATERAL (
        SELECT price_ticks FROM trades WHERE symbol = m.symbol ORDER BY trade_id DESC LIMIT 1
      ) t ON TRUE
     WHERE (m.base_asset || '/' || m.quote_asset) = ANY(${pairs.map((p) => `${p.base}/${p.quote}`)})`;
  for (const row of rows) prices.set(`${row.base}/${row.quote}`, BigInt(row.atoms));
  return prices;
}

import { storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * The derivatives repository: the only code that reads the perpetuals' read models
 * (`perpetual_contracts`, `futures_wallets`, `positions`, `position_events`,
 * `funding_settlements`, `liquidations`), all written by the worker's projector from the
 * engine's events. Rows come back as plain values; money, quantities and prices as bigint
 * engine units (atoms of the settle asset, lots, ticks).
 */

type Stored = { toFixed(): string };
const units = (value: Stored) => storedUnits(value);
const maybeUnits = (value: Stored | null) => (value === null ? null : storedUnits(value));

export type MarginMode = "CROSS" | "ISOLATED";
export type PositionEventKind = "TRADE" | "FUNDING" | "LIQUIDATION" | "DELEVERAGE" | "SETTINGS";

export interface RiskTierRecord {
  maxNotionalAtoms: bigint;
  maintenanceMarginPpm: number;
  maxLeverage: number;
}

/** A contract's terms and its latest mark and funding (null before the first). */
export interface ContractRecord {
  symbol: string;
  baseAsset: string;
  /** The settle asset. */
  quoteAsset: string;
  maxLeverage: number;
  riskTiers: RiskTierRecord[];
  fundingIntervalMs: number;
  fundingCapPpm: number;
  interestPpm: number;
  markPriceTicks: bigint | null;
  indexPriceTicks: bigint | null;
  markAt: Date | null;
  lastFundingTime: Date | null;
  lastFundingRatePpm: number | null;
}

export interface FuturesWalletRecord {
  asset: string;
  walletAtoms: bigint;
  updatedAt: Date;
}

export interface PositionRecord {
  userId: number;
  symbol: string;
  /** Signed: long > 0, short < 0, flat 0. */
  qtyLots: bigint;
  /** Entry notional, signed like the quantity. */
  costAtoms: bigint;
  mode: MarginMode;
  leverage: number;
  isolatedMarginAtoms: bigint;
  /** Over the position's life. */
  realisedPnlAtoms: bigint;
  liquidationPriceTicks: bigint | null;
  updatedAt: Date;
}

export interface PositionEventRecord {
  id: bigint;
  symbol: string;
  kind: PositionEventKind;
  /** The position after the step. */
  qtyLots: bigint;
  costAtoms: bigint;
  /** What this step realised. */
  realisedPnlAtoms: bigint;
  /** FUNDING: paid (> 0) or received (< 0). */
  fundingAtoms: bigint | null;
  /** DELEVERAGE: the price it was reduced at. */
  priceTicks: bigint | null;
  commandId: string;
  at: Date;
}

export interface FundingSettlementRecord {
  symbol: string;
  fundingTime: Date;
  ratePpm: number;
  markPriceTicks: bigint;
  paidAtoms: bigint;
  receivedAtoms: bigint;
  roundingAtoms: bigint;
  positions: number;
}

export interface LiquidationRecord {
  id: bigint;
  userId: number;
  symbol: string;
  /** The quantity taken over, signed like the position was. */
  qtyLots: bigint;
  markPriceTicks: bigint;
  bankruptcyPriceTicks: bigint;
  bookLots: bigint;
  deleveragedLots: bigint;
  /** > 0 the margin left went to the insurance fund; < 0 the fund covered a loss. */
  insuranceAtoms: bigint;
  at: Date;
}

/** A keyset page: newest first, `limit` rows older than `before` (an id from the last page). */
export interface IdPage {
  limit: number;
  before?: bigint | undefined;
}

/** Every listed contract, by symbol. */
export async function findContracts(db: Store): Promise<ContractRecord[]> {
  const rows = await db.perpetualContract.findMany({
    orderBy: { symbol: "asc" },
    include: { market: { select: { baseAsset: true, quoteAsset: true } } },
  });
  return rows.map(contractOfRow);
}

/** One contract's terms and last mark, or null when it is not listed. */
export async function findContract(db: Store, symbol: string): Promise<ContractRecord | null> {
  const row = await db.perpetualContract.findUnique({
    where: { symbol },
    include: { market: { select: { baseAsset: true, quoteAsset: true } } },
  });
  return row === null ? null : contractOfRow(row);
}

/** A contract's last mark as the engine took it, or null before the first. */
export async function findLastMark(
  db: Store,
  symbol: string,
): Promise<{ markPriceTicks: bigint; indexPriceTicks: bigint; at: Date } | null> {
  const row = await db.perpetualContract.findUnique({
    where: { symbol },
    select: { markPriceTicks: true, indexPriceTicks: true, markAt: true },
  });
  if (row?.markPriceTicks == null || row.indexPriceTicks === null || row.markAt === null) {
    return null;
  }
  return {
    markPriceTicks: units(row.markPriceTicks),
    indexPriceTicks: units(row.indexPriceTicks),
    at: row.markAt,
  };
}

/** The user's futures wallets, by asset (none before their first transfer). */
export async function findFuturesWallets(
  db: Store,
  userId: number,
): Promise<FuturesWalletRecord[]> {
  const rows = await db.futuresWallet.findMany({
    where: { userId },
    orderBy: { asset: "asc" },
    select: { asset: true, walletAtoms: true, updatedAt: true },
  });
  return rows.map((r) => ({
    asset: r.asset,
    walletAtoms: units(r.walletAtoms),
    updatedAt: r.updatedAt,
  }));
}

/**
 * The user's positions by symbol: the open ones, and with `includeFlat` the flat ones too (they
 * hold the user's margin mode and leverage in that contract).
 */
export async function findPositions(
  db: Store,
  userId: number,
  options: { includeFlat?: boolean } = {},
): Promise<PositionRecord[]> {
  const rows = await db.position.findMany({
    where: { userId, ...(options.includeFlat ? {} : { qtyLots: { not: 0 } }) },
    orderBy: { symbol: "asc" },
  });
  return rows.map(positionOfRow);
}

/** Every open position of a contract (operations' view), by user. */
export async function findOpenPositions(db: Store, symbol: string): Promise<PositionRecord[]> {
  const rows = await db.position.findMany({
    where: { symbol, qtyLots: { not: 0 } },
    orderBy: { userId: "asc" },
  });
  return rows.map(positionOfRow);
}

/** The user's position history, newest first, keyset-paged by id; one contract's with `symbol`. */
export async function findPositionHistory(
  db: Store,
  userId: number,
  page: IdPage & { symbol?: string | undefined },
): Promise<PositionEventRecord[]> {
  const rows = await db.positionEvent.findMany({
    where: {
      userId,
      ...(page.symbol === undefined ? {} : { symbol: page.symbol }),
      ...(page.before === undefined ? {} : { id: { lt: page.before } }),
    },
    orderBy: { id: "desc" },
    take: page.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    kind: r.kind,
    qtyLots: units(r.qtyLots),
    costAtoms: units(r.costAtoms),
    realisedPnlAtoms: units(r.realisedPnlAtoms),
    fundingAtoms: maybeUnits(r.fundingAtoms),
    priceTicks: maybeUnits(r.priceTicks),
    commandId: r.commandId,
    at: r.at,
  }));
}

/** A contract's funding settlements, newest first, `limit` before the funding time `before`. */
export async function findFundingHistory(
  db: Store,
  symbol: string,
  page: { limit: number; before?: Date | undefined },
): Promise<FundingSettlementRecord[]> {
  const rows = await db.fundingSettlement.findMany({
    where: { symbol, ...(page.before === undefined ? {} : { fundingTime: { lt: page.before } }) },
    orderBy: { fundingTime: "desc" },
    take: page.limit,
  });
  return rows.map((r) => ({
    symbol: r.symbol,
    fundingTime: r.fundingTime,
    ratePpm: r.ratePpm,
    markPriceTicks: units(r.markPriceTicks),
    paidAtoms: units(r.paidAtoms),
    receivedAtoms: units(r.receivedAtoms),
    roundingAtoms: units(r.roundingAtoms),
    positions: r.positions,
  }));
}

/** The user's liquidations, newest first, keyset-paged by id. */
export async function findUserLiquidations(
  db: Store,
  userId: number,
  page: IdPage,
): Promise<LiquidationRecord[]> {
  return findLiquidationRows(db, { userId }, page);
}

/** Every liquidation (staff), newest first, keyset-paged by id; one contract's with `symbol`. */
export async function findLiquidations(
  db: Store,
  page: IdPage & { symbol?: string | undefined },
): Promise<LiquidationRecord[]> {
  return findLiquidationRows(db, page.symbol === undefined ? {} : { symbol: page.symbol }, page);
}

async function findLiquidationRows(
  db: Store,
  where: { userId?: number; symbol?: string },
  page: IdPage,
): Promise<LiquidationRecord[]> {
  const rows = await db.liquidation.findMany({
    where: { ...where, ...(page.before === undefined ? {} : { id: { lt: page.before } }) },
    orderBy: { id: "desc" },
    take: page.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    symbol: r.symbol,
    qtyLots: units(r.qtyLots),
    markPriceTicks: units(r.markPriceTicks),
    bankruptcyPriceTicks: units(r.bankruptcyPriceTicks),
    bookLots: units(r.bookLots),
    deleveragedLots: units(r.deleveragedLots),
    insuranceAtoms: units(r.insuranceAtoms),
    at: r.at,
  }));
}

interface ContractRow {
  symbol: string;
  maxLeverage: number;
  riskTiers: unknown;
  fundingIntervalMs: number;
  fundingCapPpm: number;
  interestPpm: number;
  markPriceTicks: Stored | null;
  indexPriceTicks: Stored | null;
  markAt: Date | null;
  lastFundingTime: Date | null;
  lastFundingRatePpm: number | null;
  market: { baseAsset: string; quoteAsset: string };
}

/** The tiers as the projector stored them: bounds as decimal text. */
type StoredTier = { maxNotionalAtoms: string; maintenanceMarginPpm: number; maxLeverage: number };

function contractOfRow(row: ContractRow): ContractRecord {
  return {
    symbol: row.symbol,
    baseAsset: row.market.baseAsset,
    quoteAsset: row.market.quoteAsset,
    maxLeverage: row.maxLeverage,
    riskTiers: (row.riskTiers as StoredTier[]).map((t) => ({
      maxNotionalAtoms: BigInt(t.maxNotionalAtoms),
      maintenanceMarginPpm: t.maintenanceMarginPpm,
      maxLeverage: t.maxLeverage,
    })),
    fundingIntervalMs: row.fundingIntervalMs,
    fundingCapPpm: row.fundingCapPpm,
    interestPpm: row.interestPpm,
    markPriceTicks: maybeUnits(row.markPriceTicks),
    indexPriceTicks: maybeUnits(row.indexPriceTicks),
    markAt: row.markAt,
    lastFundingTime: row.lastFundingTime,
    lastFundingRatePpm: row.lastFundingRatePpm,
  };
}

interface PositionRow {
  userId: number;
  symbol: string;
  qtyLots: Stored;
  costAtoms: Stored;
  mode: MarginMode;
  leverage: number;
  isolatedMarginAtoms: Stored;
  realisedPnlAtoms: Stored;
  liquidationPriceTicks: Stored | null;
  updatedAt: Date;
}

function positionOfRow(row: PositionRow): PositionRecord {
  return {
    userId: row.userId,
    symbol: row.symbol,
    qtyLots: units(row.qtyLots),
    costAtoms: units(row.costAtoms),
    mode: row.mode,
    leverage: row.leverage,
    isolatedMarginAtoms: units(row.isolatedMarginAtoms),
    realisedPnlAtoms: units(row.realisedPnlAtoms),
    liquidationPriceTicks: maybeUnits(row.liquidationPriceTicks),
    updatedAt: row.updatedAt,
  };
}

/**
 * A contract's terms as operations list it, written with its `markets` row before the engine is
 * asked (as the seed does): the reference-data sync then resends a listing a crash left
 * unanswered. The projector's row from `contract.added` keeps this one (ON CONFLICT DO NOTHING).
 */
export async function insertContractTerms(
  db: Store,
  contract: {
    symbol: string;
    maxLeverage: number;
    riskTiers: readonly RiskTierRecord[];
    fundingIntervalMs: number;
    fundingCapPpm: number;
    interestPpm: number;
  },
  at: Date,
): Promise<void> {
  await db.perpetualContract.create({
    data: {
      ...contract,
      riskTiers: contract.riskTiers.map((t) => ({
        maxNotionalAtoms: t.maxNotionalAtoms.toString(),
        maintenanceMarginPpm: t.maintenanceMarginPpm,
        maxLeverage: t.maxLeverage,
      })),
      updatedSeq: 0n,
      createdAt: at,
      updatedAt: at,
    },
  });
}

/** Removes a contract's terms the engine refused (its `markets` row goes after it). */
export async function deleteContractTerms(db: Store, symbol: string): Promise<void> {
  await db.perpetualContract.deleteMany({ where: { symbol } });
}

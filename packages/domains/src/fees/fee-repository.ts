import { storedUnits } from "@exchange/contracts/money";
import type { Store, Tx } from "../services";
import type { MarketRates, ScheduleTier } from "./fee-schedule";

/** The fees domain's tables (fee_tiers, user_fee_tiers) and what it reads of trades. */

export interface StoredFeeTier extends ScheduleTier {
  revision: number;
  updatedAt: Date;
}

export interface UserFeeTierRecord {
  userId: number;
  tier: number;
  revision: number;
  volumeAtoms: bigint;
  volumeAt: Date | null;
  overrideTier: number | null;
  overrideReason: string | null;
  overrideAt: Date | null;
}

export async function findSchedule(db: Store): Promise<StoredFeeTier[]> {
  const rows = await db.feeTier.findMany({ orderBy: { tier: "asc" } });
  return rows.map((row) => ({
    tier: row.tier,
    minVolumeAtoms: storedUnits(row.minVolumeAtoms),
    makerScalePpm: row.makerScalePpm,
    takerScalePpm: row.takerScalePpm,
    revision: row.revision,
    updatedAt: row.updatedAt,
  }));
}

/** Serialises changes of the schedule: each is checked against the whole schedule. */
export async function lockSchedule(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('fee_tiers'))`;
}

export async function saveFeeTier(tx: Tx, tier: ScheduleTier & { revision: number }, at: Date) {
  const data = {
    minVolumeAtoms: tier.minVolumeAtoms.toString(),
    makerScalePpm: tier.makerScalePpm,
    takerScalePpm: tier.takerScalePpm,
    revision: tier.revision,
    updatedAt: at,
  };
  await tx.feeTier.upsert({
    where: { tier: tier.tier },
    create: { tier: tier.tier, ...data },
    update: data,
  });
}

/** Markets' rates, for the rebate rule and for traders' rates; closed markets are left out. */
export async function findMarketRates(
  db: Store,
): Promise<Array<MarketRates & { quoteAsset: string }>> {
  const rows = await db.market.findMany({
    where: { status: { not: "CLOSED" } },
    select: { symbol: true, quoteAsset: true, makerFeeRate: true, takerFeeRate: true },
    orderBy: [{ sortOrder: "asc" }, { symbol: "asc" }],
  });
  return rows.map((row) => ({
    symbol: row.symbol,
    quoteAsset: row.quoteAsset,
    makerFeeRate: row.makerFeeRate.toFixed(),
    takerFeeRate: row.takerFeeRate.toFixed(),
  }));
}

/** Decimals of each asset, for showing amounts. */
export async function findAssetPrecisions(db: Store): Promise<Map<string, number>> {
  const rows = await db.asset.findMany({ select: { code: true, precision: true } });
  return new Map(rows.map((row) => [row.code, row.precision]));
}

export async function userExists(db: Store, userId: number): Promise<boolean> {
  return (await db.user.count({ where: { id: userId } })) > 0;
}

const USER_TIER_SELECT = {
  userId: true,
  tier: true,
  revision: true,
  volumeAtoms: true,
  volumeAt: true,
  overrideTier: true,
  overrideReason: true,
  overrideAt: true,
} as const;

type UserTierRow = Omit<UserFeeTierRecord, "volumeAtoms"> & {
  volumeAtoms: Parameters<typeof storedUnits>[0];
};

function userTierOf(row: UserTierRow): UserFeeTierRecord {
  return { ...row, volumeAtoms: storedUnits(row.volumeAtoms) };
}

export async function findUserFeeTier(
  db: Store,
  userId: number,
): Promise<UserFeeTierRecord | null> {
  const row = await db.userFeeTier.findUnique({ where: { userId }, select: USER_TIER_SELECT });
  return row === null ? null : userTierOf(row);
}

/**
 * The trader's row, created in tier 0 when missing, locked until the transaction ends: an
 * override and the daily job cannot both assign the same trader at once.
 */
export async function lockUserFeeTier(tx: Tx, userId: number): Promise<UserFeeTierRecord> {
  await tx.$executeRaw`
    INSERT INTO user_fee_tiers (user_id) VALUES (${userId}) ON CONFLICT (user_id) DO NOTHING`;
  await tx.$queryRaw`SELECT user_id FROM user_fee_tiers WHERE user_id = ${userId} FOR UPDATE`;
  return userTierOf(
    await tx.userFeeTier.findUniqueOrThrow({ where: { userId }, select: USER_TIER_SELECT }),
  );
}

/** What may change of a trader's row; the fields left out keep their values. */
export type UserFeeTierChange = Partial<Omit<UserFeeTierRecord, "userId">> & {
  overrideById?: number | null;
};

export async function updateUserFeeTier(
  tx: Tx,
  userId: number,
  change: UserFeeTierChange,
  at: Date,
): Promise<void> {
  const { volumeAtoms, ...rest } = change;
  await tx.userFeeTier.update({
    where: { userId },
    data: {
      ...rest,
      ...(volumeAtoms === undefined ? {} : { volumeAtoms: volumeAtoms.toString() }),
      updatedAt: at,
    },
  });
}

/** Traders with an override, or a tier other than 0, with their e-mail addresses. */
export async function findNotableUserTiers(
  db: Store,
): Promise<Array<UserFeeTierRecord & { email: string }>> {
  const rows = await db.userFeeTier.findMany({
    where: { OR: [{ overrideTier: { not: null } }, { tier: { not: 0 } }] },
    select: USER_TIER_SELECT,
    orderBy: { userId: "asc" },
    take: 500,
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.userId) } },
    select: { id: true, email: true },
  });
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return rows.map((row) => ({ ...userTierOf(row), email: emails.get(row.userId) ?? "" }));
}

/**
 * Of `commandIds`, the one the engine accepted last, by its journal: the journal is the engine's
 * own record of every command it took, so this tells what the engine has even when a table
 * written after it (rolled back) says otherwise. Exact ids only: the unique index answers.
 */
export async function findLastAcceptedCommand(
  db: Store,
  commandIds: string[],
): Promise<string | null> {
  if (commandIds.length === 0) return null;
  const rows = await db.$queryRaw<Array<{ command_id: string }>>`
    SELECT command_id FROM engine_journal
     WHERE ok AND command_id = ANY(${commandIds}::text[])
     ORDER BY seq DESC
     LIMIT 1`;
  return rows[0]?.command_id ?? null;
}

/** The schedule's tiers and traders' assignments as the engine was last told (revision > 0). */
export async function findSentFeeTiers(db: Store): Promise<{
  tiers: StoredFeeTier[];
  assignments: Array<{ userId: number; tier: number; revision: number }>;
}> {
  const [tiers, assignments] = await Promise.all([
    findSchedule(db),
    db.userFeeTier.findMany({
      where: { revision: { gt: 0 } },
      select: { userId: true, tier: true, revision: true },
      orderBy: { userId: "asc" },
    }),
  ]);
  return { tiers: tiers.filter((t) => t.revision > 0), assignments };
}

/** Every trader with a row: those the daily job may have to move back down. */
export async function findUserTierIds(db: Store): Promise<number[]> {
  const rows = await db.userFeeTier.findMany({ select: { userId: true } });
  return rows.map((row) => row.userId);
}

/**
 * Each trader's traded volume in [from, to): the quote value of their trades in markets quoted
 * in `asset`, as taker and as maker. A trade with oneself counts for nothing (it would buy a
 * cheaper tier with no risk).
 */
export async function findVolumes(
  db: Store,
  window: { from: Date; to: Date; asset: string; userId?: number },
): Promise<Map<number, bigint>> {
  const onlyUser = window.userId ?? null;
  const rows = await db.$queryRaw<Array<{ user_id: number; volume: string }>>`
    SELECT v.user_id, SUM(v.quote_atoms)::text AS volume
      FROM (
        SELECT t.taker_user_id AS user_id, t.quote_atoms, t.symbol
          FROM trades t
         WHERE t.executed_at >= ${window.from} AND t.executed_at < ${window.to}
           AND t.taker_user_id <> t.maker_user_id
        UNION ALL
        SELECT t.maker_user_id, t.quote_atoms, t.symbol
          FROM trades t
         WHERE t.executed_at >= ${window.from} AND t.executed_at < ${window.to}
           AND t.taker_user_id <> t.maker_user_id
      ) v
      JOIN markets m ON m.symbol = v.symbol AND m.quote_asset = ${window.asset}
     WHERE ${onlyUser}::int IS NULL OR v.user_id = ${onlyUser}::int
     GROUP BY v.user_id`;
  return new Map(rows.map((row) => [row.user_id, BigInt(row.volume)]));
}

export interface FeeIncomeRecord {
  day: string;
  symbol: string;
  asset: string;
  makerFeesAtoms: bigint;
  takerFeesAtoms: bigint;
  rebatesAtoms: bigint;
  trades: number;
}

/** Fees earned and rebates paid per UTC day, market and asset, newest day first. */
export async function findFeeIncome(
  db: Store,
  window: { from: Date; to: Date },
): Promise<FeeIncomeRecord[]> {
  const rows = await db.$queryRaw<
    Array<{
      day: string;
      symbol: string;
      asset: string;
      maker_fees: string;
      taker_fees: string;
      rebates: string;
      trades: number;
    }>
  >`
    SELECT to_char(f.executed_at, 'YYYY-MM-DD') AS day, f.symbol, f.asset,
           COALESCE(SUM(f.fee) FILTER (WHERE f.maker AND f.fee > 0), 0)::text AS maker_fees,
           COALESCE(SUM(f.fee) FILTER (WHERE NOT f.maker), 0)::text AS taker_fees,
           COALESCE(-SUM(f.fee) FILTER (WHERE f.maker AND f.fee < 0), 0)::text AS rebates,
           COUNT(DISTINCT f.trade_id)::int AS trades
      FROM (
        SELECT trade_id, executed_at, symbol, maker_fee_asset AS asset, maker_fee_atoms AS fee,
               true AS maker
          FROM trades WHERE executed_at >= ${window.from} AND executed_at < ${window.to}
        UNION ALL
        SELECT trade_id, executed_at, symbol, taker_fee_asset, taker_fee_atoms, false
          FROM trades WHERE executed_at >= ${window.from} AND executed_at < ${window.to}
      ) f
     GROUP BY 1, 2, 3
     ORDER BY 1 DESC, 2, 3`;
  return rows.map((row) => ({
    day: row.day,
    symbol: row.symbol,
    asset: row.asset,
    makerFeesAtoms: BigInt(row.maker_fees),
    takerFeesAtoms: BigInt(row.taker_fees),
    rebatesAtoms: BigInt(row.rebates),
    trades: row.trades,
  }));
}

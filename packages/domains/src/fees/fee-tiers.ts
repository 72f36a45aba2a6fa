import { formatUnits, parseUnits, UnitsError } from "@exchange/contracts/money";
import type { Command } from "@exchange/core";
import { commandIds, EngineTimeoutError } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Store, type Tx } from "../services";
import type {
  ClearFeeOverrideInput,
  FeeScheduleOutput,
  FeeTierRow,
  SetFeeOverrideInput,
  SetFeeTierInput,
  UserFeeTier,
} from "./fee-contracts";
import {
  findAssetPrecisions,
  findLastAcceptedCommand,
  findMarketRates,
  findNotableUserTiers,
  findSchedule,
  findSentFeeTiers,
  findVolumes,
  lockSchedule,
  lockUserFeeTier,
  type StoredFeeTier,
  saveFeeTier,
  type UserFeeTierRecord,
  updateUserFeeTier,
  userExists,
} from "./fee-repository";
import {
  percentOfScale,
  type ScheduleTier,
  scalePpmOfPercent,
  scheduleProblems,
  tierForVolume,
  VOLUME_ASSET,
  VOLUME_WINDOW_DAYS,
} from "./fee-schedule";

/**
 * Operations' fee schedule and overrides (issue 18). Every change is an engine command — the
 * schedule's `feeTier.set`, a trader's `feeTier.assign` — with an id from its business key (the
 * tier's revision; the trader's assignment revision and tier), and the tables are written once
 * the engine took it, under a lock, so they follow the engine. Each staff change is audited.
 */

/** What fee changes need: the worker's job has these, not all of `Services`. */
export type FeeServices = Pick<Services, "db" | "engine" | "clock">;

export interface StaffCaller {
  staffId: number;
  ip?: string | undefined;
}

const ENGINE_TIMEOUT_MS = 10_000;
const DAY_MS = 86_400_000;

export async function sendFeeCommand(services: FeeServices, command: Command, field: string) {
  let outcome: Awaited<ReturnType<FeeServices["engine"]["send"]>>["outcome"];
  try {
    outcome = (await services.engine.send(command, { timeoutMs: ENGINE_TIMEOUT_MS })).outcome;
  } catch (error) {
    if (error instanceof EngineTimeoutError) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The engine did not answer in time. Look at the fee schedule before trying again.",
      );
    }
    throw error;
  }
  if (!outcome.ok) {
    throw new AppError(AppErrorCode.INVALID_INPUT, `The engine refused it: ${outcome.message}.`, {
      [field]: [outcome.message],
    });
  }
}

async function volumePrecision(services: Pick<Services, "db">): Promise<number> {
  return (await findAssetPrecisions(services.db)).get(VOLUME_ASSET) ?? 6;
}

function rowOf(tier: StoredFeeTier, precision: number): FeeTierRow {
  return {
    tier: tier.tier,
    minVolume: formatUnits(tier.minVolumeAtoms, precision),
    makerScalePercent: percentOfScale(tier.makerScalePpm),
    takerScalePercent: percentOfScale(tier.takerScalePpm),
    revision: tier.revision,
    updatedAt: tier.updatedAt,
  };
}

export async function getFeeSchedule(services: Pick<Services, "db">): Promise<FeeScheduleOutput> {
  const precision = await volumePrecision(services);
  const tiers = await findSchedule(services.db);
  return {
    volumeAsset: VOLUME_ASSET,
    windowDays: VOLUME_WINDOW_DAYS,
    tiers: tiers.map((tier) => rowOf(tier, precision)),
  };
}

function invalid(field: string, message: string): AppError {
  return new AppError(AppErrorCode.INVALID_INPUT, message, { [field]: [message] });
}

function scaleOf(field: string, text: string, least: number): number {
  const ppm = scalePpmOfPercent(text);
  if (ppm === null || ppm < least) {
    throw invalid(
      field,
      least < 0
        ? "Give a percentage of the market rate from -100 to 100 (below 0 pays a rebate)."
        : "Give a percentage of the market rate from 0 to 100.",
    );
  }
  return ppm;
}

function minVolumeAtomsOf(text: string, precision: number): bigint {
  try {
    return parseUnits(text, precision);
  } catch (error) {
    if (error instanceof UnitsError) {
      throw invalid("minVolume", `At most ${precision} decimals of ${VOLUME_ASSET}.`);
    }
    throw error;
  }
}

/** Creates a tier or changes one; the whole schedule must still hold (fee-schedule.ts). */
export async function setFeeTier(
  services: FeeServices,
  caller: StaffCaller,
  input: SetFeeTierInput,
): Promise<FeeTierRow> {
  const precision = await volumePrecision(services);
  const wanted: ScheduleTier = {
    tier: input.tier,
    minVolumeAtoms: minVolumeAtomsOf(input.minVolume, precision),
    makerScalePpm: scaleOf("makerScalePercent", input.makerScalePercent, -1_000_000),
    takerScalePpm: scaleOf("takerScalePercent", input.takerScalePercent, 0),
  };
  const saved = await inTransaction(services.db, async (tx) => {
    await lockSchedule(tx);
    const schedule = await findSchedule(tx);
    const before = schedule.find((t) => t.tier === wanted.tier);
    const candidate = [...schedule.filter((t) => t.tier !== wanted.tier), wanted];
    const problems = scheduleProblems(candidate, await findMarketRates(tx));
    const first = Object.values(problems)[0]?.[0];
    if (first !== undefined) {
      throw new AppError(AppErrorCode.INVALID_INPUT, first, problems);
    }
    const revision = (before?.revision ?? 0) + 1;
    await sendFeeCommand(
      services,
      {
        type: "feeTier.set",
        id: commandIds.setFeeTier(
          wanted.tier,
          revision,
          wanted.makerScalePpm,
          wanted.takerScalePpm,
        ),
        ts: services.clock.now(),
        tier: wanted.tier,
        makerScalePpm: wanted.makerScalePpm,
        takerScalePpm: wanted.takerScalePpm,
      },
      "tier",
    );
    const at = new Date(services.clock.now());
    await saveFeeTier(tx, { ...wanted, revision }, at);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "feeTier.set",
      target: { type: "feeTier", id: String(wanted.tier) },
      ...(before ? { before: auditTier(before, precision) } : {}),
      after: auditTier(wanted, precision),
      ip: caller.ip,
    });
    return { ...wanted, revision, updatedAt: at };
  });
  return rowOf(saved, precision);
}

function auditTier(tier: ScheduleTier, precision: number) {
  return {
    minVolume: formatUnits(tier.minVolumeAtoms, precision),
    makerScalePercent: percentOfScale(tier.makerScalePpm),
    takerScalePercent: percentOfScale(tier.takerScalePpm),
  };
}

/** A trader's assignment: the revision of its command id and the tier. */
interface Assignment {
  revision: number;
  tier: number;
}

/**
 * The trader's assignment as the engine has it, from its journal: the DB's own revision, or
 * one revision further when the engine took an assignment whose transaction then rolled back
 * (every assignment is sent with the row's revision + 1 under the row's lock, so the engine is
 * never further ahead). Null when the engine has no trace of the DB's assignment: it started on
 * an empty journal and the reference-data sync has not re-sent it yet, so it holds tier 0.
 */
async function engineAssignment(tx: Tx, row: UserFeeTierRecord): Promise<Assignment | null> {
  const tiers = (await findSchedule(tx)).map((t) => t.tier);
  const candidates: Assignment[] = [
    { revision: row.revision, tier: row.tier },
    ...tiers.map((tier) => ({ revision: row.revision + 1, tier })),
  ];
  const ids = candidates.map((c) => commandIds.assignFeeTier(row.userId, c.revision, c.tier));
  const last = await findLastAcceptedCommand(tx, ids);
  if (last !== null) return candidates[ids.indexOf(last)] ?? null;
  // Revision 0 is the engine's starting tier, never sent.
  return row.revision === 0 ? { revision: 0, tier: 0 } : null;
}

/**
 * Puts a trader in `tier` in the engine and in their row, inside the caller's transaction that
 * holds the row's lock; returns whether either changed. It compares with what the engine has
 * (its journal), not with the row alone, so the two are brought together whichever is behind:
 * an assignment the engine took but the table lost is adopted or superseded, and one the engine
 * lost (an empty journal) is sent again with its own id.
 */
export async function assignTierLocked(
  services: FeeServices,
  tx: Tx,
  row: UserFeeTierRecord,
  tier: number,
): Promise<boolean> {
  const engine = await engineAssignment(tx, row);
  const at = new Date(services.clock.now());
  if (engine?.tier === tier) {
    if (engine.revision === row.revision && row.tier === tier) return false;
    await updateUserFeeTier(tx, row.userId, engine, at);
    return true;
  }
  // The engine lost the row's own assignment: the same id again. Otherwise a revision past
  // both, so the id is one the engine has never seen.
  const revision =
    engine === null && row.tier === tier
      ? row.revision
      : Math.max(row.revision, engine?.revision ?? 0) + 1;
  await sendFeeCommand(
    services,
    {
      type: "feeTier.assign",
      id: commandIds.assignFeeTier(row.userId, revision, tier),
      ts: services.clock.now(),
      userId: row.userId,
      tier,
    },
    "tier",
  );
  await updateUserFeeTier(tx, row.userId, { tier, revision }, at);
  return true;
}

/**
 * The schedule's tiers, then the traders' assignments, as commands with the ids they were sent
 * with (their revisions). The reference-data sync re-sends them: an engine started on an empty
 * journal learns them again and charges the same fees; one that has them answers each from its
 * journal and nothing changes. Revision 0 (tier 0 at the market rates) is the engine's own start.
 */
export async function feeTierCommands(db: Store, ts: number): Promise<Command[]> {
  const { tiers, assignments } = await findSentFeeTiers(db);
  return [
    ...tiers.map(
      (t): Command => ({
        type: "feeTier.set",
        id: commandIds.setFeeTier(t.tier, t.revision, t.makerScalePpm, t.takerScalePpm),
        ts,
        tier: t.tier,
        makerScalePpm: t.makerScalePpm,
        takerScalePpm: t.takerScalePpm,
      }),
    ),
    ...assignments.map(
      (a): Command => ({
        type: "feeTier.assign",
        id: commandIds.assignFeeTier(a.userId, a.revision, a.tier),
        ts,
        userId: a.userId,
        tier: a.tier,
      }),
    ),
  ];
}

async function requireTier(services: FeeServices, tier: number): Promise<void> {
  const schedule = await findSchedule(services.db);
  if (!schedule.some((t) => t.tier === tier)) {
    throw invalid("tier", `There is no tier ${tier}: create it in the schedule first.`);
  }
}

async function requireUser(services: FeeServices, userId: number): Promise<void> {
  if (!(await userExists(services.db, userId))) {
    throw new AppError(AppErrorCode.NOT_FOUND, `There is no user #${userId}.`);
  }
}

/** Fixes a trader's tier by hand; the daily job leaves them alone until it is cleared. */
export async function setFeeOverride(
  services: FeeServices,
  caller: StaffCaller,
  input: SetFeeOverrideInput,
): Promise<void> {
  await requireUser(services, input.userId);
  await requireTier(services, input.tier);
  await inTransaction(services.db, async (tx) => {
    const row = await lockUserFeeTier(tx, input.userId);
    await assignTierLocked(services, tx, row, input.tier);
    const at = new Date(services.clock.now());
    await updateUserFeeTier(
      tx,
      input.userId,
      {
        overrideTier: input.tier,
        overrideReason: input.reason,
        overrideAt: at,
        overrideById: caller.staffId,
      },
      at,
    );
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "feeTier.override.set",
      target: { type: "user", id: String(input.userId) },
      before: { tier: row.tier, overrideTier: row.overrideTier },
      after: { tier: input.tier, overrideTier: input.tier, reason: input.reason },
      ip: caller.ip,
    });
  });
}

/** Ends an override: the trader goes back to the tier their 30-day volume earns, at once. */
export async function clearFeeOverride(
  services: FeeServices,
  caller: StaffCaller,
  input: ClearFeeOverrideInput,
): Promise<void> {
  await requireUser(services, input.userId);
  const now = services.clock.now();
  const volume =
    (
      await findVolumes(services.db, {
        from: new Date(now - VOLUME_WINDOW_DAYS * DAY_MS),
        to: new Date(now),
        asset: VOLUME_ASSET,
        userId: input.userId,
      })
    ).get(input.userId) ?? 0n;
  const earned = tierForVolume(await findSchedule(services.db), volume);
  await inTransaction(services.db, async (tx) => {
    const row = await lockUserFeeTier(tx, input.userId);
    if (row.overrideTier === null) {
      throw new AppError(AppErrorCode.NOT_FOUND, `User #${input.userId} has no fee override.`);
    }
    await assignTierLocked(services, tx, row, earned);
    const at = new Date(now);
    await updateUserFeeTier(
      tx,
      input.userId,
      {
        overrideTier: null,
        overrideReason: null,
        overrideAt: null,
        overrideById: null,
        volumeAtoms: volume,
        volumeAt: at,
      },
      at,
    );
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "feeTier.override.clear",
      target: { type: "user", id: String(input.userId) },
      before: { tier: row.tier, overrideTier: row.overrideTier, reason: row.overrideReason },
      after: { tier: earned, overrideTier: null, reason: input.reason },
      ip: caller.ip,
    });
  });
}

/** Traders with an override or a tier above 0, for operations. */
export async function listUserFeeTiers(services: Pick<Services, "db">): Promise<UserFeeTier[]> {
  const precision = await volumePrecision(services);
  const rows = await findNotableUserTiers(services.db);
  return rows.map((row) => ({
    userId: row.userId,
    email: row.email,
    tier: row.tier,
    volume: formatUnits(row.volumeAtoms, precision),
    volumeAt: row.volumeAt,
    overrideTier: row.overrideTier,
    overrideReason: row.overrideReason,
    overrideAt: row.overrideAt,
  }));
}

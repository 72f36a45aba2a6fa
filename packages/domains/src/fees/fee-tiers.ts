import { formatUnits, parseUnits, UnitsError } from "@exchange/contracts/money";
import type { Command } from "@exchange/core";
import { commandIds, EngineTimeoutError } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Tx } from "../services";
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
  findMarketRates,
  findNotableUserTiers,
  findSchedule,
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

/**
 * Moves a trader to `tier` in the engine if they are elsewhere, inside the caller's transaction
 * that holds their row's lock; returns whether a command was sent.
 */
export async function assignTierLocked(
  services: FeeServices,
  tx: Tx,
  row: UserFeeTierRecord,
  tier: number,
): Promise<boolean> {
  if (row.tier === tier) return false;
  const revision = row.revision + 1;
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
  await updateUserFeeTier(tx, row.userId, { tier, revision }, new Date(services.clock.now()));
  return true;
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

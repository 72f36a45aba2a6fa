import type { Logger } from "@exchange/protocol";
import { inTransaction } from "../services";
import {
  findSchedule,
  findUserTierIds,
  findVolumes,
  lockUserFeeTier,
  updateUserFeeTier,
} from "./fee-repository";
import { tierForVolume, VOLUME_ASSET, VOLUME_WINDOW_DAYS } from "./fee-schedule";
import { assignTierLocked, type FeeServices } from "./fee-tiers";

/** The worker's daily job that moves traders between fee tiers by their 30-day volume. */
export const FEE_TIERS_JOB = "fee-tiers";
export const FEE_TIERS_ATTEMPTS = 5;

const DAY_MS = 86_400_000;

export interface FeeTierRunResult {
  /** Traders moved to another tier, or whose row and engine were brought together. */
  assigned: number;
  /** Traders already in the tier their volume earns: nothing sent. */
  unchanged: number;
  /** Traders with an override, left alone. */
  overridden: number;
}

/**
 * Computes every trader's traded volume of the 30 days before the run's UTC midnight from the
 * trades read model, and assigns the tier it earns (fee-schedule.ts) to those in another one.
 * Traders with an override keep it. The trader's row is locked while their tier is sent, so an
 * override set meanwhile waits, and the command's id comes from the row's assignment revision
 * and the tier: a retried or repeated run sends nothing twice and skips whoever is already right
 * (in the engine's journal as in the table, fee-tiers.ts `assignTierLocked`).
 */
export async function assignFeeTiers(
  services: FeeServices & { log?: Logger },
): Promise<FeeTierRunResult> {
  const to = new Date(Math.floor(services.clock.now() / DAY_MS) * DAY_MS);
  const from = new Date(to.getTime() - VOLUME_WINDOW_DAYS * DAY_MS);
  const volumes = await findVolumes(services.db, { from, to, asset: VOLUME_ASSET });
  const schedule = await findSchedule(services.db);
  const users = new Set([...volumes.keys(), ...(await findUserTierIds(services.db))]);
  const result: FeeTierRunResult = { assigned: 0, unchanged: 0, overridden: 0 };
  for (const userId of [...users].sort((a, b) => a - b)) {
    const volume = volumes.get(userId) ?? 0n;
    const outcome = await inTransaction(services.db, async (tx) => {
      const row = await lockUserFeeTier(tx, userId);
      await updateUserFeeTier(tx, userId, { volumeAtoms: volume, volumeAt: to }, to);
      if (row.overrideTier !== null) return "overridden" as const;
      const moved = await assignTierLocked(services, tx, row, tierForVolume(schedule, volume));
      return moved ? ("assigned" as const) : ("unchanged" as const);
    });
    result[outcome] += 1;
  }
  services.log?.info("fee tiers assigned", { ...result, from: from.toISOString() });
  return result;
}

import { formatUnits } from "@exchange/contracts/money";
import type { SavingsPayoutRun, SavingsPool } from "@exchange/contracts/savings";
import { clockDate } from "@exchange/protocol";
import { findAuditRows, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { queueJobRun } from "../jobs/job-requests";
import type { Services } from "../services";
import { findAssetPrecisions } from "./asset-repository";
import {
  emptyTally,
  failureReason,
  type PayoutAnswer,
  planActionOf,
  runSummary,
  tallyPlan,
  verdictOf,
} from "./payout-outcomes";
import {
  cancelPendingPlan,
  closeInterruptedRuns,
  type DuePlan,
  type DuePlanCursor,
  findDuePlans,
  findPayoutRuns,
  findPayoutRunTotals,
  findPoolFigures,
  finishPayoutRun,
  insertPayoutRun,
  markPlanPaid,
  type PayoutTrigger,
} from "./payout-repository";
import { recordLostRedemption } from "./redemption";
import { type Day, dayNumber, dayOf } from "./repayment-schedule";
import { sendPayout } from "./savings-engine";

/**
 * The payout run (issue 14, item 4): every PENDING plan due by a day, of an ACTIVE subscription,
 * paid by `savings.payout` whose id is the plan's (`commandIds.savingsPayout`), so a run twice,
 * two runs at once or a rerun after a crash pay each plan once: the engine answers a repeat from
 * its journal, and the row follows the engine. Interest comes from the `savingsInterest` system
 * account, principal (with the last plan) from the `savings` pool.
 */

/** The worker's job that runs payouts (daily, and on demand for operations). */
export const SAVINGS_PAYOUTS_JOB = "savings-payouts";
/** Attempts of one run of the job: each attempt pays what the earlier left. */
export const SAVINGS_PAYOUTS_ATTEMPTS = 5;
/** The audit action of an operations-triggered run; its target id is the run's business key. */
export const PAYOUT_RUN_REQUEST_ACTION = "savings.payouts.run";
const PAYOUT_RUN_REQUEST_TARGET = "savings-payout-request";

/**
 * A run still open after this long was left by a process that stopped (runs take seconds): the
 * next run closes its row as interrupted, so the log never shows it running forever.
 */
const INTERRUPTED_AFTER_MS = 3_600_000;
/** Due plans read at once. */
const BATCH = 200;
/** An operations-triggered run may be for a day at most this far from today (either way). */
const RUN_DAY_RANGE_DAYS = 366;

/** What a run needs: the worker builds it from its context, the API from its services. */
export type PayoutDeps = Pick<Services, "db" | "engine" | "clock" | "log">;

export interface RunPayoutsInput {
  /** Plans due on or before this day are paid. */
  asOf: Day;
  trigger: PayoutTrigger;
  staffId?: number | undefined;
}

export interface RunPayoutsResult {
  runId: bigint;
  ok: boolean;
  error: string | null;
  plansPaid: number;
  plansCancelled: number;
}

/** Tests only: called after each plan the run handled (throwing stops the run there). */
export interface RunPayoutsHooks {
  afterPlan?(handled: number): void | Promise<void>;
}

/**
 * One payout run for `asOf`: opens its row, pays the due plans oldest first, and closes the row
 * with `ok`, the failures and the plans it paid. A failure (a refusal other than "no open
 * position", an engine timeout) leaves that plan PENDING and holds the subscription's later
 * plans; the others are paid. An unexpected error closes the row as failed and is thrown.
 */
export async function runPayouts(
  services: PayoutDeps,
  input: RunPayoutsInput,
  hooks: RunPayoutsHooks = {},
): Promise<RunPayoutsResult> {
  const startedAt = clockDate(services.clock);
  await closeInterruptedRuns(services.db, {
    before: new Date(startedAt.getTime() - INTERRUPTED_AFTER_MS),
    at: startedAt,
  });
  const runId = await insertPayoutRun(services.db, {
    asOf: input.asOf,
    trigger: input.trigger,
    triggeredById: input.staffId ?? null,
    startedAt,
  });
  const tally = emptyTally();
  try {
    let after: DuePlanCursor | null = null;
    let handled = 0;
    for (;;) {
      const plans = await findDuePlans(services.db, { asOf: input.asOf, after, limit: BATCH });
      for (const plan of plans) {
        if (!tally.held.has(plan.subscriptionId)) await payPlan(services, runId, plan, tally);
        handled += 1;
        await hooks.afterPlan?.(handled);
      }
      const last = plans.at(-1);
      if (!last || plans.length < BATCH) break;
      after = last;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishPayoutRun(services.db, runId, {
      ok: false,
      error: `the run stopped: ${message}`,
      plansPaid: tally.plansPaid,
      finishedAt: clockDate(services.clock),
    });
    throw error;
  }
  const summary = runSummary(tally);
  await finishPayoutRun(services.db, runId, { ...summary, finishedAt: clockDate(services.clock) });
  const log = summary.ok ? services.log.info : services.log.warn;
  log.call(services.log, "savings: payout run finished", {
    runId: String(runId),
    asOf: input.asOf,
    plansPaid: summary.plansPaid,
    plansCancelled: tally.plansCancelled,
    failures: tally.failures.length,
  });
  return { runId, ...summary, plansCancelled: tally.plansCancelled };
}

async function payPlan(
  services: PayoutDeps,
  runId: bigint,
  plan: DuePlan,
  tally: ReturnType<typeof emptyTally>,
): Promise<void> {
  const closes = plan.principalAtoms > 0n;
  const paid = (at: Date) =>
    markPlanPaid(services.db, {
      planId: plan.id,
      subscriptionId: plan.subscriptionId,
      runId,
      at,
      closes,
    });
  if (planActionOf(plan) === "mark-paid") {
    tallyPlan(tally, plan, { verdict: "paid", newlyPaid: await paid(clockDate(services.clock)) });
    return;
  }
  const answer = await payoutAnswer(services, plan);
  const verdict = verdictOf(answer);
  if (verdict === "paid") {
    tallyPlan(tally, plan, { verdict, newlyPaid: await paid(clockDate(services.clock)) });
  } else if (verdict === "cancelled") {
    await cancelPendingPlan(services.db, plan.id);
    // The position closed before this plan: a redemption, recorded here if its reply was lost.
    await recordLostRedemption(services, plan.subscriptionId);
    tallyPlan(tally, plan, { verdict });
  } else {
    services.log.warn("savings: a plan's payout failed", {
      planId: plan.id,
      subscriptionId: plan.subscriptionId,
      reason: failureReason(answer),
    });
    tallyPlan(tally, plan, { verdict, reason: failureReason(answer) });
  }
}

async function payoutAnswer(services: PayoutDeps, plan: DuePlan): Promise<PayoutAnswer> {
  try {
    const outcome = await sendPayout(services, plan);
    return outcome.ok
      ? { kind: "accepted" }
      : { kind: "rejected", code: Number(outcome.code), message: outcome.message };
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.ENGINE_UNAVAILABLE) {
      return { kind: "timeout" };
    }
    throw error;
  }
}

// ── The job's business keys ───────────────────────────────────────────────────────────────────

/** What a run of the payouts job is for, read from its business key. */
export type PayoutRunKey =
  | { trigger: "schedule"; asOf: Day }
  | { trigger: "operations"; asOf: Day; requestId: string };

const SCHEDULED_KEY = /^savings-payouts:(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const OPERATIONS_KEY = /^savings-payouts:(\d{4}-\d{2}-\d{2}):operations:([0-9a-f-]{36})$/;

/**
 * A scheduled run's key is its slot (`savings-payouts:2026-12-06T00:05:00.000Z`: it pays what
 * is due by the slot's UTC day); an operations run's names its day and request
 * (`savings-payouts:2026-12-06:operations:<uuid>`). Anything else is refused.
 */
export function payoutRunKeyOf(businessKey: string): PayoutRunKey {
  const scheduled = SCHEDULED_KEY.exec(businessKey);
  if (scheduled?.[1] && isDay(scheduled[1])) return { trigger: "schedule", asOf: scheduled[1] };
  const operations = OPERATIONS_KEY.exec(businessKey);
  if (operations?.[1] && operations[2] && isDay(operations[1])) {
    return { trigger: "operations", asOf: operations[1], requestId: operations[2] };
  }
  throw new Error(`not a payout run's key: ${businessKey}`);
}

export function operationsRunKey(asOf: Day, requestId: string): string {
  return `${SAVINGS_PAYOUTS_JOB}:${asOf}:operations:${requestId}`;
}

/** Whether "YYYY-MM-DD" is a real calendar day. */
export function isDay(day: string): boolean {
  try {
    dayNumber(day);
    return true;
  } catch {
    return false;
  }
}

/**
 * The job's handler for one run: the day and trigger from its key, and for an operations run
 * the staff member who asked (from the audit entry of the request).
 */
export async function runPayoutsForKey(
  services: PayoutDeps,
  businessKey: string,
  hooks: RunPayoutsHooks = {},
): Promise<RunPayoutsResult> {
  const key = payoutRunKeyOf(businessKey);
  const staffId =
    key.trigger === "operations" ? await requesterOf(services, businessKey) : undefined;
  return runPayouts(services, { asOf: key.asOf, trigger: key.trigger, staffId }, hooks);
}

async function requesterOf(services: PayoutDeps, businessKey: string): Promise<number | undefined> {
  const [entry] = await findAuditRows(services.db, {
    limit: 1,
    action: PAYOUT_RUN_REQUEST_ACTION,
    targetType: PAYOUT_RUN_REQUEST_TARGET,
    targetId: businessKey,
  });
  return entry?.actorType === "STAFF" && entry.actorId ? Number(entry.actorId) : undefined;
}

// ── Operations ────────────────────────────────────────────────────────────────────────────────

/**
 * Queues a payout run for `asOf` on the worker's job queue (operations: "run payouts for a
 * date", which is how the clock is tested end to end). Audited before it is queued, so the run
 * knows who asked. The plans' ids keep the money idempotent; each request is a run of its own.
 */
export async function requestPayoutRun(
  services: Services,
  actor: { staffId: number; ip?: string | undefined },
  asOf: Day,
): Promise<{ asOf: Day; requestedAt: Date }> {
  const today = dayNumber(dayOf(clockDate(services.clock)));
  if (!isDay(asOf) || Math.abs(dayNumber(asOf) - today) > RUN_DAY_RANGE_DAYS) {
    throw new AppError(AppErrorCode.INVALID_INPUT, "Choose a day within a year of today.", {
      asOf: ["Choose a day within a year of today."],
    });
  }
  const businessKey = operationsRunKey(asOf, crypto.randomUUID());
  const requestedAt = clockDate(services.clock);
  await recordAudit(services.db, {
    actor: { kind: "staff", staffId: actor.staffId },
    action: PAYOUT_RUN_REQUEST_ACTION,
    target: { type: PAYOUT_RUN_REQUEST_TARGET, id: businessKey },
    after: { asOf },
    ip: actor.ip,
  });
  await queueJobRun(services, {
    name: SAVINGS_PAYOUTS_JOB,
    businessKey,
    attempts: SAVINGS_PAYOUTS_ATTEMPTS,
  });
  return { asOf, requestedAt };
}

/** The payout runs newest first, each with what it paid per asset. */
export async function listPayoutRuns(
  services: Services,
  page: { limit: number; beforeId?: bigint | undefined },
): Promise<{ runs: SavingsPayoutRun[]; nextBeforeId: string | null }> {
  const rows = await findPayoutRuns(services.db, page);
  const totals = await findPayoutRunTotals(
    services.db,
    rows.map((row) => row.id),
  );
  const precisions = await findAssetPrecisions(
    services.db,
    totals.map((t) => t.assetCode),
  );
  const runs = rows.map((row) => ({
    id: String(row.id),
    asOf: row.asOf,
    trigger: row.trigger,
    triggeredBy: row.triggeredBy,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    ok: row.ok,
    error: row.error,
    plansPaid: row.plansPaid,
    totals: totals
      .filter((t) => t.runId === row.id)
      .map((t) => {
        const precision = precisions.get(t.assetCode);
        return {
          asset: t.assetCode,
          interest: formatUnits(t.interestAtoms, precision),
          principal: formatUnits(t.principalAtoms, precision),
        };
      }),
  }));
  const last = rows.at(-1);
  return { runs, nextBeforeId: last && rows.length === page.limit ? String(last.id) : null };
}

/**
 * The savings pool per asset: the engine's `savings` account (as projected) against the
 * principal of ACTIVE subscriptions (equal when the books agree), what interest has cost (the
 * `savingsInterest` account, sign flipped: paid out less early-redemption deductions) and the
 * interest still scheduled.
 */
export async function savingsPool(services: Services): Promise<SavingsPool[]> {
  const figures = await findPoolFigures(services.db);
  return figures.map((f) => ({
    asset: f.assetCode,
    poolBalance: signedUnits(f.poolAtoms, f.precision),
    outstandingPrincipal: signedUnits(f.outstandingAtoms, f.precision),
    interestExpense: signedUnits(-f.interestAccountAtoms, f.precision),
    interestScheduled: signedUnits(f.scheduledAtoms, f.precision),
  }));
}

/** Atoms as decimal text, with a minus sign when negative (a pool out of step can be). */
function signedUnits(atoms: bigint, precision: number): string {
  return atoms < 0n ? `-${formatUnits(-atoms, precision)}` : formatUnits(atoms, precision);
}

import { RejectCode } from "@exchange/core";

/**
 * The bookkeeping of one payout run, pure: what each plan's engine answer means for its row,
 * and what the run's row says at the end. payouts.ts does the I/O around it.
 */

/**
 * The engine's reject code for a payout of a position it no longer holds (the subscription was
 * redeemed meanwhile): the plan is cancelled, not retried.
 */
export const NO_OPEN_POSITION: number = RejectCode.SavingsPositionNotFound;

/** At most this many failures are spelled out in a run's `error`; the rest are counted. */
const FAILURES_SPELLED_MAX = 5;

/** What to do with one due plan. */
export type PlanAction =
  /** Nothing to pay (a period whose interest floors to 0, not the last): PAID without a command. */
  | "mark-paid"
  /** `savings.payout` by the plan's id. */
  | "send";

export function planActionOf(plan: { interestAtoms: bigint; principalAtoms: bigint }): PlanAction {
  return plan.interestAtoms === 0n && plan.principalAtoms === 0n ? "mark-paid" : "send";
}

/** The engine's answer to one plan's payout, as the run reads it. */
export type PayoutAnswer =
  | { kind: "accepted" }
  | { kind: "rejected"; code: number; message: string }
  | { kind: "timeout" };

/** What the plan's row becomes. */
export type PlanVerdict =
  /** PAID (a repeat of an earlier run's command is paid too: the engine moved the money once). */
  | "paid"
  /** CANCELLED: the position is closed. */
  | "cancelled"
  /** Stays PENDING: the job's retry, or the next run, tries again. */
  | "failed";

export function verdictOf(answer: PayoutAnswer): PlanVerdict {
  if (answer.kind === "accepted") return "paid";
  if (answer.kind === "rejected" && answer.code === NO_OPEN_POSITION) return "cancelled";
  return "failed";
}

/** One plan the run could not pay, and why. */
export interface PlanFailure {
  planId: string;
  subscriptionId: string;
  reason: string;
}

/** The run so far. */
export interface PayoutTally {
  /** Plans this run made PAID (a plan another run paid first is not counted twice). */
  plansPaid: number;
  plansCancelled: number;
  failures: PlanFailure[];
  /**
   * Subscriptions with a plan that failed in this run: their later plans wait, so a position is
   * never closed by its last plan while an earlier interest payment is still owed.
   */
  held: Set<string>;
}

export function emptyTally(): PayoutTally {
  return { plansPaid: 0, plansCancelled: 0, failures: [], held: new Set() };
}

export function failureReason(answer: PayoutAnswer): string {
  if (answer.kind === "timeout") return "the engine did not answer in time";
  if (answer.kind === "rejected")
    return `the engine refused it (${answer.code}: ${answer.message})`;
  return "accepted";
}

/** Adds one plan's verdict (`newlyPaid`: this run's write made it PAID). */
export function tallyPlan(
  tally: PayoutTally,
  plan: { id: string; subscriptionId: string },
  outcome:
    | { verdict: "paid"; newlyPaid: boolean }
    | { verdict: "cancelled" }
    | { verdict: "failed"; reason: string },
): void {
  if (outcome.verdict === "paid") {
    if (outcome.newlyPaid) tally.plansPaid += 1;
  } else if (outcome.verdict === "cancelled") {
    tally.plansCancelled += 1;
  } else {
    tally.failures.push({
      planId: plan.id,
      subscriptionId: plan.subscriptionId,
      reason: outcome.reason,
    });
    tally.held.add(plan.subscriptionId);
  }
}

/** The run row's end: ok when no plan failed; else the failures, the first few spelled out. */
export function runSummary(tally: PayoutTally): {
  ok: boolean;
  error: string | null;
  plansPaid: number;
} {
  if (tally.failures.length === 0) return { ok: true, error: null, plansPaid: tally.plansPaid };
  const spelled = tally.failures
    .slice(0, FAILURES_SPELLED_MAX)
    .map((f) => `plan ${f.planId} of subscription ${f.subscriptionId}: ${f.reason}`);
  const more = tally.failures.length - spelled.length;
  const count = tally.failures.length === 1 ? "1 plan" : `${tally.failures.length} plans`;
  return {
    ok: false,
    error: `${count} not paid: ${spelled.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
    plansPaid: tally.plansPaid,
  };
}

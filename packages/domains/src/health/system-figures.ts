/**
 * The business figures of seed 003 §8 (订单处理量, 充值成功率 > 99 %, 提现处理时间 < 30 分钟),
 * computed from counts and durations the read models give over a recent window. Pure, so the
 * arithmetic is tested apart from the queries. None of these is money: plain numbers are right.
 */

/** Seed 003 §8's lines: a deposit success rate above 99 %, withdrawals done within 30 minutes. */
export const DEPOSIT_SUCCESS_RATE_MIN = 0.99;
export const WITHDRAWAL_PROCESSING_MS_MAX = 30 * 60_000;

/** The windows each figure looks back over. */
export const ORDERS_WINDOW_MS = 60_000;
export const DEPOSITS_WINDOW_MS = 24 * 3_600_000;
export const WITHDRAWALS_WINDOW_MS = 24 * 3_600_000;

export interface FigureInputs {
  /** Orders the engine accepted within ORDERS_WINDOW_MS. */
  ordersInWindow: number;
  /** Deposits decided within DEPOSITS_WINDOW_MS: credited, and failed (dropped or refused). */
  depositsCredited: number;
  depositsFailed: number;
  /** How long each withdrawal finished within the window took, request to confirmation, ms. */
  withdrawalDurationsMs: readonly number[];
  /** Withdrawals still in flight that were requested longer than the line ago. */
  withdrawalsOverdue: number;
}

export interface SystemFigures {
  ordersPerSecond: number;
  ordersWindowS: number;
  /** Credited / decided, 0…1; null when no deposit was decided in the window. */
  depositSuccessRate: number | null;
  depositsDecided: number;
  /** Within seed 003's line (true when there is nothing to judge). */
  depositsWithinLine: boolean;
  withdrawals: {
    completed: number;
    /** Null when none completed in the window. */
    medianMs: number | null;
    p95Ms: number | null;
    maxMs: number | null;
    overdue: number;
    withinLine: boolean;
  };
}

export function systemFigures(inputs: FigureInputs): SystemFigures {
  const decided = inputs.depositsCredited + inputs.depositsFailed;
  const rate = decided === 0 ? null : inputs.depositsCredited / decided;
  const durations = [...inputs.withdrawalDurationsMs].sort((a, b) => a - b);
  const p95 = percentile(durations, 0.95);
  return {
    ordersPerSecond: perSecond(inputs.ordersInWindow, ORDERS_WINDOW_MS),
    ordersWindowS: ORDERS_WINDOW_MS / 1_000,
    depositSuccessRate: rate,
    depositsDecided: decided,
    depositsWithinLine: rate === null || rate > DEPOSIT_SUCCESS_RATE_MIN,
    withdrawals: {
      completed: durations.length,
      medianMs: percentile(durations, 0.5),
      p95Ms: p95,
      maxMs: durations.at(-1) ?? null,
      overdue: inputs.withdrawalsOverdue,
      withinLine:
        inputs.withdrawalsOverdue === 0 && (p95 === null || p95 < WITHDRAWAL_PROCESSING_MS_MAX),
    },
  };
}

/** Events per second over a window, to two decimals. */
export function perSecond(count: number, windowMs: number): number {
  return Math.round((count * 100_000) / windowMs) / 100;
}

/**
 * The nearest-rank percentile of sorted values (`q` in 0…1): the least value at or above which
 * a share `q` of the values lies. Null for no values.
 */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(Math.ceil(q * sorted.length), 1);
  return sorted[rank - 1] ?? null;
}

/**
 * The business figures of the venue (orders per second, deposit success rate, withdrawal
 * processing time), counted where the domain decides them, in whichever process runs that
 * domain code (web and the trading gateway place orders, the worker credits deposits, the
 * signer ends withdrawals). Prometheus sums them over the processes.
 */
import { PROCESSING_BUCKETS_SECONDS, processMetrics } from "@exchange/protocol/metrics";

/** What became of an order sent to the engine (timeout: no answer in time; it may still apply). */
export type OrderResult = "placed" | "rejected" | "timeout";

/**
 * How a deposit's story ended, by its final status. One definition with the System page's
 * deposit success rate (health-repository.ts, `countDecidedDepositsSince`): a deposit is
 * decided when it is CREDITED (success), DROPPED (its block left the chain before the credit)
 * or REJECTED (finance refused it); the rate is credited over all three. A credit the engine
 * refuses is not a decision: the deposit waits, HELD, for finance, and is counted once when
 * finance credits or rejects it. A DROPPED deposit whose transaction comes back in a new
 * block is counted again when credited (the page, reading current statuses, sees it once).
 */
const DEPOSIT_OUTCOMES = {
  CREDITED: "credited",
  DROPPED: "dropped",
  REJECTED: "rejected",
} as const;

export type DepositOutcome = (typeof DEPOSIT_OUTCOMES)[keyof typeof DEPOSIT_OUTCOMES];

const orders = () =>
  processMetrics().counter({
    name: "trading_orders_total",
    help: "Orders sent to the engine (placed, an OCO list's two, amended), by market and result (placed, rejected, timeout); rate() is orders per second",
    labelNames: ["market", "result"],
  });

const deposits = () =>
  processMetrics().counter({
    name: "wallet_deposits_total",
    help: "Deposits decided, by asset and outcome (credited, dropped with its block, rejected by finance)",
    labelNames: ["asset", "outcome"],
  });

const withdrawalSeconds = () =>
  processMetrics().histogram({
    name: "wallet_withdrawal_processing_seconds",
    help: "Time from a withdrawal's request to its end (confirmed on chain, failed, rejected, cancelled)",
    labelNames: ["asset", "status"],
    buckets: PROCESSING_BUCKETS_SECONDS,
  });

export function countOrders(market: string, result: OrderResult, count: number): void {
  orders().inc({ market, result }, count);
}

/** Once per move to a status; counts only the statuses that decide a deposit (see above). */
export function countDepositDecision(deposit: { assetCode: string; status: string }): void {
  const outcome = DEPOSIT_OUTCOMES[deposit.status as keyof typeof DEPOSIT_OUTCOMES];
  if (outcome) deposits().inc({ asset: deposit.assetCode, outcome });
}

/** Once per withdrawal, when its end is settled by the engine. */
export function observeWithdrawalEnd(
  withdrawal: { assetCode: string; status: string; createdAt: Date },
  endedAt: Date,
): void {
  const seconds = Math.max(0, (endedAt.getTime() - withdrawal.createdAt.getTime()) / 1000);
  withdrawalSeconds().observe({ asset: withdrawal.assetCode, status: withdrawal.status }, seconds);
}

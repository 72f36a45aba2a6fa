/**
 * The business figures of the venue (orders per second, deposit success rate, withdrawal
 * processing time), counted where the domain decides them, in whichever process runs that
 * domain code (web and the trading gateway place orders, the worker credits deposits, the
 * signer ends withdrawals). Prometheus sums them over the processes.
 */
import { PROCESSING_BUCKETS_SECONDS, processMetrics } from "@exchange/protocol/metrics";

/** What became of an order sent to the engine. */
export type OrderResult = "placed" | "rejected";

/** What became of a deposit: credited by the engine, refused by it (held), rejected by finance. */
export type DepositOutcome = "credited" | "refused" | "rejected";

const orders = () =>
  processMetrics().counter({
    name: "trading_orders_total",
    help: "Orders sent to the engine, by market and result (placed, rejected); rate() is orders per second",
    labelNames: ["market", "result"],
  });

const deposits = () =>
  processMetrics().counter({
    name: "wallet_deposits_total",
    help: "Deposits decided, by asset and outcome (credited, refused by the engine, rejected by finance)",
    labelNames: ["asset", "outcome"],
  });

const withdrawalSeconds = () =>
  processMetrics().histogram({
    name: "wallet_withdrawal_processing_seconds",
    help: "Time from a withdrawal's request to its end (confirmed on chain, failed, rejected, cancelled)",
    labelNames: ["asset", "status"],
    buckets: PROCESSING_BUCKETS_SECONDS,
  });

export function countOrder(market: string, result: OrderResult): void {
  orders().inc({ market, result });
}

export function countDeposit(asset: string, outcome: DepositOutcome): void {
  deposits().inc({ asset, outcome });
}

/** Once per withdrawal, when its end is settled by the engine. */
export function observeWithdrawalEnd(
  withdrawal: { assetCode: string; status: string; createdAt: Date },
  endedAt: Date,
): void {
  const seconds = Math.max(0, (endedAt.getTime() - withdrawal.createdAt.getTime()) / 1000);
  withdrawalSeconds().observe({ asset: withdrawal.assetCode, status: withdrawal.status }, seconds);
}

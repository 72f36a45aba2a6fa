import { checkHotWallet, type HotWalletBalance } from "@exchange/domains/wallet/treasury";
import { processMetrics } from "@exchange/protocol/metrics";
import type { WorkerEnv } from "../../env";
import type { JobDefinition } from "../job-definition";

/** Whether the environment names a chain: the same three variables the worker's context needs. */
const hasChain = (env: WorkerEnv) => Boolean(env.WALLET_XPUB && env.CHAIN_RPC_URL && env.CHAIN_ID);

/**
 * A job, not a consumer: the hot wallet's balances change on chain (sweeps in, withdrawals out,
 * top-ups by finance), not on engine events, so it looks at them every
 * HOT_WALLET_CHECK_EVERY_MS. Each run opens the alerts due that are not open yet (mailing
 * finance once) and resolves those whose line the balance is back above; a retried or repeated
 * run opens nothing twice. It moves no money.
 */
export const hotWalletJob: JobDefinition = {
  name: "hot-wallet",
  schedule: (env) => ({ everyMs: env.HOT_WALLET_CHECK_EVERY_MS }),
  // A run given up (the node unreachable) is superseded by the next scheduled one.
  attempts: 3,
  enabled: hasChain,
  build: ({ store, wallet, mailer, log, clock }) => {
    if (!wallet) throw new Error("the hot-wallet job needs the wallet's chain");
    return async () => {
      const check = await checkHotWallet({
        db: store,
        wallet,
        log,
        clock,
        ...(mailer ? { mailer } : {}),
      });
      recordHotWallet(check.balances);
      return {};
    };
  },
};

/** Thousandths: the balance-to-line ratio is computed in bigint, then shown to three places. */
const RATIO_SCALE = 1000n;

/**
 * Each asset's state against its lines, for the "hot wallet below its line" alert and the
 * dashboard. The amounts stay out of Prometheus (money is never a float): the ratio of balance
 * to low line says how close the wallet is.
 */
function recordHotWallet(balances: readonly HotWalletBalance[]): void {
  const metrics = processMetrics();
  const belowLow = metrics.gauge({
    name: "wallet_hot_below_low_ratio",
    help: "1 while the hot wallet holds less of an asset than its low line (withdrawals wait)",
    labelNames: ["asset"],
  });
  const belowWarning = metrics.gauge({
    name: "wallet_hot_below_warning_ratio",
    help: "1 while the hot wallet holds less of an asset than its warning line",
    labelNames: ["asset"],
  });
  const toLow = metrics.gauge({
    name: "wallet_hot_balance_to_low_ratio",
    help: "The hot wallet's balance of an asset divided by its low line (below 1: withdrawals wait)",
    labelNames: ["asset"],
  });
  for (const balance of balances) {
    const asset = balance.assetCode;
    belowLow.set({ asset }, balance.state === "BELOW_LOW" ? 1 : 0);
    belowWarning.set({ asset }, balance.state === "OK" ? 0 : 1);
    const low = balance.lines.lowUnits;
    if (low > 0n) toLow.set({ asset }, Number((balance.balanceUnits * RATIO_SCALE) / low) / 1000);
  }
}

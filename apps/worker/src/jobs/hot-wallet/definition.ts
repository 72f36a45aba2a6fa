import { checkHotWallet } from "@exchange/domains/wallet/treasury";
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
      await checkHotWallet({ db: store, wallet, log, clock, ...(mailer ? { mailer } : {}) });
      return {};
    };
  },
};

import { router } from "../../trpc";
import { walletBalancesProcedure } from "./balances";
import { depositsRouter } from "./deposits/router";
import { withdrawalsRouter } from "./withdrawals/router";

/** Money in and out on chain (packages/domains/src/wallet). */
export const walletRouter = router({
  balances: walletBalancesProcedure,
  deposits: depositsRouter,
  withdrawals: withdrawalsRouter,
});

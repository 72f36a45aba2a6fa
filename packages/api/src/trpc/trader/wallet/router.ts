import { router } from "../../trpc";
import { depositsRouter } from "./deposits/router";
import { withdrawalsRouter } from "./withdrawals/router";

/** Money in and out on chain (packages/domains/src/wallet). */
export const walletRouter = router({
  deposits: depositsRouter,
  withdrawals: withdrawalsRouter,
});

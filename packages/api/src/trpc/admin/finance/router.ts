import { router } from "../../trpc";
import { depositsAdminRouter } from "./deposits/router";
import { treasuryAdminRouter } from "./treasury/router";

/** Finance's console beside the withdrawal queue: deposits and the hot wallet. */
export const financeAdminRouter = router({
  deposits: depositsAdminRouter,
  treasury: treasuryAdminRouter,
});

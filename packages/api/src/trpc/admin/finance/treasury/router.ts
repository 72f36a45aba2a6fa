import { router } from "../../../trpc";

/** The hot wallet: balances against their lines, sweeps, and open alerts. */
export const treasuryAdminRouter = router({});

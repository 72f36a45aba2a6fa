import { router } from "../../../trpc";

/** Deposits as finance reviews them: held and reorganised ones to clear, hold or refuse. */
export const depositsAdminRouter = router({});

import { router } from "../../../trpc";

/** A trader's deposits: the deposit address of each asset, and the deposits found on chain. */
export const depositsRouter = router({});

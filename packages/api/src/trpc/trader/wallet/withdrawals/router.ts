import { router } from "../../../trpc";

/** A trader's withdrawals: fee quotes, limits, requests, cancels, history and the address book. */
export const withdrawalsRouter = router({});

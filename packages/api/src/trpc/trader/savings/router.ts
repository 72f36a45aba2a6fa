import { router } from "../../trpc";
import { savingsOffersProcedure } from "./offers";

/** Savings products for traders (packages/domains/src/savings). */
export const savingsRouter = router({
  offers: savingsOffersProcedure,
});

import { ZSavingsPoolOutput } from "@exchange/domains/savings/payout-contracts";
import { savingsPool } from "@exchange/domains/savings/payouts";
import { sectionProcedure } from "../../trpc";

/** The savings pool per asset against outstanding principal, interest expense and scheduled. */
export const savingsPoolProcedure = sectionProcedure("products")
  .output(ZSavingsPoolOutput)
  .query(async ({ ctx }) => ({ pools: await savingsPool(ctx.services) }));

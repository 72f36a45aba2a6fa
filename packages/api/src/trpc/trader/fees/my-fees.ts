import { ZMyFeesOutput } from "@exchange/domains/fees/fee-contracts";
import { myFees } from "@exchange/domains/fees/my-fees";
import { protectedProcedure } from "../../trpc";

/** The trader's fee tier, rates, 30-day volume and the next tier's threshold. */
export const myFeesProcedure = protectedProcedure
  .output(ZMyFeesOutput)
  .query(({ ctx }) => myFees(ctx.services, ctx.actor.userId));

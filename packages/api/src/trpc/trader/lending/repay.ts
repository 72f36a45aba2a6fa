import { repayAsTrader } from "@exchange/domains/lending/borrowing";
import { ZLoanMoveInput, ZMyLoan } from "@exchange/domains/lending/borrowing-contracts";
import { protectedProcedure } from "../../trpc";

/** Repays part or all ("all") of one of the caller's loans, interest first. */
export const repayLoanProcedure = protectedProcedure
  .input(ZLoanMoveInput)
  .output(ZMyLoan)
  .mutation(({ ctx, input }) => repayAsTrader(ctx.services, ctx.actor.userId, input));

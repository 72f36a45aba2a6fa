import { addCollateralAsTrader } from "@exchange/domains/lending/borrowing";
import { ZLoanMoveInput, ZMyLoan } from "@exchange/domains/lending/borrowing-contracts";
import { protectedProcedure } from "../../trpc";

/** Adds collateral to one of the caller's open loans. */
export const addLoanCollateralProcedure = protectedProcedure
  .input(ZLoanMoveInput)
  .output(ZMyLoan)
  .mutation(({ ctx, input }) => addCollateralAsTrader(ctx.services, ctx.actor.userId, input));

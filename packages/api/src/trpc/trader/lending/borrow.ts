import { borrowAsTrader } from "@exchange/domains/lending/borrowing";
import { ZBorrowInput, ZMyLoan } from "@exchange/domains/lending/borrowing-contracts";
import { protectedProcedure } from "../../trpc";

/** Opens a loan for the caller; the same `requestKey` twice is one loan. */
export const borrowProcedure = protectedProcedure
  .input(ZBorrowInput)
  .output(ZMyLoan)
  .mutation(({ ctx, input }) => borrowAsTrader(ctx.services, ctx.actor.userId, input));

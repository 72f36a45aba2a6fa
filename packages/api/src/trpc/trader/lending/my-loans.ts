import { myLoans } from "@exchange/domains/lending/borrowing";
import {
  ZLoanHistoryItem,
  ZLoanIdInput,
  ZMyLoan,
} from "@exchange/domains/lending/borrowing-contracts";
import { myLoanHistory } from "@exchange/domains/lending/loan-history";
import { z } from "zod";
import { protectedProcedure } from "../../trpc";

/** The caller's loans with their LTV and prices at the latest index, newest first. */
export const myLoansProcedure = protectedProcedure
  .output(z.array(ZMyLoan))
  .query(({ ctx }) => myLoans(ctx.services, ctx.actor.userId));

/** One of the caller's loans, step by step (accruals, repayments, top-ups, liquidation slices). */
export const loanHistoryProcedure = protectedProcedure
  .input(ZLoanIdInput)
  .output(z.array(ZLoanHistoryItem))
  .query(({ ctx, input }) => myLoanHistory(ctx.services, ctx.actor.userId, input.loanId));

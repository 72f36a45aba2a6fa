import { approveSellingBelowBankruptcy } from "@exchange/domains/lending/liquidation-approval";
import {
  ZApproveBelowBankruptcyOutput,
  ZStaffLoanInput,
} from "@exchange/domains/lending/loan-book-contracts";
import { sectionProcedure } from "../../trpc";

/**
 * Lets a liquidating loan's slices sell below its bankruptcy price (the shortfall goes to the
 * insurance account); audited; LOAN_STATE for a loan not being liquidated.
 */
export const approveBelowBankruptcyProcedure = sectionProcedure("products")
  .input(ZStaffLoanInput)
  .output(ZApproveBelowBankruptcyOutput)
  .mutation(({ ctx, input }) =>
    approveSellingBelowBankruptcy(
      ctx.services,
      { staffId: ctx.actor.staffId, ip: ctx.ip },
      input.loanId,
    ),
  );

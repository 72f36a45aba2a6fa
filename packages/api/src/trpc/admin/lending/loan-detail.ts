import { staffLoanDetail } from "@exchange/domains/lending/loan-book";
import { ZStaffLoanDetail, ZStaffLoanInput } from "@exchange/domains/lending/loan-book-contracts";
import { sectionProcedure } from "../../trpc";

/** One loan: terms, figures at the index, history, liquidation slices with fills, settlement. */
export const loanDetailProcedure = sectionProcedure("products")
  .input(ZStaffLoanInput)
  .output(ZStaffLoanDetail)
  .query(({ ctx, input }) => staffLoanDetail(ctx.services, input.loanId));

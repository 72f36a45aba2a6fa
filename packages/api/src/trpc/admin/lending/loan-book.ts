import { loanBook } from "@exchange/domains/lending/loan-book";
import { ZLoanBookOutput } from "@exchange/domains/lending/loan-book-contracts";
import { sectionProcedure } from "../../trpc";

/** Open and liquidating loans by risk: the highest LTV at the latest index first. */
export const loanBookProcedure = sectionProcedure("products")
  .output(ZLoanBookOutput)
  .query(({ ctx }) => loanBook(ctx.services));

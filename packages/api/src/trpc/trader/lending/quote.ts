import { quoteLoan } from "@exchange/domains/lending/borrowing";
import { ZLoanQuote, ZLoanQuoteInput } from "@exchange/domains/lending/borrowing-contracts";
import { protectedProcedure } from "../../trpc";

/** What a loan would be at the current index (LTV, warning and liquidation prices, interest). */
export const loanQuoteProcedure = protectedProcedure
  .input(ZLoanQuoteInput)
  .output(ZLoanQuote)
  .query(({ ctx, input }) => quoteLoan(ctx.services, input));

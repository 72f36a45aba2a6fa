import { router } from "../../trpc";
import { addLoanCollateralProcedure } from "./add-collateral";
import { borrowProcedure } from "./borrow";
import { loanHistoryProcedure, myLoansProcedure } from "./my-loans";
import { borrowOffersProcedure } from "./offers";
import { loanQuoteProcedure } from "./quote";
import { repayLoanProcedure } from "./repay";

/** Borrowing against crypto for traders (packages/domains/src/lending/borrowing.ts). */
export const lendingRouter = router({
  offers: borrowOffersProcedure,
  quote: loanQuoteProcedure,
  borrow: borrowProcedure,
  loans: myLoansProcedure,
  history: loanHistoryProcedure,
  repay: repayLoanProcedure,
  addCollateral: addLoanCollateralProcedure,
});

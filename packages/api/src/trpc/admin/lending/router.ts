import { router } from "../../trpc";
import { approveBelowBankruptcyProcedure } from "./approve-below-bankruptcy";
import { createLoanProductProcedure } from "./create-product";
import { getLoanProductProcedure } from "./get-product";
import { insuranceProcedure } from "./insurance";
import { listLoanProductsProcedure } from "./list-products";
import { loanBookProcedure } from "./loan-book";
import { loanDetailProcedure } from "./loan-detail";
import { defundLoanPoolProcedure, fundLoanPoolProcedure, loanPoolsProcedure } from "./pool";
import { loanProductVersionsProcedure } from "./product-versions";
import { reviseLoanProductProcedure } from "./revise-product";
import { setLoanProductEnabledProcedure } from "./set-product-enabled";

/**
 * Operations' lending (packages/domains/src/lending): loan products, the loan pools and their
 * insurance accounts, and the loan book (live loans by risk, a loan's liquidation).
 */
export const lendingAdminRouter = router({
  products: router({
    list: listLoanProductsProcedure,
    get: getLoanProductProcedure,
    create: createLoanProductProcedure,
    revise: reviseLoanProductProcedure,
    setEnabled: setLoanProductEnabledProcedure,
    versions: loanProductVersionsProcedure,
  }),
  pool: router({
    list: loanPoolsProcedure,
    fund: fundLoanPoolProcedure,
    defund: defundLoanPoolProcedure,
    insurance: insuranceProcedure,
  }),
  loans: router({
    list: loanBookProcedure,
    detail: loanDetailProcedure,
    approveBelowBankruptcy: approveBelowBankruptcyProcedure,
  }),
});

import { router } from "../../trpc";
import { createLoanProductProcedure } from "./create-product";
import { getLoanProductProcedure } from "./get-product";
import { listLoanProductsProcedure } from "./list-products";
import { defundLoanPoolProcedure, fundLoanPoolProcedure, loanPoolsProcedure } from "./pool";
import { loanProductVersionsProcedure } from "./product-versions";
import { reviseLoanProductProcedure } from "./revise-product";
import { setLoanProductEnabledProcedure } from "./set-product-enabled";

/** Operations' lending (packages/domains/src/lending): loan products and the loan pools. */
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
  }),
});

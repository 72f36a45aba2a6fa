import {
  ZLoanProductIdInput,
  ZLoanProductVersionsOutput,
} from "@exchange/domains/lending/product-contracts";
import { loanProductVersions } from "@exchange/domains/lending/products";
import { sectionProcedure } from "../../trpc";

/** A loan product's versions, newest first, with who wrote each. */
export const loanProductVersionsProcedure = sectionProcedure("products")
  .input(ZLoanProductIdInput)
  .output(ZLoanProductVersionsOutput)
  .query(({ ctx, input }) => loanProductVersions(ctx.services, input.id));

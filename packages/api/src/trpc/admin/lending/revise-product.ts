import {
  ZLoanProductOutput,
  ZReviseLoanProductInput,
} from "@exchange/domains/lending/product-contracts";
import { reviseLoanProduct } from "@exchange/domains/lending/products";
import { sectionProcedure } from "../../trpc";

/** New terms for a loan product: version n + 1; open loans keep theirs. */
export const reviseLoanProductProcedure = sectionProcedure("products")
  .input(ZReviseLoanProductInput)
  .output(ZLoanProductOutput)
  .mutation(({ ctx, input }) =>
    reviseLoanProduct(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

import {
  ZCreateLoanProductInput,
  ZLoanProductOutput,
} from "@exchange/domains/lending/product-contracts";
import { createLoanProduct } from "@exchange/domains/lending/products";
import { sectionProcedure } from "../../trpc";

/** A new loan product (version 1, enabled). */
export const createLoanProductProcedure = sectionProcedure("products")
  .input(ZCreateLoanProductInput)
  .output(ZLoanProductOutput)
  .mutation(({ ctx, input }) =>
    createLoanProduct(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

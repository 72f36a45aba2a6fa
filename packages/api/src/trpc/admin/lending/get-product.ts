import {
  ZLoanProductInput,
  ZLoanProductWithLinesOutput,
} from "@exchange/domains/lending/product-contracts";
import { getLoanProduct } from "@exchange/domains/lending/products";
import { sectionProcedure } from "../../trpc";

/** One loan product with its lines at a reference price (typed, or the last trade's). */
export const getLoanProductProcedure = sectionProcedure("products")
  .input(ZLoanProductInput)
  .output(ZLoanProductWithLinesOutput)
  .query(({ ctx, input }) => getLoanProduct(ctx.services, input));

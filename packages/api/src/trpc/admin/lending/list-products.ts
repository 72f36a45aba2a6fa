import { ZLoanProductListOutput } from "@exchange/domains/lending/product-contracts";
import { listLoanProducts } from "@exchange/domains/lending/products";
import { sectionProcedure } from "../../trpc";

/** Every loan product with its current terms and its lines at the pair's last trade price. */
export const listLoanProductsProcedure = sectionProcedure("products")
  .output(ZLoanProductListOutput)
  .query(({ ctx }) => listLoanProducts(ctx.services));

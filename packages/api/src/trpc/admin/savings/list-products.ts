import { ZProductListOutput } from "@exchange/domains/savings/product-contracts";
import { listProducts } from "@exchange/domains/savings/products";
import { sectionProcedure } from "../../trpc";

/** Every savings product with its current terms, oldest first. */
export const listProductsProcedure = sectionProcedure("products")
  .output(ZProductListOutput)
  .query(({ ctx }) => listProducts(ctx.services));

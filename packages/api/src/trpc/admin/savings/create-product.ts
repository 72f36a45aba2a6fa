import { ZCreateProductInput, ZProductOutput } from "@exchange/domains/savings/product-contracts";
import { createProduct } from "@exchange/domains/savings/products";
import { sectionProcedure } from "../../trpc";

/** A new product (version 1), offered from today: its instances are generated at once. */
export const createProductProcedure = sectionProcedure("products")
  .input(ZCreateProductInput)
  .output(ZProductOutput)
  .mutation(({ ctx, input }) =>
    createProduct(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

import { ZProductOutput, ZReviseProductInput } from "@exchange/domains/savings/product-contracts";
import { reviseProduct } from "@exchange/domains/savings/products";
import { sectionProcedure } from "../../trpc";

/** New terms for a product: a new version; instances already generated keep theirs. */
export const reviseProductProcedure = sectionProcedure("products")
  .input(ZReviseProductInput)
  .output(ZProductOutput)
  .mutation(({ ctx, input }) =>
    reviseProduct(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

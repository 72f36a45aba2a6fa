import {
  ZProductOutput,
  ZSetProductStatusInput,
} from "@exchange/domains/savings/product-contracts";
import { setProductStatus } from "@exchange/domains/savings/products";
import { sectionProcedure } from "../../trpc";

/** Pauses a product (no new instances) or resumes it. */
export const setProductStatusProcedure = sectionProcedure("products")
  .input(ZSetProductStatusInput)
  .output(ZProductOutput)
  .mutation(({ ctx, input }) =>
    setProductStatus(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

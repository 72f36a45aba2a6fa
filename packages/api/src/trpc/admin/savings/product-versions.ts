import {
  ZProductIdInput,
  ZProductVersionsOutput,
} from "@exchange/domains/savings/product-contracts";
import { productVersions } from "@exchange/domains/savings/products";
import { sectionProcedure } from "../../trpc";

/** A product's versions, newest first, with who wrote each. */
export const productVersionsProcedure = sectionProcedure("products")
  .input(ZProductIdInput)
  .output(ZProductVersionsOutput)
  .query(({ ctx, input }) => productVersions(ctx.services, input.id));

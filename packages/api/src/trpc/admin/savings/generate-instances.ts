import { generateInstancesByStaff } from "@exchange/domains/savings/instances";
import {
  ZGenerateInstancesInput,
  ZGenerateInstancesOutput,
} from "@exchange/domains/savings/product-contracts";
import { sectionProcedure } from "../../trpc";

/**
 * Generates a month's instances of every active product now, as the daily job would; creates
 * nothing twice, so it is safe to press again.
 */
export const generateInstancesProcedure = sectionProcedure("products")
  .input(ZGenerateInstancesInput)
  .output(ZGenerateInstancesOutput)
  .mutation(({ ctx, input }) =>
    generateInstancesByStaff(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input.month),
  );

import { listInstances } from "@exchange/domains/savings/instances";
import {
  ZInstanceListOutput,
  ZListInstancesInput,
} from "@exchange/domains/savings/product-contracts";
import { sectionProcedure } from "../../trpc";

/** Instances of one product or all over a range of days, with quota, subscribed and remaining. */
export const listInstancesProcedure = sectionProcedure("products")
  .input(ZListInstancesInput)
  .output(ZInstanceListOutput)
  .query(({ ctx, input }) => listInstances(ctx.services, input));

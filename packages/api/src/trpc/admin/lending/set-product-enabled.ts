import {
  ZLoanProductOutput,
  ZSetLoanProductEnabledInput,
} from "@exchange/domains/lending/product-contracts";
import { setLoanProductEnabled } from "@exchange/domains/lending/products";
import { sectionProcedure } from "../../trpc";

/** Enables a loan product (new loans may open) or disables it (open loans run on). */
export const setLoanProductEnabledProcedure = sectionProcedure("products")
  .input(ZSetLoanProductEnabledInput)
  .output(ZLoanProductOutput)
  .mutation(({ ctx, input }) =>
    setLoanProductEnabled(ctx.services, { staffId: ctx.actor.staffId, ip: ctx.ip }, input),
  );

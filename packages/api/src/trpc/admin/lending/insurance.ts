import { insuranceAccount } from "@exchange/domains/lending/loan-book";
import { ZInsuranceOutput } from "@exchange/domains/lending/loan-book-contracts";
import { sectionProcedure } from "../../trpc";

/** Each asset's insurance account and the liquidation shortfalls it has covered. */
export const insuranceProcedure = sectionProcedure("products")
  .output(ZInsuranceOutput)
  .query(({ ctx }) => insuranceAccount(ctx.services));

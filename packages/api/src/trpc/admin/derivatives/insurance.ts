import { ZInsuranceFundsOutput } from "@exchange/domains/derivatives/risk-contracts";
import { insuranceFunds } from "@exchange/domains/derivatives/risk-views";
import { sectionProcedure } from "../../trpc";

/** The insurance fund of each settle asset: balance, liquidations' totals, latest changes. */
export const riskInsuranceProcedure = sectionProcedure("risk")
  .output(ZInsuranceFundsOutput)
  .query(({ ctx }) => insuranceFunds(ctx.services));

import { ZFeeIncomeInput, ZFeeIncomeOutput } from "@exchange/domains/fees/fee-contracts";
import { feeIncomeReport } from "@exchange/domains/fees/fee-income";
import { sectionProcedure } from "../../trpc";

/** Fees earned and rebates paid per day and market, for finance and operations. */
export const feeIncomeProcedure = sectionProcedure("feeIncome")
  .input(ZFeeIncomeInput)
  .output(ZFeeIncomeOutput)
  .query(({ ctx, input }) => feeIncomeReport(ctx.services, input));

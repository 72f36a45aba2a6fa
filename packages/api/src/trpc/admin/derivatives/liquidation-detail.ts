import {
  ZRiskLiquidationDetail,
  ZRiskLiquidationInput,
} from "@exchange/domains/derivatives/risk-contracts";
import { riskLiquidationDetail } from "@exchange/domains/derivatives/risk-views";
import { sectionProcedure } from "../../trpc";

/** One liquidation with its close's book fills and the positions deleveraged; NOT_FOUND else. */
export const riskLiquidationDetailProcedure = sectionProcedure("risk")
  .input(ZRiskLiquidationInput)
  .output(ZRiskLiquidationDetail)
  .query(({ ctx, input }) => riskLiquidationDetail(ctx.services, input.id));

import {
  ZRiskLiquidationsInput,
  ZRiskLiquidationsOutput,
} from "@exchange/domains/derivatives/risk-contracts";
import { riskLiquidations } from "@exchange/domains/derivatives/risk-views";
import { sectionProcedure } from "../../trpc";

/** Liquidations newest first, paged; one contract's with `symbol`. */
export const riskLiquidationsProcedure = sectionProcedure("risk")
  .input(ZRiskLiquidationsInput)
  .output(ZRiskLiquidationsOutput)
  .query(({ ctx, input }) => riskLiquidations(ctx.services, input));

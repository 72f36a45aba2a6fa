import {
  ZRiskPositionsInput,
  ZRiskPositionsOutput,
} from "@exchange/domains/derivatives/risk-contracts";
import { riskPositions } from "@exchange/domains/derivatives/risk-views";
import { sectionProcedure } from "../../trpc";

/** Open positions of every trader, the highest margin ratio at the mark first. */
export const riskPositionsProcedure = sectionProcedure("risk")
  .input(ZRiskPositionsInput)
  .output(ZRiskPositionsOutput)
  .query(({ ctx, input }) => riskPositions(ctx.services, input));

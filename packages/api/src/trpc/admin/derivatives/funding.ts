import {
  ZFundingHistoryInput,
  ZFundingHistoryOutput,
} from "@exchange/domains/derivatives/risk-contracts";
import { fundingHistory } from "@exchange/domains/derivatives/risk-views";
import { sectionProcedure } from "../../trpc";

/** A contract's funding settlements newest first, each with its balance check; NOT_FOUND else. */
export const riskFundingProcedure = sectionProcedure("risk")
  .input(ZFundingHistoryInput)
  .output(ZFundingHistoryOutput)
  .query(({ ctx, input }) => fundingHistory(ctx.services, input));

import { ZRiskContractsOutput } from "@exchange/domains/derivatives/risk-contracts";
import { riskContracts } from "@exchange/domains/derivatives/risk-views";
import { sectionProcedure } from "../../trpc";

/** Each contract's mark, index, funding and open interest. */
export const riskContractsProcedure = sectionProcedure("risk")
  .output(ZRiskContractsOutput)
  .query(({ ctx }) => riskContracts(ctx.services));

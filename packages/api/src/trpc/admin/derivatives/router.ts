import { router } from "../../trpc";
import { riskContractsProcedure } from "./contracts";
import { riskFundingProcedure } from "./funding";
import { riskInsuranceProcedure } from "./insurance";
import { riskLiquidationDetailProcedure } from "./liquidation-detail";
import { riskLiquidationsProcedure } from "./liquidations";
import { riskPositionsProcedure } from "./positions";

/**
 * Operations' and finance's futures risk view (packages/domains/src/derivatives/risk-views.ts),
 * read-only: contracts and open interest, positions by margin ratio, liquidations with their
 * fills, the insurance fund, funding history.
 */
export const derivativesAdminRouter = router({
  risk: router({
    contracts: riskContractsProcedure,
    positions: riskPositionsProcedure,
    liquidations: riskLiquidationsProcedure,
    liquidation: riskLiquidationDetailProcedure,
    insurance: riskInsuranceProcedure,
    funding: riskFundingProcedure,
  }),
});

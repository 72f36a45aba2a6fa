import { router } from "../../trpc";
import { setLeverageProcedure, setMarginModeProcedure } from "./settings";
import { futuresTransferProcedure } from "./transfer";
import {
  futuresAccountProcedure,
  futuresContractsProcedure,
  futuresMarketsProcedure,
  positionHistoryProcedure,
} from "./views";

/**
 * Perpetual contracts for traders (packages/domains/src/derivatives): the futures wallet and
 * each contract's leverage and margin mode. Orders go through `trading` like spot orders.
 */
export const futuresRouter = router({
  contracts: futuresContractsProcedure,
  markets: futuresMarketsProcedure,
  account: futuresAccountProcedure,
  positionHistory: positionHistoryProcedure,
  transfer: futuresTransferProcedure,
  setLeverage: setLeverageProcedure,
  setMarginMode: setMarginModeProcedure,
});

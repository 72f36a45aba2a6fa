import { router } from "../../trpc";
import { setLeverageProcedure, setMarginModeProcedure } from "./settings";
import { futuresTransferProcedure } from "./transfer";
import {
  futuresAccountProcedure,
  futuresContractsProcedure,
  positionHistoryProcedure,
} from "./views";

/**
 * Perpetual contracts for traders (packages/domains/src/derivatives): the futures wallet and
 * each contract's leverage and margin mode. Orders go through `trading` like spot orders.
 */
export const futuresRouter = router({
  contracts: futuresContractsProcedure,
  account: futuresAccountProcedure,
  positionHistory: positionHistoryProcedure,
  transfer: futuresTransferProcedure,
  setLeverage: setLeverageProcedure,
  setMarginMode: setMarginModeProcedure,
});

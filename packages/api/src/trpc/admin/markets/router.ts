import { router } from "../../trpc";
import { cancelStatusChangeProcedure } from "./cancel-status-change";
import { changeMarketStatusProcedure } from "./change-market-status";
import { createAssetProcedure } from "./create-asset";
import { createContractProcedure } from "./create-contract";
import { createMarketProcedure } from "./create-market";
import { listAdminMarketsProcedure } from "./list-markets";
import { listStatusChangesProcedure } from "./list-status-changes";
import { scheduleMarketStatusProcedure } from "./schedule-market-status";
import { setAssetStatusProcedure } from "./set-asset-status";

/** Operations' markets and assets (packages/domains/src/markets/market-operations.ts). */
export const marketsAdminRouter = router({
  list: listAdminMarketsProcedure,
  create: createMarketProcedure,
  createContract: createContractProcedure,
  createAsset: createAssetProcedure,
  setAssetStatus: setAssetStatusProcedure,
  setStatus: changeMarketStatusProcedure,
  scheduleStatus: scheduleMarketStatusProcedure,
  cancelScheduled: cancelStatusChangeProcedure,
  statusChanges: listStatusChangesProcedure,
});

import { listAdminMarketsProcedure } from "../procedures/admin/list-admin-markets";
import { listAuditProcedure } from "../procedures/admin/list-audit";
import {
  listKycQueueProcedure,
  listProductsProcedure,
  listWithdrawalQueueProcedure,
} from "../procedures/admin/list-queues";
import { listReconciliationProcedure } from "../procedures/admin/list-reconciliation-reports";
import { staffMeProcedure } from "../procedures/admin/staff-me";
import { healthProcedure } from "../procedures/health";
import { router } from "../trpc";

/** The API the admin console serves to staff. Every procedure but `health` needs a staff role. */
export const adminRouter = router({
  health: healthProcedure,
  me: staffMeProcedure,
  kyc: router({ queue: listKycQueueProcedure }),
  withdrawals: router({ queue: listWithdrawalQueueProcedure }),
  products: router({ list: listProductsProcedure }),
  markets: router({ list: listAdminMarketsProcedure }),
  reconciliation: router({ list: listReconciliationProcedure }),
  audit: router({ list: listAuditProcedure }),
});

export type AdminRouter = typeof adminRouter;

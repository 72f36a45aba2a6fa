import { kycAdminRouter } from "../procedures/admin/kyc/router";
import { listAdminMarketsProcedure } from "../procedures/admin/list-admin-markets";
import { auditVocabularyProcedure, listAuditProcedure } from "../procedures/admin/list-audit";
import {
  listProductsProcedure,
  listWithdrawalQueueProcedure,
} from "../procedures/admin/list-queues";
import { listReconciliationProcedure } from "../procedures/admin/list-reconciliation-reports";
import { createEnrolmentLinkProcedure } from "../procedures/admin/staff/create-enrolment-link";
import { listStaffProcedure } from "../procedures/admin/staff/list-staff";
import { staffMeProcedure } from "../procedures/admin/staff-me";
import { usersAdminRouter } from "../procedures/admin/users/router";
import { healthProcedure } from "../procedures/health";
import { router } from "../trpc";

/** The API the admin console serves to staff. Every procedure but `health` needs a staff role. */
export const adminRouter = router({
  health: healthProcedure,
  me: staffMeProcedure,
  kyc: kycAdminRouter,
  users: usersAdminRouter,
  withdrawals: router({ queue: listWithdrawalQueueProcedure }),
  products: router({ list: listProductsProcedure }),
  markets: router({ list: listAdminMarketsProcedure }),
  reconciliation: router({ list: listReconciliationProcedure }),
  audit: router({ list: listAuditProcedure, vocabulary: auditVocabularyProcedure }),
  staff: router({ list: listStaffProcedure, createEnrolmentLink: createEnrolmentLinkProcedure }),
});

export type AdminRouter = typeof adminRouter;

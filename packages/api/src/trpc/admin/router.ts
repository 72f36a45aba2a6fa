import { healthProcedure } from "../trader/health";
import { router } from "../trpc";
import { announcementsAdminRouter } from "./announcements/router";
import { derivativesAdminRouter } from "./derivatives/router";
import { feesAdminRouter } from "./fees/router";
import { financeAdminRouter } from "./finance/router";
import { kycAdminRouter } from "./kyc/router";
import { lendingAdminRouter } from "./lending/router";
import { auditVocabularyProcedure, listAuditProcedure } from "./list-audit";
import { listReconciliationProcedure } from "./list-reconciliation-reports";
import { marketsAdminRouter } from "./markets/router";
import { savingsAdminRouter } from "./savings/router";
import { staffAdminRouter } from "./staff/router";
import { staffMeProcedure } from "./staff-me";
import { systemAdminRouter } from "./system/router";
import { usersAdminRouter } from "./users/router";
import { withdrawalsAdminRouter } from "./withdrawals/router";

/** The API the admin console serves to staff. Every procedure but `health` needs a staff role. */
export const adminRouter = router({
  health: healthProcedure,
  me: staffMeProcedure,
  kyc: kycAdminRouter,
  users: usersAdminRouter,
  withdrawals: withdrawalsAdminRouter,
  finance: financeAdminRouter,
  savings: savingsAdminRouter,
  lending: lendingAdminRouter,
  derivatives: derivativesAdminRouter,
  markets: marketsAdminRouter,
  fees: feesAdminRouter,
  reconciliation: router({ list: listReconciliationProcedure }),
  audit: router({ list: listAuditProcedure, vocabulary: auditVocabularyProcedure }),
  staff: staffAdminRouter,
  system: systemAdminRouter,
  announcements: announcementsAdminRouter,
});

export type AdminRouter = typeof adminRouter;

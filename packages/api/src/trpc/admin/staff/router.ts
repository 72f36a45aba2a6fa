import { router } from "../../trpc";
import { setStaffActiveProcedure, setStaffRolesProcedure } from "./change-staff";
import { createEnrolmentLinkProcedure } from "./create-enrolment-link";
import {
  inviteStaffProcedure,
  resendInviteProcedure,
  withdrawInviteProcedure,
} from "./invite-staff";
import { listStaffProcedure } from "./list-staff";
import {
  approveTwoFactorResetProcedure,
  listTwoFactorResetsProcedure,
  rejectTwoFactorResetProcedure,
  requestTwoFactorResetProcedure,
} from "./two-factor-resets";

/** Staff management: administrators only, every change audited (identity/staff-*.ts). */
export const staffAdminRouter = router({
  list: listStaffProcedure,
  createEnrolmentLink: createEnrolmentLinkProcedure,
  invite: inviteStaffProcedure,
  resendInvite: resendInviteProcedure,
  withdrawInvite: withdrawInviteProcedure,
  setRoles: setStaffRolesProcedure,
  setActive: setStaffActiveProcedure,
  twoFactorResets: router({
    list: listTwoFactorResetsProcedure,
    request: requestTwoFactorResetProcedure,
    approve: approveTwoFactorResetProcedure,
    reject: rejectTwoFactorResetProcedure,
  }),
});

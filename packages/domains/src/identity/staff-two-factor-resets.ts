import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Tx } from "../services";
import { webLink } from "./identity-config";
import { hashToken, newToken } from "./one-time-token";
import { revokeAllSessions } from "./session-repository";
import { STAFF_ENROLMENT_LINK_VALID_MS } from "./staff-enrolment";
import { consoleUrlOf, type StaffAdminRequest, sendStaffMail } from "./staff-invites";
import { staffTwoFactorResetMail } from "./staff-mails";
import {
  clearStaffTwoFactor,
  decideTwoFactorReset,
  findAllStaffNames,
  findPendingTwoFactorReset,
  findPendingTwoFactorResets,
  findStaffMember,
  findTwoFactorReset,
  insertTwoFactorReset,
  lockStaffChanges,
  type TwoFactorResetRow,
} from "./staff-management-repository";
import { replaceStaffEnrolmentLink } from "./staff-repository";

/**
 * A staff member who lost their authenticator and recovery codes cannot log in, and nobody can
 * vouch for them alone: one administrator asks for a reset with a reason, a different one
 * approves or rejects it (the asker may withdraw their own request by rejecting it, never
 * approve it). Approval clears the member's two-factor and recovery codes, ends their sessions
 * and mails them a fresh set-up link (log in with their password, then enrol again). Nobody
 * asks for or approves a reset of their own two-factor.
 */

export async function requestStaffTwoFactorReset(
  services: Services,
  input: { adminId: number; ip: string | undefined; staffId: number; reason: string },
): Promise<{ id: number }> {
  if (input.staffId === input.adminId) {
    throw new AppError(AppErrorCode.FORBIDDEN, "Another administrator must ask for your reset.");
  }
  return inTransaction(services.db, async (tx) => {
    await lockStaffChanges(tx);
    const member = await findStaffMember(tx, input.staffId);
    if (!member) throw new AppError(AppErrorCode.NOT_FOUND, "No such staff member.");
    if (!member.active || !member.twoFactorOn) {
      throw new AppError(
        AppErrorCode.STAFF_STATE,
        "Only an active member who uses two-factor can have it reset; send a set-up link instead.",
      );
    }
    if (await findPendingTwoFactorReset(tx, member.id)) {
      throw new AppError(
        AppErrorCode.STAFF_STATE,
        "A reset of this member's two-factor already waits for approval.",
      );
    }
    const reason = input.reason.trim();
    const id = await insertTwoFactorReset(tx, {
      staffId: member.id,
      requestedById: input.adminId,
      reason,
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.two_factor_reset_requested",
      target: { type: "staff", id: String(member.id) },
      after: { resetId: id, reason },
      ip: input.ip,
    });
    return { id };
  });
}

export async function approveStaffTwoFactorReset(
  services: Services,
  input: StaffAdminRequest & { resetId: number },
): Promise<{ expiresAt: Date }> {
  return inTransaction(services.db, async (tx) => {
    const reset = await lockPendingReset(tx, input.resetId);
    if (reset.requestedById === input.adminId || reset.staffId === input.adminId) {
      throw new AppError(
        AppErrorCode.FORBIDDEN,
        "A second administrator must approve: not the one who asked, nor the member.",
      );
    }
    const member = await findStaffMember(tx, reset.staffId);
    if (!member?.active) {
      throw new AppError(AppErrorCode.STAFF_STATE, "This member is no longer active.");
    }
    const now = clockDate(services.clock);
    await decide(tx, { id: reset.id, status: "APPROVED", decidedById: input.adminId, now });
    await clearStaffTwoFactor(tx, member.id);
    await revokeAllSessions(tx, { type: "STAFF", id: member.id }, now);
    const expiresAt = await mailFreshSetUpLink(services, tx, member, { ...input, now });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.two_factor_reset_approved",
      target: { type: "staff", id: String(member.id) },
      before: { twoFactorEnabled: member.twoFactorOn },
      after: {
        twoFactorEnabled: false,
        resetId: reset.id,
        requestedById: reset.requestedById,
        reason: reset.reason,
        linkExpiresAt: expiresAt.toISOString(),
      },
      ip: input.ip,
    });
    return { expiresAt };
  });
}

export async function rejectStaffTwoFactorReset(
  services: Services,
  input: { adminId: number; ip: string | undefined; resetId: number },
): Promise<void> {
  await inTransaction(services.db, async (tx) => {
    const reset = await lockPendingReset(tx, input.resetId);
    const now = clockDate(services.clock);
    await decide(tx, { id: reset.id, status: "REJECTED", decidedById: input.adminId, now });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.two_factor_reset_rejected",
      target: { type: "staff", id: String(reset.staffId) },
      after: { resetId: reset.id, requestedById: reset.requestedById, reason: reset.reason },
      ip: input.ip,
    });
  });
}

/** The requests waiting for a second administrator, with who they concern and who asked. */
export async function listPendingStaffTwoFactorResets(services: Services) {
  const [resets, names] = await Promise.all([
    findPendingTwoFactorResets(services.db),
    findAllStaffNames(services.db),
  ]);
  return resets.map((reset) => ({
    id: reset.id,
    staffId: reset.staffId,
    staffName: names.get(reset.staffId)?.name ?? "",
    staffEmail: names.get(reset.staffId)?.email ?? "",
    requestedById: reset.requestedById,
    requestedByName: names.get(reset.requestedById)?.name ?? "",
    reason: reset.reason,
    createdAt: reset.createdAt,
  }));
}

async function lockPendingReset(tx: Tx, resetId: number): Promise<TwoFactorResetRow> {
  await lockStaffChanges(tx);
  const reset = await findTwoFactorReset(tx, resetId);
  if (!reset) throw new AppError(AppErrorCode.NOT_FOUND, "No such two-factor reset request.");
  if (reset.status !== "PENDING") {
    throw new AppError(AppErrorCode.STAFF_STATE, "This request has already been decided.");
  }
  return reset;
}

async function decide(tx: Tx, decision: Parameters<typeof decideTwoFactorReset>[1]) {
  if (!(await decideTwoFactorReset(tx, decision))) {
    throw new AppError(AppErrorCode.STAFF_STATE, "This request has already been decided.");
  }
}

/** A set-up link on the log-in page (the member keeps their password), mailed in the transaction. */
async function mailFreshSetUpLink(
  services: Services,
  tx: Tx,
  member: { id: number; email: string; name: string },
  request: StaffAdminRequest & { now: Date },
): Promise<Date> {
  const token = newToken();
  const expiresAt = new Date(request.now.getTime() + STAFF_ENROLMENT_LINK_VALID_MS);
  await replaceStaffEnrolmentLink(tx, {
    staffId: member.id,
    tokenHash: hashToken(token),
    createdById: request.adminId,
    expiresAt,
    now: request.now,
  });
  const link = webLink(consoleUrlOf(request), "/login", { enrol: token });
  const validHours = STAFF_ENROLMENT_LINK_VALID_MS / 3_600_000;
  await sendStaffMail(
    services,
    staffTwoFactorResetMail(member.email, {
      name: member.name,
      link,
      validHours,
      locale: request.locale,
    }),
  );
  return expiresAt;
}

import { hashPassword } from "@exchange/db/password";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import type { UserLocale } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";
import { inTransaction, type Services, type Tx } from "../services";
import { webLink } from "./identity-config";
import type { StaffRole } from "./identity-enums";
import { hashToken, newToken, tokenProblem } from "./one-time-token";
import { STAFF_ENROLMENT_LINK_VALID_MS } from "./staff-enrolment";
import { staffInviteMail } from "./staff-mails";
import { orderedRoles } from "./staff-management";
import {
  deleteInvitedStaff,
  findStaffMember,
  insertInvitedStaff,
  lockStaffChanges,
  type StaffMemberRow,
  setFirstStaffPassword,
  staffEmailTaken,
} from "./staff-management-repository";
import { findStaffEnrolmentLink, replaceStaffEnrolmentLink } from "./staff-repository";
import { normalizeEmail } from "./users";

/**
 * Staff join by invitation: an administrator enters the address, name and roles; the invitee
 * gets a mail with a one-time link (the enrolment link of staff-enrolment.ts, valid 24 hours)
 * on which they choose their password, then set up two-factor through the log-in's enrolment
 * step, which uses the link up and opens the console. Until then the member has no password and
 * cannot log in. Re-sending replaces the link; an invite nobody accepted can be withdrawn.
 */

/** Who acts and from where, and how to reach the console for the mailed link. */
export interface StaffAdminRequest {
  adminId: number;
  ip: string | undefined;
  /** The console's address as the administrator reached it: the base of the mailed link. */
  consoleUrl: string | undefined;
  /** The console's language at the administrator: the mail's language. */
  locale: UserLocale;
}

/** The console page on which an invitee chooses their password. */
export const STAFF_INVITE_PATH = "/login/invite";

const VALID_HOURS = STAFF_ENROLMENT_LINK_VALID_MS / 3_600_000;

export async function inviteStaff(
  services: Services,
  input: StaffAdminRequest & { email: string; name: string; roles: readonly StaffRole[] },
): Promise<{ staffId: number; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const roles = orderedRoles(input.roles);
  return inTransaction(services.db, async (tx) => {
    await lockStaffChanges(tx);
    if (await staffEmailTaken(tx, email)) {
      throw new AppError(
        AppErrorCode.EMAIL_TAKEN,
        "A staff member with this email already exists.",
      );
    }
    const staffId = await insertInvitedStaff(tx, { email, name, roles });
    const member = { id: staffId, email, name };
    const expiresAt = await mailInviteLink(services, tx, member, input);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.invited",
      target: { type: "staff", id: String(staffId) },
      after: { email, name, roles, expiresAt: expiresAt.toISOString() },
      ip: input.ip,
    });
    return { staffId, expiresAt };
  });
}

/** A new invitation mail; the earlier link stops working. */
export async function resendStaffInvite(
  services: Services,
  input: StaffAdminRequest & { staffId: number },
): Promise<{ expiresAt: Date }> {
  return inTransaction(services.db, async (tx) => {
    await lockStaffChanges(tx);
    const member = await findInvitee(tx, input.staffId);
    const expiresAt = await mailInviteLink(services, tx, member, input);
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.invite_resent",
      target: { type: "staff", id: String(member.id) },
      after: { expiresAt: expiresAt.toISOString() },
      ip: input.ip,
    });
    return { expiresAt };
  });
}

/** Takes back an invitation nobody accepted: the member and their link are gone. */
export async function withdrawStaffInvite(
  services: Services,
  input: { adminId: number; ip: string | undefined; staffId: number },
): Promise<void> {
  await inTransaction(services.db, async (tx) => {
    await lockStaffChanges(tx);
    const member = await findInvitee(tx, input.staffId);
    if (!(await deleteInvitedStaff(tx, member.id))) throw alreadyAccepted();
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.invite_withdrawn",
      target: { type: "staff", id: String(member.id) },
      before: { email: member.email, name: member.name, roles: member.roles },
      ip: input.ip,
    });
  });
}

/**
 * Who an invitation link names, for its page; null when the link is unknown, used or expired.
 * `passwordChosen`: the invitee chose a password but left before two-factor; the same link
 * finishes the set-up through the log-in.
 */
export async function findStaffInvite(
  services: Services,
  token: string,
): Promise<{ email: string; name: string; passwordChosen: boolean } | null> {
  const link = await findStaffEnrolmentLink(services.db, hashToken(token));
  if (!link || tokenProblem(link, clockDate(services.clock))) return null;
  const member = await findStaffMember(services.db, link.staffId);
  if (!member?.active || member.twoFactorOn) return null;
  return { email: member.email, name: member.name, passwordChosen: member.enrolled };
}

/**
 * The invitee chooses their password (already checked against the password rules). The link
 * stays unused: the enrolment step that follows (log-in.ts) needs it and uses it up.
 */
export async function chooseInvitedStaffPassword(
  services: Services,
  input: { token: string; password: string; ip: string | undefined },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(services.db, async (tx) => {
    const link = await findStaffEnrolmentLink(tx, hashToken(input.token));
    const problem = link ? tokenProblem(link, clockDate(services.clock)) : "used";
    if (!link || problem) {
      throw new AppError(
        problem === "expired" ? AppErrorCode.TOKEN_EXPIRED : AppErrorCode.TOKEN_INVALID,
        "This invitation link is no longer valid. Ask an administrator to send a new one.",
      );
    }
    const member = await findStaffMember(tx, link.staffId);
    if (!member?.active || !(await setFirstStaffPassword(tx, member.id, passwordHash))) {
      throw new AppError(
        AppErrorCode.TOKEN_USED,
        "You have already chosen your password: log in with it to finish setting up two-factor.",
      );
    }
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: member.id },
      action: "staff.password_chosen",
      target: { type: "staff", id: String(member.id) },
      ip: input.ip,
    });
    return { email: member.email };
  });
}

async function findInvitee(tx: Tx, staffId: number): Promise<StaffMemberRow> {
  const member = await findStaffMember(tx, staffId);
  if (!member) throw new AppError(AppErrorCode.NOT_FOUND, "No such staff member.");
  if (member.enrolled) throw alreadyAccepted();
  return member;
}

function alreadyAccepted(): AppError {
  return new AppError(
    AppErrorCode.STAFF_STATE,
    "This member has already accepted the invitation: nothing to re-send or withdraw.",
  );
}

/**
 * Replaces the member's link and mails it, inside the transaction: a mail that cannot be sent
 * undoes the invitation, so the administrator never sees "invited" for a mail that never left.
 */
async function mailInviteLink(
  services: Services,
  tx: Tx,
  member: { id: number; email: string; name: string },
  request: StaffAdminRequest,
): Promise<Date> {
  const now = clockDate(services.clock);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + STAFF_ENROLMENT_LINK_VALID_MS);
  await replaceStaffEnrolmentLink(tx, {
    staffId: member.id,
    tokenHash: hashToken(token),
    createdById: request.adminId,
    expiresAt,
    now,
  });
  const link = webLink(consoleUrlOf(request), STAFF_INVITE_PATH, { token });
  await sendStaffMail(
    services,
    staffInviteMail(member.email, {
      name: member.name,
      link,
      validHours: VALID_HOURS,
      locale: request.locale,
    }),
  );
  return expiresAt;
}

export function consoleUrlOf(request: { consoleUrl: string | undefined }): string {
  if (!request.consoleUrl) {
    throw new AppError(AppErrorCode.INTERNAL, "The console's address is unknown: no link to mail.");
  }
  return request.consoleUrl;
}

export async function sendStaffMail(services: Services, mail: OutgoingMail): Promise<void> {
  if (!services.mailer) {
    throw new AppError(AppErrorCode.INTERNAL, "Mail is not configured (SMTP_URL).");
  }
  await services.mailer.send(mail);
}

import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Store } from "../services";
import { hashToken, newToken, tokenProblem } from "./one-time-token";
import { findOpenLinkExpiries } from "./staff-management-repository";
import {
  findAllStaff,
  findStaffEnrolmentLink,
  findStaffTwoFactorState,
  replaceStaffEnrolmentLink,
} from "./staff-repository";

/**
 * A staff member's first two-factor enrolment needs a one-time link from an administrator: a
 * stolen staff password alone must not let anyone enrol their own authenticator and open the
 * console. The administrator creates the link (audited) and hands it over out of band; the log-in
 * carries its token, the password step checks it, and confirming the enrolment uses it up.
 */
export const STAFF_ENROLMENT_LINK_VALID_MS = 24 * 60 * 60 * 1000;

const NEEDS_LINK =
  "Setting up two-factor needs a set-up link from an administrator. Ask one for a link.";

/** Creates the link's token for `staffId` (replacing any unused one); only its hash is kept. */
export async function createStaffEnrolmentLink(
  services: Services,
  input: { staffId: number; adminId: number; ip: string | undefined; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? clockDate(services.clock);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + STAFF_ENROLMENT_LINK_VALID_MS);
  await inTransaction(services.db, async (tx) => {
    const staff = await findStaffTwoFactorState(tx, input.staffId);
    if (!staff?.active) throw new AppError(AppErrorCode.NOT_FOUND, "No such staff member.");
    if (staff.totpEnabledAt) {
      throw new AppError(
        AppErrorCode.TWO_FACTOR_STATE,
        "This staff member already uses two-factor; a set-up link is not needed.",
      );
    }
    await replaceStaffEnrolmentLink(tx, {
      staffId: input.staffId,
      tokenHash: hashToken(token),
      createdById: input.adminId,
      expiresAt,
      now,
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: input.adminId },
      action: "staff.enrolment_link_created",
      target: { type: "staff", id: String(input.staffId) },
      after: { expiresAt: expiresAt.toISOString() },
      ip: input.ip,
    });
  });
  return { token, expiresAt };
}

/** The id of a usable link of `staffId` named by `token`, or throws (the log-in's password step). */
export async function checkStaffEnrolmentLink(
  db: Store,
  input: { staffId: number; token: string | undefined; now: Date },
): Promise<number> {
  if (!input.token) throw new AppError(AppErrorCode.TWO_FACTOR_STATE, NEEDS_LINK);
  const row = await findStaffEnrolmentLink(db, hashToken(input.token));
  if (!row || row.staffId !== input.staffId) {
    throw new AppError(AppErrorCode.TWO_FACTOR_STATE, NEEDS_LINK);
  }
  const problem = tokenProblem(row, input.now);
  if (problem) {
    throw new AppError(
      AppErrorCode.TWO_FACTOR_STATE,
      problem === "used"
        ? "This set-up link has already been used. Ask an administrator for a new one."
        : "This set-up link has expired. Ask an administrator for a new one.",
    );
  }
  return row.id;
}

/**
 * Staff as the console lists them for administrators: invited (no password yet), active or
 * deactivated, who still needs a set-up link, and when their open link (an invite) expires.
 */
export async function listStaffForAdmin(services: Services) {
  const [staff, linkExpiries] = await Promise.all([
    findAllStaff(services.db),
    findOpenLinkExpiries(services.db, clockDate(services.clock)),
  ]);
  return staff.map(({ totpEnabledAt, enrolled, ...member }) => ({
    ...member,
    status: !member.active ? "INACTIVE" : enrolled ? "ACTIVE" : "INVITED",
    twoFactorEnabled: totpEnabledAt !== null,
    linkExpiresAt: linkExpiries.get(member.id) ?? null,
  })) satisfies Array<{ status: StaffStatus }>;
}

/** Where a member stands: invited and not yet enrolled, working, or deactivated. */
export type StaffStatus = "INVITED" | "ACTIVE" | "INACTIVE";

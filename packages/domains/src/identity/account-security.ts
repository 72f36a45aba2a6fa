import { hashPassword } from "@exchange/db/password";
import { clockDate } from "@exchange/protocol";
import { findUserAuditRows, type RequestClient, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services } from "../services";
import { findUserMailTarget } from "./account-security-repository";
import { retireAuthTokens } from "./auth-token-repository";
import { mailSetup, webLink } from "./identity-config";
import { passwordChangedMail } from "./mail-templates";
import { announceEach, requireSessionId, requireStandingSession } from "./session-list";
import { revokeOtherSessions } from "./session-repository";
import { proveStepUp } from "./step-up";
import { type DeviceSummary, summarizeUserAgent } from "./user-agent";
import { replaceUserPassword } from "./user-repository";

/**
 * A logged-in trader's own security: changing the password, and the log-ins the account has
 * seen. Sessions are in session-list.ts, recovery codes in two-factor.ts.
 */

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** A TOTP or recovery code; required when two-factor is on. */
  code?: string | undefined;
}

const SAME_PASSWORD = "Choose a password different from your current one.";

/**
 * Changes the password: the current password (and a code where two-factor is on) proves the
 * person at the keyboard holds the account, counted against the step-up limit like any other
 * confirmation. Then, in one transaction that first checks this session still stands, the hash
 * changes (`passwordChangedAt` with it), open reset links die, every OTHER session ends (a
 * thief's among them) and the change is audited; this session stays.
 * Afterwards the ended sessions' sockets close and the owner is mailed, in their language.
 */
export async function changePassword(
  services: Services,
  session: { userId: number; sessionId: string | undefined },
  input: ChangePasswordInput & RequestClient,
): Promise<{ otherSessionsEnded: number }> {
  const sessionId = requireSessionId(session.sessionId);
  if (input.newPassword === input.currentPassword) {
    throw new AppError(AppErrorCode.INVALID_INPUT, SAME_PASSWORD, { newPassword: [SAME_PASSWORD] });
  }
  const principal = { type: "USER", id: session.userId } as const;
  await proveCurrentPassword(services, { principal, sessionId }, input);
  // Hashing is slow on purpose; do it before the transaction holds any row.
  const passwordHash = await hashPassword(input.newPassword);
  const now = clockDate(services.clock);
  const ended = await inTransaction(services.db, async (tx) => {
    await requireStandingSession(tx, session.userId, sessionId, now);
    await replaceUserPassword(tx, session.userId, passwordHash, now);
    // A reset link mailed before the change must not undo it.
    await retireAuthTokens(tx, { userId: session.userId, purpose: "RESET_PASSWORD", now });
    const ids = await revokeOtherSessions(tx, principal, sessionId, now);
    await recordAudit(tx, {
      actor: { kind: "user", userId: session.userId },
      action: "user.password_changed",
      target: { type: "user", id: String(session.userId) },
      after: { otherSessionsEnded: ids.length },
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return ids;
  });
  await announceEach(services, session.userId, ended);
  await mailPasswordChanged(services, session.userId);
  return { otherSessionsEnded: ended.length };
}

/** The step-up check, its wrong-password answer pointed at the form's "current password" field. */
async function proveCurrentPassword(
  services: Services,
  session: { principal: { type: "USER"; id: number }; sessionId: string },
  input: ChangePasswordInput & RequestClient,
): Promise<void> {
  try {
    await proveStepUp(services, session, {
      password: input.currentPassword,
      code: input.code,
      ip: input.ip,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.WRONG_PASSWORD) {
      throw new AppError(error.code, error.message, { currentPassword: [error.message] });
    }
    throw error;
  }
}

/** The notice never undoes the change: a mail that cannot be sent is logged for operators. */
async function mailPasswordChanged(services: Services, userId: number): Promise<void> {
  try {
    const target = await findUserMailTarget(services.db, userId);
    if (!target) return;
    const { mailer, webPublicUrl } = mailSetup(services);
    const resetLink = webLink(webPublicUrl, "/forgot-password", {});
    await mailer.send(passwordChangedMail(target.email, target.locale, resetLink));
  } catch (error) {
    services.log.error("password-changed mail failed", { error });
  }
}

/** How a log-in attempt ended, as the account owner reads it. */
export type LogInResult = "success" | "wrong-password" | "wrong-code";

export interface LogInView {
  at: Date;
  ip: string | null;
  device: DeviceSummary | null;
  result: LogInResult;
}

export const RECENT_LOG_INS_LIMIT = 20;

/** The account's last 20 log-ins and failed attempts, newest first, from the audit log. */
export async function recentLogIns(services: Services, userId: number): Promise<LogInView[]> {
  const rows = await findUserAuditRows(services.db, {
    userId,
    actions: ["user.logged_in", "user.login_failed"],
    limit: RECENT_LOG_INS_LIMIT,
  });
  return rows.map((row) => ({
    at: row.createdAt,
    ip: row.ip,
    device: summarizeUserAgent(row.userAgent),
    result: row.action === "user.logged_in" ? "success" : failureOf(row.after),
  }));
}

function failureOf(after: unknown): LogInResult {
  const reason = (after as { reason?: unknown } | null)?.reason;
  return reason === "wrong-code" ? "wrong-code" : "wrong-password";
}

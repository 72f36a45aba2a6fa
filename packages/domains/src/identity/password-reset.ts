import { hashPassword } from "@exchange/db/password";
import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { mailLocaleOf, type UserLocale } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";
import { inTransaction, type Services } from "../services";
import { retireAuthTokens } from "./auth-token-repository";
import { assertAuthTokenUsable, consumeAuthToken } from "./auth-tokens";
import { RESET_PASSWORD_VALID_MS } from "./identity-config";
import { passwordResetMail } from "./mail-templates";
import { accountSubject, clearRateLimit, RATE_LIMITS } from "./rate-limit";
import { revokeAllSessions } from "./session-repository";
import { announceRevocation } from "./sessions";
import { limitMailRequest, mailTokenLink } from "./token-mail";
import { findUserStatusByEmail, replaceUserPassword } from "./user-repository";
import { normalizeEmail } from "./users";

/**
 * "Forgot password": mails a reset link if the email belongs to an active account. Answers the
 * same either way (no account discovery), within the mail rate limits.
 */
export async function requestPasswordReset(
  services: Services,
  input: { email: string; ip: string | undefined },
): Promise<void> {
  const email = normalizeEmail(input.email);
  await limitMailRequest(services, { email, ip: input.ip }, RATE_LIMITS.resetMailCooldown);
  await mailResetLink(services, email, passwordResetMail);
}

/**
 * Mails a reset link, worded by `compose` in the account's language, to the account with this
 * (normalised) email if it is active; does nothing otherwise. The reset request and a registration with a taken email both
 * answer this way.
 */
export async function mailResetLink(
  services: Services,
  email: string,
  compose: (to: string, link: string, validMinutes: number, locale: UserLocale) => OutgoingMail,
): Promise<void> {
  const user = await findUserStatusByEmail(services.db, email);
  if (user?.status !== "ACTIVE") return;
  const locale = mailLocaleOf(user.locale);
  await mailTokenLink(
    services,
    user,
    { purpose: "RESET_PASSWORD", validMs: RESET_PASSWORD_VALID_MS, path: "/reset-password" },
    (to, link) => compose(to, link, RESET_PASSWORD_VALID_MS / 60_000, locale),
  );
}

/**
 * Sets a new password through a reset link. The link is checked first, so a wrong or stale
 * token costs no password hashing (hashing is slow on purpose, and would let anyone burn the
 * server's CPU with made-up tokens). Then, in one transaction: the token is used up (checked
 * again: a second use racing this one loses), every other reset link of the account dies, the
 * password hash changes (so the old password stops working everywhere), every session of the
 * account ends, and the address counts as verified (the mail reached its owner).
 */
export async function resetPassword(
  services: Services,
  input: { token: string; password: string; ip: string | undefined },
): Promise<{ email: string }> {
  const now = clockDate(services.clock);
  await assertAuthTokenUsable(services.db, { token: input.token, purpose: "RESET_PASSWORD", now });
  // Hashing is slow on purpose; do it before the transaction holds any row.
  const passwordHash = await hashPassword(input.password);
  const user = await inTransaction(services.db, async (tx) => {
    const { userId } = await consumeAuthToken(tx, {
      token: input.token,
      purpose: "RESET_PASSWORD",
      now,
    });
    await retireAuthTokens(tx, { userId, purpose: "RESET_PASSWORD", now });
    const user = await replaceUserPassword(tx, userId, passwordHash, now);
    await revokeAllSessions(tx, { type: "USER", id: userId }, now);
    await recordAudit(tx, {
      actor: { kind: "user", userId },
      action: "user.password_reset",
      target: { type: "user", id: String(userId) },
      ip: input.ip,
    });
    return user;
  });
  await announceRevocation(services, { userId: user.id, sessionId: null });
  // A locked-out owner who proved control of the mailbox may log in again at once.
  await clearRateLimit(
    services.redis,
    services.redisPrefix,
    RATE_LIMITS.logInAccount,
    accountSubject("user", user.email),
  );
  return { email: user.email };
}

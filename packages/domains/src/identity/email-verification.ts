import { clockDate } from "@exchange/protocol";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { mailLocaleOf } from "../mail/mail-locale";
import { inTransaction, type Services } from "../services";
import { findAuthTokenOwner } from "./auth-token-repository";
import { consumeAuthToken } from "./auth-tokens";
import { VERIFY_EMAIL_VALID_MS } from "./identity-config";
import { verificationMail } from "./mail-templates";
import { hashToken } from "./one-time-token";
import { RATE_LIMITS } from "./rate-limit";
import { limitMailRequest, mailTokenLink } from "./token-mail";
import { findUserStatus, findUserStatusByEmail, markEmailVerified } from "./user-repository";
import { normalizeEmail } from "./users";

/**
 * Mails `user` a fresh verification link (older links keep working until they expire), in the
 * language of their account.
 */
export async function sendVerificationMail(
  services: Services,
  user: { id: number; email: string; locale: string },
): Promise<void> {
  const locale = mailLocaleOf(user.locale);
  await mailTokenLink(
    services,
    user,
    { purpose: "VERIFY_EMAIL", validMs: VERIFY_EMAIL_VALID_MS, path: "/verify-email" },
    (to, link) => verificationMail(to, link, VERIFY_EMAIL_VALID_MS / 3_600_000, locale),
  );
}

/**
 * "Resend the verification mail": at most one per account per minute and ten per address per
 * hour. Answers the same whether or not the email is registered or already verified, so it
 * cannot be used to discover accounts; only a real unverified account gets a mail.
 */
export async function resendVerificationMail(
  services: Services,
  input: { email: string; ip: string | undefined },
): Promise<void> {
  const email = normalizeEmail(input.email);
  await limitMailRequest(services, { email, ip: input.ip }, RATE_LIMITS.verifyMailCooldown);
  const user = await findUserStatusByEmail(services.db, email);
  if (!user || user.emailVerifiedAt || user.status !== "ACTIVE") return;
  await sendVerificationMail(services, user);
}

export type VerifyEmailResult = { email: string; alreadyVerified: boolean };

/**
 * Follows a verification link: marks the address verified and uses the token up. A link used
 * again after success answers "already verified" rather than an error, because mail scanners
 * often open links before people do.
 */
export async function verifyEmail(
  services: Services,
  input: { token: string; ip: string | undefined },
): Promise<VerifyEmailResult> {
  const now = clockDate(services.clock);
  try {
    return await inTransaction(services.db, async (tx) => {
      const { userId } = await consumeAuthToken(tx, {
        token: input.token,
        purpose: "VERIFY_EMAIL",
        now,
      });
      const user = await findUserStatus(tx, userId);
      if (!user) throw new Error(`auth token of a missing user ${userId}`);
      if (user.emailVerifiedAt) return { email: user.email, alreadyVerified: true };
      await markEmailVerified(tx, userId, now);
      await recordAudit(tx, {
        actor: { kind: "user", userId },
        action: "user.email_verified",
        target: { type: "user", id: String(userId) },
        ip: input.ip,
      });
      return { email: user.email, alreadyVerified: false };
    });
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.TOKEN_USED) {
      const verified = await verifiedOwnerOf(services, input.token);
      if (verified) return { email: verified, alreadyVerified: true };
    }
    throw error;
  }
}

async function verifiedOwnerOf(services: Services, token: string): Promise<string | null> {
  const owner = await findAuthTokenOwner(services.db, hashToken(token));
  return owner?.emailVerifiedAt ? owner.email : null;
}

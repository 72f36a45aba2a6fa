import { hashPassword } from "@exchange/db/password";
import { DEFAULT_USER_LOCALE, type UserLocale } from "../mail/mail-locale";
import type { Services } from "../services";
import { sendVerificationMail } from "./email-verification";
import { ipSubject } from "./identity-config";
import { alreadyRegisteredMail } from "./mail-templates";
import { mailResetLink } from "./password-reset";
import { hitRateLimit, RATE_LIMITS } from "./rate-limit";
import { createUserIfNew, normalizeEmail } from "./users";

/**
 * A new trader: the account (unverified), then the verification mail. Five registrations per
 * address per hour.
 *
 * It never tells whether the email already has an account: the answer is the same, and so is
 * the work, in the same order (hash the password, try to insert, issue a token, send one mail).
 * The owner of an existing address gets a mail saying someone tried to register, with a reset
 * link; only the mailbox learns anything. If the mail cannot be sent the account still stands;
 * the person asks for another from the "check your email" page, and operators see the log.
 *
 * `locale` is the language the person registered in (the page's): the account keeps it, and
 * the verification mail and every later mail are written in it. A taken address keeps its own.
 */
export async function registerTrader(
  services: Services,
  input: { email: string; password: string; ip: string | undefined; locale?: UserLocale },
): Promise<{ email: string }> {
  await hitRateLimit(
    services.redis,
    services.redisPrefix,
    RATE_LIMITS.registerIp,
    ipSubject(input.ip),
    "Too many accounts created from your network.",
  );
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const locale = input.locale ?? DEFAULT_USER_LOCALE;
  const created = await createUserIfNew(services.db, { email, passwordHash, locale });
  try {
    if (created) await sendVerificationMail(services, { ...created, locale });
    // The owner of a taken address learns that someone tried, with a way back in.
    else await mailResetLink(services, email, alreadyRegisteredMail);
  } catch (error) {
    services.log.error("registration mail failed", { error });
  }
  return { email };
}

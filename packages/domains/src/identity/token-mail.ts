import { clockDate } from "@exchange/protocol";
import type { OutgoingMail } from "../mail/mailer";
import type { Services } from "../services";
import { issueAuthToken } from "./auth-tokens";
import { ipSubject, mailSetup, webLink } from "./identity-config";
import type { AuthTokenPurpose } from "./identity-enums";
import { hitRateLimit, RATE_LIMITS, type RateLimit } from "./rate-limit";

/**
 * Issues a single-use token for `user` and mails them a link to `path` carrying it; `compose`
 * writes the mail around the link. Verification and password reset both go this way.
 */
export async function mailTokenLink(
  services: Services,
  user: { id: number; email: string },
  link: { purpose: AuthTokenPurpose; validMs: number; path: string },
  compose: (to: string, url: string) => OutgoingMail,
): Promise<void> {
  const { mailer, webPublicUrl } = mailSetup(services);
  const token = await issueAuthToken(services.db, {
    userId: user.id,
    purpose: link.purpose,
    validMs: link.validMs,
    now: clockDate(services.clock),
  });
  await mailer.send(compose(user.email, webLink(webPublicUrl, link.path, { token })));
}

/**
 * The limits every "mail me a link" request passes, before anything is looked up: ten mails
 * per address per hour, and `perEmail` (a cooldown) for the account asked about.
 */
export async function limitMailRequest(
  services: Services,
  request: { email: string; ip: string | undefined },
  perEmail: RateLimit,
): Promise<void> {
  const { redis, redisPrefix } = services;
  await hitRateLimit(
    redis,
    redisPrefix,
    RATE_LIMITS.mailIp,
    ipSubject(request.ip),
    "Too many emails sent.",
  );
  await hitRateLimit(redis, redisPrefix, perEmail, request.email, "We just sent you an email.");
}

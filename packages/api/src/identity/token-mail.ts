import type { AuthTokenPurpose } from "@exchange/db";
import type { Services } from "../context";
import type { OutgoingMail } from "../mail/mailer";
import { issueAuthToken } from "./auth-tokens";
import { mailSetup, webLink } from "./identity-config";

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
  });
  await mailer.send(compose(user.email, webLink(webPublicUrl, link.path, { token })));
}

import { AppError, AppErrorCode } from "../errors";
import type { Mailer } from "../mail/mailer";
import type { Services } from "../services";

/** How long mailed links work. A reset grants account access, so it lives much shorter. */
export const VERIFY_EMAIL_VALID_MS = 24 * 60 * 60 * 1000;
export const RESET_PASSWORD_VALID_MS = 30 * 60 * 1000;

/** The mailer and link base, or a loud configuration error (never a silently unsent mail). */
export function mailSetup(services: Services): { mailer: Mailer; webPublicUrl: string } {
  if (!services.mailer || !services.webPublicUrl) {
    throw new AppError(AppErrorCode.INTERNAL, "Mail is not configured (SMTP_URL, WEB_PUBLIC_URL).");
  }
  return { mailer: services.mailer, webPublicUrl: services.webPublicUrl };
}

export function twoFactorKeyOf(services: Services): Buffer {
  if (!services.twoFactorKey) {
    throw new AppError(AppErrorCode.INTERNAL, "Two-factor is not configured (TWO_FACTOR_KEY).");
  }
  return services.twoFactorKey;
}

/** A link into the web app, e.g. `/verify-email?token=…`. */
export function webLink(
  webPublicUrl: string,
  path: string,
  params: Record<string, string>,
): string {
  const url = new URL(path, webPublicUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Rate-limit subject of whatever reached us from an unknown address. */
export function ipSubject(ip: string | undefined): string {
  return ip ?? "unknown";
}

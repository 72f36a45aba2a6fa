import type { UserLocale } from "@exchange/domains/mail/mail-locale";
import type { Actor, Services } from "@exchange/domains/services";

export type { Actor, Services };

export interface Context {
  actor: Actor;
  services: Services;
  /** The caller's address, for audit and rate limits; undefined when unknown. */
  ip: string | undefined;
  /** The caller's browser (User-Agent), for audit entries and session lists; optional. */
  userAgent?: string | undefined;
  /**
   * The language of the page that called (the switcher's cookie, else the browser's
   * Accept-Language): a new account keeps it for its mails. Undefined reads as English.
   */
  locale?: UserLocale;
  /**
   * The admin console's address as the caller's browser reached it (admin context only): the
   * base of the links staff mails carry. Undefined elsewhere.
   */
  consoleUrl?: string;
}

/**
 * The languages a user can read the system's mails in: the apps' locales. `users.locale` holds
 * one of them; a value this code does not know (a locale retired, a row written by hand) reads
 * as English rather than failing the mail.
 */
export const USER_LOCALES = ["en", "zh-CN"] as const;
export type UserLocale = (typeof USER_LOCALES)[number];
/** Whoever has not chosen (staff, accounts older than the column) reads English. */
export const DEFAULT_USER_LOCALE: UserLocale = "en";

export function isUserLocale(value: unknown): value is UserLocale {
  return typeof value === "string" && (USER_LOCALES as readonly string[]).includes(value);
}

/** The stored locale as a mail language. */
export function mailLocaleOf(stored: string | null | undefined): UserLocale {
  return isUserLocale(stored) ? stored : DEFAULT_USER_LOCALE;
}

/** One template's words in every language: a language missing from a table fails typecheck. */
export type MailWords<T> = Record<UserLocale, T>;

/** Escapes text for an HTML mail body or attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

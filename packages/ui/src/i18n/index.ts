/**
 * Languages and time zones of both apps (client-safe): the locale rules, the named formats, the
 * switchers, and API errors in the viewer's language. The server's request config is
 * `@exchange/ui/i18n/server`.
 */
export { type Catalog, catalogProblems } from "./catalog";
export { DateTime, type DateTimeFormatName, useDecimalText, useTimeZoneLabel } from "./display";
export { type ApiErrorLike, useErrorText } from "./error-text";
export { decimalSymbols, FORMATS, formatDecimalText, timeZoneLabel } from "./formats";
export { LocaleSwitcher } from "./locale-switcher";
export {
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  isLocale,
  isTimeZone,
  LOCALE_COOKIE,
  LOCALE_NAMES,
  LOCALES,
  type Locale,
  pickLocale,
  pickTimeZone,
  TIME_ZONE_COOKIE,
  UTC_COOKIE,
} from "./locales";
export { readCookie, writePreferenceCookie } from "./preference-cookie";
export { TimeZoneSync } from "./time-zone-sync";

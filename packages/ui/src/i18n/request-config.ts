import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { FORMATS } from "./formats";
import {
  LOCALE_COOKIE,
  type Locale,
  pickLocale,
  pickTimeZone,
  TIME_ZONE_COOKIE,
  UTC_COOKIE,
} from "./locales";

export type MessagesOf = (locale: Locale) => Record<string, unknown>;

/** The request's language (switcher cookie, then Accept-Language) for code outside next-intl. */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return pickLocale(jar.get(LOCALE_COOKIE)?.value, head.get("accept-language"));
}

/**
 * Each app's `src/i18n/request.ts`: the language and time zone of this request, and the app's
 * catalog for it. Times render on the server in the viewer's zone as TimeZoneSync last reported
 * it (UTC, named, on a first visit).
 */
export function exchangeRequestConfig(messagesOf: MessagesOf) {
  return getRequestConfig(async () => {
    const jar = await cookies();
    const locale = await requestLocale();
    const timeZone = pickTimeZone(
      jar.get(TIME_ZONE_COOKIE)?.value,
      jar.get(UTC_COOKIE)?.value === "1",
    );
    return { locale, timeZone, formats: FORMATS, messages: messagesOf(locale) };
  });
}

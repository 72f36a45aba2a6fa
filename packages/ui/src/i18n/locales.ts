/**
 * The languages both apps speak, and how a request's language and time zone are chosen. Pure:
 * the server glue (request-config.ts) and the switchers read cookies and headers and ask here.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Set by the language switcher; wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = "locale";
/** The browser's IANA time zone, written by TimeZoneSync so the server renders times in it. */
export const TIME_ZONE_COOKIE = "tz";
/** Staff's choice to read every time in UTC instead of their own zone ("1" when chosen). */
export const UTC_COOKIE = "tz-utc";
/** Where no zone is known yet (a first visit, a bot): UTC, and the zone is always named. */
export const DEFAULT_TIME_ZONE = "UTC";

/** A year, so a choice survives browser restarts without becoming a tracking identifier. */
export const PREFERENCE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Each locale's own name, shown in the switcher in that language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale for a request: the switcher's cookie if it names one we speak, otherwise the first
 * language of the browser's list (by quality) that we speak, matched on its primary subtag
 * ("zh-TW" and "zh-Hans" read Simplified Chinese rather than English), otherwise English.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  for (const tag of preferredLanguages(acceptLanguage ?? "")) {
    const primary = tag.split("-")[0]?.toLowerCase();
    const match = LOCALES.find((locale) => locale.split("-")[0]?.toLowerCase() === primary);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** The language tags of an Accept-Language header, best first; tags with q=0 are refused. */
export function preferredLanguages(header: string): string[] {
  return header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/** True when the runtime knows the IANA zone name (a cookie is the browser's word, not ours). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone to render times in: UTC when staff chose it, else the browser's, else UTC. */
export function pickTimeZone(cookie: string | undefined, utcChosen: boolean): string {
  if (utcChosen) return DEFAULT_TIME_ZONE;
  return isTimeZone(cookie) ? cookie : DEFAULT_TIME_ZONE;
}

import { timeZoneLabel } from "@exchange/ui/i18n";
import { getLocale, getTimeZone } from "next-intl/server";

/**
 * The short name of the zone this request's times are shown in ("GMT+8", "UTC"), for a server
 * page's column header: "Placed (GMT+8)" over rows written in the zone-less formats.
 */
export async function zoneLabel(): Promise<string> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return timeZoneLabel(timeZone, locale);
}

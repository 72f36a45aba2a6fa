"use client";

import { useFormatter, useLocale, useNow, useTimeZone } from "next-intl";
import { type FORMATS, formatDecimalText, timeZoneLabel } from "./formats";

export type DateTimeFormatName = keyof typeof FORMATS.dateTime;

/**
 * A moment as the viewer reads it: in their zone (or UTC where staff chose it), in their
 * language, in one of the named formats; the machine-readable instant rides in `dateTime`.
 */
export function DateTime({
  at,
  format = "dateTime",
  className,
}: {
  at: Date | string | number;
  format?: DateTimeFormatName;
  className?: string;
}) {
  const formatter = useFormatter();
  const date = at instanceof Date ? at : new Date(at);
  return (
    <time dateTime={date.toISOString()} className={className}>
      {formatter.dateTime(date, format)}
    </time>
  );
}

/** The short name of the zone times are shown in ("UTC", "GMT+8"), for column headers. */
export function useTimeZoneLabel(): string {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const now = useNow({ updateInterval: 60 * 60 * 1000 });
  return timeZoneLabel(timeZone, locale, now);
}

/**
 * Decimal text (from the money module: already rounded or trimmed) grouped for the viewer's
 * locale, every digit kept.
 */
export function useDecimalText(): (value: string) => string {
  const locale = useLocale();
  return (value) => formatDecimalText(value, locale);
}

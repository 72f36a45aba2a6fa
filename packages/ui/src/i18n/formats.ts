import type { Formats } from "next-intl";

/**
 * The named date and number formats both apps use (`format.dateTime(at, "dateTime")`), so a
 * time reads the same on every page. Every time that stands alone names its zone: the viewer's
 * own (request-config.ts), or UTC where staff chose it. Columns of times name the zone once, in
 * the header (`timeZoneLabel`), and use "time" / "dateTimeBare".
 */
export const FORMATS = {
  dateTime: {
    /** "6 Dec 2026, 08:02 GMT+8" */
    dateTime: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    },
    /** "6 Dec 2026, 08:02:37 GMT+8", for audit trails and anything ordered to the second. */
    dateTimeSeconds: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    },
    /** "6 Dec 2026, 08:02:37" in a column whose header names the zone. */
    dateTimeBare: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    },
    /** "6 Dec 2026" (a savings day, a birth date). */
    date: { year: "numeric", month: "short", day: "numeric" },
    /** "08:02:37" in a column whose header names the zone (trades, the chart's axis). */
    time: { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  },
  number: {
    /** Counts (orders, users): grouped, never decimals. Amounts never go through `number`. */
    count: { maximumFractionDigits: 0 },
  },
} satisfies Formats;

/**
 * The short name of a zone in a locale ("UTC", "GMT+8"), for column headers and the footer:
 * "Time (GMT+8)".
 */
export function timeZoneLabel(timeZone: string, locale: string, at = new Date()): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(
    at,
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

interface DecimalSymbols {
  group: string;
  decimal: string;
}

const symbolsByLocale = new Map<string, DecimalSymbols>();

/** The locale's digit-group and decimal separators, read once from Intl. */
export function decimalSymbols(locale: string): DecimalSymbols {
  let symbols = symbolsByLocale.get(locale);
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale).formatToParts(11111.5);
    symbols = {
      group: parts.find((part) => part.type === "group")?.value ?? ",",
      decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
    };
    symbolsByLocale.set(locale, symbols);
  }
  return symbols;
}

/**
 * A decimal string ("-12345.000100") grouped in the locale's way ("-12,345.000100"), digit for
 * digit: no `number` in between, so an amount keeps every decimal it has in every locale.
 * Rounding and trimming are the caller's (the money module's), not this function's.
 */
export function formatDecimalText(value: string, locale: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const [, sign = "", whole = "", fraction] = match;
  const { group, decimal } = decimalSymbols(locale);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${fraction === undefined ? "" : `${decimal}${fraction}`}`;
}

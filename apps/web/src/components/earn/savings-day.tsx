"use client";

import { useFormatter } from "next-intl";
import { savingsDayStart, savingsDayText } from "./savings-words";

/**
 * A savings day (a UTC calendar day) as the moment it begins in the viewer's zone, in their
 * language: "7 Dec 2026, 08:00 GMT+8", or without the zone where a header names it.
 */
export function SavingsDay({ day, zone = true }: { day: string; zone?: boolean }) {
  const text = useSavingsDayText();
  const at = savingsDayStart(day);
  return <time dateTime={at ? at.toISOString() : undefined}>{text(day, zone)}</time>;
}

/** {@link SavingsDay} as text, for sentences and attributes. */
export function useSavingsDayText(): (day: string, zone?: boolean) => string {
  const format = useFormatter();
  return (day, zone = true) => savingsDayText(format, day, zone);
}

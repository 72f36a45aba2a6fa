"use client";

import { UTC_COOKIE, writePreferenceCookie } from "@exchange/ui/i18n";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";

/**
 * Staff read times in their own zone (named) or in UTC, the zone logs and other offices use.
 * The choice is a cookie the server reads when it renders the next page.
 */
export function TimeZoneSwitch({
  utc,
  localZone,
}: {
  /** True while staff have chosen UTC. */
  utc: boolean;
  /** The browser's zone as a short name ("GMT+8"), once the browser has told the server. */
  localZone: string | undefined;
}) {
  const t = useTranslations("common.topBar");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (toUtc: boolean) => {
    if (toUtc === utc) return;
    writePreferenceCookie(UTC_COOKIE, toUtc ? "1" : null);
    startTransition(() => router.refresh());
  };
  const option = (toUtc: boolean, label: string) => (
    <button
      type="button"
      aria-pressed={toUtc === utc}
      disabled={pending}
      onClick={() => choose(toUtc)}
      className={`h-10 rounded px-2.5 text-xs font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-brand sm:h-8 ${
        toUtc === utc
          ? "bg-raised text-ink ring-1 ring-line-strong ring-inset"
          : "text-ink-muted hover:text-ink"
      }`}
    >
      {label}
    </button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of pressed buttons, named as one group
    <div
      role="group"
      aria-label={t("timeZone")}
      data-testid="time-zone-switch"
      className="inline-flex items-center gap-0.5 rounded-md p-0.5 ring-1 ring-line ring-inset"
    >
      {option(false, localZone ? t("localTimeIn", { zone: localZone }) : t("localTime"))}
      {option(true, t("utc"))}
    </div>
  );
}

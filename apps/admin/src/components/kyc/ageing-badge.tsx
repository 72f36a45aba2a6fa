import { ageingTone } from "@exchange/api/client";
import { useTranslations } from "next-intl";

const TONES = {
  fresh: "text-ink-muted",
  ageing: "text-warn",
  overdue: "text-down font-semibold",
} as const;

const two = (n: number) => String(n).padStart(2, "0");

/** How long a pending submission has waited, coloured against the one-day review target. */
export function AgeingBadge({ since, now }: { since: Date; now: Date }) {
  const t = useTranslations("common");
  const waited = now.getTime() - since.getTime();
  const tone = ageingTone(waited);
  const seconds = Math.max(0, Math.floor(waited / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  // The largest two units, as the queue's filters count them ("1d 05h", "3h 07m").
  const text =
    seconds < 60
      ? t("waited.seconds", { s: String(seconds) })
      : minutes < 60
        ? t("waited.minutes", { m: String(minutes) })
        : hours < 24
          ? t("waited.hours", { h: String(hours), m: two(minutes % 60) })
          : t("waited.days", { d: String(Math.floor(hours / 24)), h: two(hours % 24) });
  return (
    <span
      data-testid="kyc-waiting"
      data-tone={tone}
      title={tone === "overdue" ? t("queue.overdue") : undefined}
      className={`inline-flex items-center gap-1.5 tabular-nums ${TONES[tone]}`}
    >
      {tone === "overdue" ? (
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-down" />
      ) : null}
      {text}
    </span>
  );
}

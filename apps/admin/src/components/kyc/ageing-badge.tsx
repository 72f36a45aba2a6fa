import { ageingTone, formatWaited } from "@exchange/api/client";

const TONES = {
  fresh: "text-ink-muted",
  ageing: "text-warn",
  overdue: "text-down font-semibold",
} as const;

/** How long a pending submission has waited, coloured against the one-day review target. */
export function AgeingBadge({ since, now }: { since: Date; now: Date }) {
  const waited = now.getTime() - since.getTime();
  const tone = ageingTone(waited);
  return (
    <span
      data-testid="kyc-waiting"
      data-tone={tone}
      title={tone === "overdue" ? "Past the one-day review target" : undefined}
      className={`inline-flex items-center gap-1.5 tabular-nums ${TONES[tone]}`}
    >
      {tone === "overdue" ? (
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-down" />
      ) : null}
      {formatWaited(waited)}
    </span>
  );
}

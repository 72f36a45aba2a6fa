/**
 * How long a submission has waited for review, and the queue's age filter. Compliance commits
 * to a decision within a day (REVIEW_TARGET_MS): half of it gone is a warning, all of it gone
 * is overdue and the queue shows it in red.
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const REVIEW_TARGET_MS = DAY_MS;

/** fresh: well within the target; ageing: past half of it; overdue: past it. */
export type AgeingTone = "fresh" | "ageing" | "overdue";

export function ageingTone(waitedMs: number): AgeingTone {
  if (waitedMs >= REVIEW_TARGET_MS) return "overdue";
  if (waitedMs >= REVIEW_TARGET_MS / 2) return "ageing";
  return "fresh";
}

/** "45s", "12m", "3h 05m", "2d 04h": the two largest units, as a queue column wants it. */
export function formatWaited(waitedMs: number): string {
  const seconds = Math.max(0, Math.floor(waitedMs / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, "0")}h`;
}

/** The queue's "waiting longer than" choices. */
export const KYC_AGE_FILTERS = {
  any: { label: "Any age", minMs: 0 },
  "1h": { label: "Over 1 hour", minMs: HOUR_MS },
  "12h": { label: "Over 12 hours", minMs: 12 * HOUR_MS },
  "24h": { label: "Over 24 hours (overdue)", minMs: DAY_MS },
  "3d": { label: "Over 3 days", minMs: 3 * DAY_MS },
} as const;

export type KycAgeFilter = keyof typeof KYC_AGE_FILTERS;

export function isKycAgeFilter(value: string): value is KycAgeFilter {
  return Object.hasOwn(KYC_AGE_FILTERS, value);
}

/** Submissions older than the filter were created before this instant; undefined = no bound. */
export function submittedBefore(filter: KycAgeFilter, now: Date): Date | undefined {
  const { minMs } = KYC_AGE_FILTERS[filter];
  return minMs === 0 ? undefined : new Date(now.getTime() - minMs);
}

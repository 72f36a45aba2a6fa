import type { SavingsPlanStatus, SavingsSubscriptionStatus } from "@exchange/contracts/savings";

const BADGE =
  "inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset";

const SUBSCRIPTION: Record<SavingsSubscriptionStatus, { label: string; tone: string }> = {
  PENDING: { label: "Pending", tone: "bg-warn/10 text-warn ring-warn/30" },
  ACTIVE: { label: "Active", tone: "bg-brand/10 text-brand ring-brand/30" },
  MATURED: { label: "Matured", tone: "bg-up/10 text-up ring-up/30" },
  REDEEMED: { label: "Redeemed early", tone: "bg-raised text-ink-muted ring-line-strong" },
};

const PLAN: Record<SavingsPlanStatus, { label: string; tone: string }> = {
  PENDING: { label: "Scheduled", tone: "bg-raised text-ink-muted ring-line-strong" },
  PAID: { label: "Paid", tone: "bg-up/10 text-up ring-up/30" },
  CANCELLED: { label: "Cancelled", tone: "bg-down/10 text-down ring-down/30" },
};

export const SUBSCRIPTION_STATUS_LABELS = Object.fromEntries(
  Object.entries(SUBSCRIPTION).map(([status, { label }]) => [status, label]),
) as Record<SavingsSubscriptionStatus, string>;

export function SubscriptionStatusBadge({ status }: { status: SavingsSubscriptionStatus }) {
  const { label, tone } = SUBSCRIPTION[status];
  return (
    <span data-testid="subscription-status" data-status={status} className={`${BADGE} ${tone}`}>
      {label}
    </span>
  );
}

export function PlanStatusBadge({ status }: { status: SavingsPlanStatus }) {
  const { label, tone } = PLAN[status];
  return (
    <span data-testid="plan-status" data-status={status} className={`${BADGE} ${tone}`}>
      {label}
    </span>
  );
}

/** A run's outcome: running (ok null), ok, or failed. */
export function RunOutcomeBadge({ ok }: { ok: boolean | null }) {
  const { label, tone } =
    ok === null
      ? { label: "Running", tone: "bg-warn/10 text-warn ring-warn/30" }
      : ok
        ? { label: "OK", tone: "bg-up/10 text-up ring-up/30" }
        : { label: "Failed", tone: "bg-down/10 text-down ring-down/30" };
  return (
    <span
      data-testid="run-outcome"
      data-ok={ok === null ? "running" : String(ok)}
      className={`${BADGE} ${tone}`}
    >
      {label}
    </span>
  );
}

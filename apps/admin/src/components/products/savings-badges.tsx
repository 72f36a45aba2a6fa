import type { SavingsPlanStatus, SavingsSubscriptionStatus } from "@exchange/contracts/savings";
import { useTranslations } from "next-intl";

const BADGE =
  "inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset";

const SUBSCRIPTION: Record<SavingsSubscriptionStatus, string> = {
  PENDING: "bg-warn/10 text-warn ring-warn/30",
  ACTIVE: "bg-brand/10 text-brand ring-brand/30",
  MATURED: "bg-up/10 text-up ring-up/30",
  REDEEMED: "bg-raised text-ink-muted ring-line-strong",
};

const PLAN: Record<SavingsPlanStatus, string> = {
  PENDING: "bg-raised text-ink-muted ring-line-strong",
  PAID: "bg-up/10 text-up ring-up/30",
  CANCELLED: "bg-down/10 text-down ring-down/30",
};

export function SubscriptionStatusBadge({ status }: { status: SavingsSubscriptionStatus }) {
  const t = useTranslations("products.subscriptions.statusName");
  return (
    <span
      data-testid="subscription-status"
      data-status={status}
      className={`${BADGE} ${SUBSCRIPTION[status]}`}
    >
      {t(status)}
    </span>
  );
}

export function PlanStatusBadge({ status }: { status: SavingsPlanStatus }) {
  const t = useTranslations("products.subscription.planStatus");
  return (
    <span data-testid="plan-status" data-status={status} className={`${BADGE} ${PLAN[status]}`}>
      {t(status)}
    </span>
  );
}

/** A run's outcome: running (ok null), ok, or failed. */
export function RunOutcomeBadge({ ok }: { ok: boolean | null }) {
  const t = useTranslations("products.payouts.outcomeName");
  const { key, tone } =
    ok === null
      ? { key: "running", tone: "bg-warn/10 text-warn ring-warn/30" }
      : ok
        ? { key: "ok", tone: "bg-up/10 text-up ring-up/30" }
        : { key: "failed", tone: "bg-down/10 text-down ring-down/30" };
  return (
    <span
      data-testid="run-outcome"
      data-ok={ok === null ? "running" : String(ok)}
      className={`${BADGE} ${tone}`}
    >
      {t(key as "running" | "ok" | "failed")}
    </span>
  );
}

"use client";

import type { SavingsPlanStatus, SavingsSubscriptionStatus } from "@exchange/contracts/savings";
import { useTranslations } from "next-intl";

const SUBSCRIPTION_TONES: Record<SavingsSubscriptionStatus, string> = {
  PENDING: "bg-warn/10 text-warn ring-warn/30",
  ACTIVE: "bg-up/10 text-up ring-up/30",
  MATURED: "bg-raised text-ink-muted ring-line-strong",
  REDEEMED: "bg-brand/10 text-brand ring-brand/30",
};

const PLAN_TONES: Record<SavingsPlanStatus, string> = {
  PENDING: "bg-raised text-ink-muted ring-line-strong",
  PAID: "bg-up/10 text-up ring-up/30",
  CANCELLED: "bg-down/10 text-down ring-down/30",
};

const BADGE =
  "inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset";

export function SubscriptionStatusBadge({ status }: { status: SavingsSubscriptionStatus }) {
  const t = useTranslations("earn.subscriptionStatus");
  return (
    <span
      data-testid="subscription-status"
      data-status={status}
      className={`${BADGE} ${SUBSCRIPTION_TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}

export function PlanStatusBadge({ status }: { status: SavingsPlanStatus }) {
  const t = useTranslations("earn.planStatus");
  return (
    <span
      data-testid="plan-status"
      data-status={status}
      className={`${BADGE} ${PLAN_TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}

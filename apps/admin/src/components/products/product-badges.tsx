import type { SavingsPayoutPeriod, SavingsProductStatus } from "@exchange/contracts/savings";

const STATUS: Record<SavingsProductStatus, { label: string; tone: string }> = {
  ACTIVE: { label: "Active", tone: "bg-up/10 text-up ring-up/30" },
  PAUSED: { label: "Paused", tone: "bg-warn/10 text-warn ring-warn/30" },
};

export function ProductStatusBadge({ status }: { status: SavingsProductStatus }) {
  const { label, tone } = STATUS[status];
  return (
    <span
      data-testid="product-status"
      data-status={status}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}
    >
      {label}
    </span>
  );
}

export const PAYOUT_PERIOD_LABELS: Record<SavingsPayoutPeriod, string> = {
  DAILY: "Daily",
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  AT_MATURITY: "At maturity",
};

/** "30 days", "1 day". */
export function termLabel(days: number): string {
  return `${days} day${days === 1 ? "" : "s"}`;
}

import type { WithdrawalStatus } from "@exchange/contracts/wallet";

const STATUS: Record<WithdrawalStatus, { label: string; tone: string }> = {
  REQUESTED: { label: "Requested", tone: "bg-raised text-ink-muted ring-line-strong" },
  PENDING_APPROVAL: { label: "Pending approval", tone: "bg-warn/10 text-warn ring-warn/30" },
  APPROVED: { label: "Approved", tone: "bg-brand/10 text-brand ring-brand/30" },
  BROADCAST: { label: "Broadcast", tone: "bg-brand/10 text-brand ring-brand/30" },
  CONFIRMED: { label: "Confirmed", tone: "bg-up/10 text-up ring-up/30" },
  REJECTED: { label: "Rejected", tone: "bg-down/10 text-down ring-down/30" },
  CANCELLED: { label: "Cancelled", tone: "bg-raised text-ink-muted ring-line-strong" },
  FAILED: { label: "Failed", tone: "bg-down/10 text-down ring-down/30" },
};

export function WithdrawalStatusBadge({ status }: { status: WithdrawalStatus }) {
  const { label, tone } = STATUS[status];
  return (
    <span
      data-testid="withdrawal-status"
      data-status={status}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}
    >
      {label}
    </span>
  );
}

/** What each risk flag raised at request means, in finance's words. */
export const RISK_FLAG_LABELS: Record<string, string> = {
  velocity: "Many withdrawals in an hour",
  new_address: "First use of this address",
  recent_security_change: "Password or 2FA changed < 24 h ago",
};

export function RiskFlags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <span className="text-xs text-ink-faint">None</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <span
          key={flag}
          data-testid="risk-flag"
          title={RISK_FLAG_LABELS[flag] ?? flag}
          className="rounded bg-warn/10 px-1.5 py-0.5 text-[11px] whitespace-nowrap text-warn ring-1 ring-warn/30 ring-inset"
        >
          {RISK_FLAG_LABELS[flag] ?? flag}
        </span>
      ))}
    </span>
  );
}

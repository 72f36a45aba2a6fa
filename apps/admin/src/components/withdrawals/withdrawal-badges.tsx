import type { WithdrawalStatus } from "@exchange/contracts/wallet";
import { useTranslations } from "next-intl";

const TONES: Record<WithdrawalStatus, string> = {
  REQUESTED: "bg-raised text-ink-muted ring-line-strong",
  PENDING_APPROVAL: "bg-warn/10 text-warn ring-warn/30",
  APPROVED: "bg-brand/10 text-brand ring-brand/30",
  BROADCAST: "bg-brand/10 text-brand ring-brand/30",
  CONFIRMED: "bg-up/10 text-up ring-up/30",
  REJECTED: "bg-down/10 text-down ring-down/30",
  CANCELLED: "bg-raised text-ink-muted ring-line-strong",
  FAILED: "bg-down/10 text-down ring-down/30",
};

export function WithdrawalStatusBadge({ status }: { status: WithdrawalStatus }) {
  const t = useTranslations("withdrawals.status");
  return (
    <span
      data-testid="withdrawal-status"
      data-status={status}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}

/** The risk flags raised at request; finance reads them in their own words. */
const RISK_FLAGS = ["velocity", "new_address", "recent_security_change"] as const;
type RiskFlag = (typeof RISK_FLAGS)[number];
const isRiskFlag = (flag: string): flag is RiskFlag => RISK_FLAGS.includes(flag as RiskFlag);

/** `wrap` lets a flag's words break over lines, for a narrow table column. */
export function RiskFlags({ flags, wrap = false }: { flags: readonly string[]; wrap?: boolean }) {
  const t = useTranslations("withdrawals.risk");
  if (flags.length === 0) return <span className="text-xs text-ink-faint">{t("none")}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((flag) => {
        // A flag added on the server before its words here is shown by its code, not hidden.
        const label = isRiskFlag(flag) ? t(flag) : flag;
        return (
          <span
            key={flag}
            data-testid="risk-flag"
            title={label}
            className={`rounded bg-warn/10 px-1.5 py-0.5 text-[11px] text-warn ring-1 ring-warn/30 ring-inset ${wrap ? "leading-snug" : "whitespace-nowrap"}`}
          >
            {label}
          </span>
        );
      })}
    </span>
  );
}

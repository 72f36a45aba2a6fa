"use client";

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

/** A withdrawal's state, in words that say what it means to the person who asked for the money. */
export function WithdrawalStatusBadge({ status }: { status: WithdrawalStatus }) {
  const t = useTranslations("wallet.withdrawalStatus");
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

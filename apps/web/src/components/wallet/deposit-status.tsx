"use client";

import type { Deposit } from "@exchange/contracts/wallet";
import { useTranslations } from "next-intl";

/** The catalog's words for a deposit's state (`wallet.depositStatus.<key>`), and their values. */
export function depositStatusWords(deposit: Deposit): {
  key: Deposit["status"];
  values: { done: number; required: number };
} {
  return {
    key: deposit.status,
    values: {
      // Confirmations count up to those required, never past them.
      done: Math.min(deposit.confirmations, deposit.confirmationsRequired),
      required: deposit.confirmationsRequired,
    },
  };
}

const TONES: Record<Deposit["status"], string> = {
  CONFIRMING: "bg-brand/10 text-brand ring-brand/25",
  BELOW_MINIMUM: "bg-line/40 text-ink-muted ring-line-strong",
  HELD: "bg-warn/10 text-warn ring-warn/25",
  CREDITED: "bg-up/10 text-up ring-up/25",
  DROPPED: "bg-down/10 text-down ring-down/25",
  REJECTED: "bg-down/10 text-down ring-down/25",
};

/** The states that need a word of explanation beside the badge. */
const HINTED = new Set<Deposit["status"]>(["BELOW_MINIMUM", "HELD", "DROPPED", "REJECTED"]);

/**
 * A deposit's state as a badge; the states that need it carry their explanation as a line of
 * text (a hover-only title would be lost on a phone and to a keyboard).
 */
export function DepositStatusBadge({ deposit }: { deposit: Deposit }) {
  const t = useTranslations("wallet.depositStatus");
  const hint = useTranslations("wallet.depositHint");
  const { key, values } = depositStatusWords(deposit);
  return (
    <span className="flex flex-col items-end gap-0.5">
      <span
        data-testid="deposit-status"
        data-status={deposit.status}
        className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[deposit.status]}`}
      >
        <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
        {t(key, values)}
      </span>
      {HINTED.has(deposit.status) ? (
        <span className="max-w-64 text-right text-[11px] text-ink-muted">
          {hint(deposit.status as "BELOW_MINIMUM" | "HELD" | "DROPPED" | "REJECTED")}
        </span>
      ) : null}
    </span>
  );
}

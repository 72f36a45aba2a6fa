import type { Deposit } from "@exchange/contracts/wallet";

/** What the user reads for a deposit's state ("2 / 3 confirmations", "Credited", …). */
export function depositStatusText(deposit: Deposit): string {
  switch (deposit.status) {
    case "CONFIRMING":
      return `${Math.min(deposit.confirmations, deposit.confirmationsRequired)} / ${deposit.confirmationsRequired} confirmations`;
    case "BELOW_MINIMUM":
      return "Below minimum";
    case "HELD":
      return "Held for review";
    case "CREDITED":
      return "Credited";
    case "DROPPED":
      return "Dropped by the network";
    case "REJECTED":
      return "Refused";
  }
}

const TONES: Record<Deposit["status"], string> = {
  CONFIRMING: "bg-brand/10 text-brand ring-brand/25",
  BELOW_MINIMUM: "bg-line/40 text-ink-muted ring-line-strong",
  HELD: "bg-warn/10 text-warn ring-warn/25",
  CREDITED: "bg-up/10 text-up ring-up/25",
  DROPPED: "bg-down/10 text-down ring-down/25",
  REJECTED: "bg-down/10 text-down ring-down/25",
};

const HINTS: Partial<Record<Deposit["status"], string>> = {
  BELOW_MINIMUM: "Less than the minimum deposit: it will not be credited.",
  HELD: "Our finance team reviews this deposit before crediting it.",
  DROPPED: "The block holding this transfer left the chain; nothing was credited.",
  REJECTED: "This deposit was refused after review. Contact support.",
};

/** A deposit's state as a badge, with a hint on hover for the states that need one. */
export function DepositStatusBadge({ deposit }: { deposit: Deposit }) {
  return (
    <span
      data-testid="deposit-status"
      data-status={deposit.status}
      title={HINTS[deposit.status]}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[deposit.status]}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {depositStatusText(deposit)}
    </span>
  );
}

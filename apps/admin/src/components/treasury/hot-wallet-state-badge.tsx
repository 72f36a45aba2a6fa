export type HotWalletState = "OK" | "BELOW_WARNING" | "BELOW_LOW";

const LOOKS: Record<HotWalletState, { label: string; look: string }> = {
  OK: { label: "OK", look: "bg-up/10 text-up ring-up/25" },
  BELOW_WARNING: { label: "Below warning", look: "bg-warn/10 text-warn ring-warn/25" },
  BELOW_LOW: { label: "Below low: withdrawals wait", look: "bg-down/10 text-down ring-down/25" },
};

/** Where a hot-wallet balance stands against its lines, in words and colour. */
export function HotWalletStateBadge({ state }: { state: HotWalletState }) {
  const { label, look } = LOOKS[state];
  return (
    <span
      data-testid="hot-wallet-state"
      data-state={state}
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${look}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {label}
    </span>
  );
}

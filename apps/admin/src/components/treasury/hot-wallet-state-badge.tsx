import { useTranslations } from "next-intl";

export type HotWalletState = "OK" | "BELOW_WARNING" | "BELOW_LOW";

const LOOKS: Record<HotWalletState, string> = {
  OK: "bg-up/10 text-up ring-up/25",
  BELOW_WARNING: "bg-warn/10 text-warn ring-warn/25",
  BELOW_LOW: "bg-down/10 text-down ring-down/25",
};

/** Where a hot-wallet balance stands against its lines, in words and colour. */
export function HotWalletStateBadge({ state }: { state: HotWalletState }) {
  const t = useTranslations("treasury.state");
  return (
    <span
      data-testid="hot-wallet-state"
      data-state={state}
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${LOOKS[state]}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {t(state)}
    </span>
  );
}

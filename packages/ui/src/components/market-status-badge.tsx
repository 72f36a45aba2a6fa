import { useTranslations } from "next-intl";

/** The statuses the engine knows, each with its words in the catalog (`ui.marketStatus`). */
type KnownStatus = "PRE_OPEN" | "TRADING" | "CANCEL_ONLY" | "HALTED" | "CLOSED";

/** How each market status looks: the colours back up the words, never replace them. */
const STATUS_LOOK: Record<KnownStatus, string> = {
  TRADING: "bg-up/10 text-up ring-up/25",
  CANCEL_ONLY: "bg-warn/10 text-warn ring-warn/25",
  HALTED: "bg-down/10 text-down ring-down/25",
  PRE_OPEN: "bg-brand/10 text-brand ring-brand/25",
  CLOSED: "text-ink-muted ring-line",
};

function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(STATUS_LOOK, status);
}

/** A status this package does not know yet (added to the API later) still shows, in grey. */
const UNKNOWN_LOOK = "text-ink-muted ring-line";

export function MarketStatusBadge({ status }: { status: string }) {
  const t = useTranslations("ui.marketStatus");
  const look = isKnownStatus(status)
    ? { label: t(status), className: STATUS_LOOK[status] }
    : { label: status, className: UNKNOWN_LOOK };
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${look.className}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {look.label}
    </span>
  );
}

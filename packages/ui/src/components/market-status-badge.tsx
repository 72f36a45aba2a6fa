/** How each market status the engine knows looks: the market colours carry its meaning. */
const STATUS_LOOK: Record<string, { label: string; className: string }> = {
  TRADING: { label: "Trading", className: "bg-up/10 text-up ring-up/25" },
  CANCEL_ONLY: { label: "Cancel only", className: "bg-warn/10 text-warn ring-warn/25" },
  HALTED: { label: "Halted", className: "bg-down/10 text-down ring-down/25" },
};

/** A status this package does not know yet (added to the API later) still shows, in grey. */
const UNKNOWN_LOOK = "text-ink-muted ring-line";

export function MarketStatusBadge({ status }: { status: string }) {
  const look = STATUS_LOOK[status] ?? { label: status, className: UNKNOWN_LOOK };
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${look.className}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {look.label}
    </span>
  );
}

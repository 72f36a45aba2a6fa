"use client";

import { useTranslations } from "next-intl";

/** How each market status looks; the word always comes with the colour. */
const LOOK = {
  TRADING: "bg-up/10 text-up ring-up/25",
  CANCEL_ONLY: "bg-warn/10 text-warn ring-warn/25",
  HALTED: "bg-down/10 text-down ring-down/25",
  PRE_OPEN: "bg-brand/10 text-brand ring-brand/25",
  CLOSED: "text-ink-muted ring-line",
} as const;

const isKnown = (status: string): status is keyof typeof LOOK => Object.hasOwn(LOOK, status);

/** A market's status in the viewer's language; one added to the API later shows by its code. */
export function MarketStatus({ status }: { status: string }) {
  const t = useTranslations("markets.status");
  const known = isKnown(status);
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        known ? LOOK[status] : "text-ink-muted ring-line"
      }`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {known ? t(status) : status}
    </span>
  );
}

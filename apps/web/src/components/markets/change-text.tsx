"use client";

import { useDecimalText } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import { changeDirection, signedPercent } from "./price-change";

const TONE = { up: "text-up", down: "text-down", flat: "text-ink-muted" } as const;

/**
 * A 24 h change as exchanges show it, in green or red, and never by colour alone: a sign, an
 * arrow, and for screen readers the word "up" or "down".
 */
export function ChangeText({ percent }: { percent: string | null }) {
  const t = useTranslations("markets.change");
  const decimal = useDecimalText();
  if (percent === null) {
    return (
      <span className="text-ink-muted" title={t("noTrades")}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("noTrades")}</span>
      </span>
    );
  }
  const direction = changeDirection(percent);
  const { sign, magnitude } = signedPercent(percent);
  return (
    <span
      data-direction={direction}
      className={`inline-flex items-center justify-end gap-1 tabular-nums ${TONE[direction]}`}
    >
      {direction === "flat" ? null : (
        <svg viewBox="0 0 10 10" aria-hidden="true" className="size-2.5 fill-current">
          <path d={direction === "up" ? "M5 1.5 9 8H1z" : "M5 8.5 1 2h8z"} />
        </svg>
      )}
      <span className="sr-only">{t(direction)} </span>
      <span aria-hidden="true">{sign}</span>
      {t("percent", { value: decimal(magnitude) })}
    </span>
  );
}

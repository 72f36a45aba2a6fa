"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Section } from "./system-live";
import type { SystemOverview } from "./system-types";

type Figures = SystemOverview["figures"];

/** Seed 003 §8's figures, each against its line where the seed gives one. */
export function FiguresSection({ figures }: { figures: Figures }) {
  const t = useTranslations("system.figures");
  const format = useFormatter();
  const duration = useDuration();
  const rate = figures.depositSuccessRate;
  const w = figures.withdrawals;
  return (
    <Section label={t("heading")} heading={t("heading")}>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <FigureCard
          id="orders-per-second"
          title={t("orders")}
          value={format.number(figures.ordersPerSecond, { maximumFractionDigits: 2 })}
          hint={t("ordersHint", { seconds: figures.ordersWindowS })}
        />
        <FigureCard
          id="deposit-success-rate"
          title={t("deposits")}
          value={
            rate === null
              ? t("none")
              : format.number(rate, { style: "percent", maximumFractionDigits: 2 })
          }
          hint={t("depositsHint", { count: figures.depositsDecided })}
          withinLine={rate === null ? undefined : figures.depositsWithinLine}
        />
        <FigureCard
          id="withdrawal-processing-time"
          title={t("withdrawals")}
          value={w.medianMs === null ? t("none") : duration(w.medianMs)}
          hint={
            <>
              {w.medianMs === null
                ? t("withdrawalsNone")
                : t("withdrawalsHint", { count: w.completed, p95: duration(w.p95Ms ?? 0) })}
              {w.overdue > 0 ? (
                <span className="block text-down">{t("overdue", { count: w.overdue })}</span>
              ) : null}
            </>
          }
          withinLine={w.medianMs === null && w.overdue === 0 ? undefined : w.withinLine}
        />
      </div>
    </Section>
  );
}

function FigureCard({
  id,
  title,
  value,
  hint,
  withinLine,
}: {
  id: string;
  title: string;
  value: string;
  hint: ReactNode;
  /** Undefined: nothing to judge yet. */
  withinLine?: boolean | undefined;
}) {
  const t = useTranslations("system.figures");
  return (
    <div
      data-testid="system-figure"
      data-figure={id}
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface px-4 py-3"
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-[13px] text-ink-muted">{title}</p>
        {withinLine === undefined ? null : (
          <span
            className={`rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${
              withinLine ? "text-up ring-up/40" : "text-down ring-down/40"
            }`}
          >
            {withinLine ? t("withinLine") : t("outsideLine")}
          </span>
        )}
      </div>
      <p
        data-testid="figure-value"
        className="text-2xl font-semibold tracking-tight text-ink tabular-nums"
      >
        {value}
      </p>
      <p className="text-xs text-ink-faint">{hint}</p>
    </div>
  );
}

/** A duration in the largest unit that keeps it readable: 42 s, 3.5 min, 1.2 h. */
export function useDuration() {
  const t = useTranslations("system.duration");
  const format = useFormatter();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  return (ms: number) => {
    if (ms < 60_000) return t("seconds", { value: number(ms / 1_000) });
    if (ms < 3_600_000) return t("minutes", { value: number(ms / 60_000) });
    return t("hours", { value: number(ms / 3_600_000) });
  };
}

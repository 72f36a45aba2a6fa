"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/trpc/react";
import { AlertsSection } from "./alerts-section";
import { ConsumersSection } from "./consumers-section";
import { FiguresSection } from "./figures-section";
import { ProcessesSection } from "./processes-section";
import { ReconciliationSection } from "./reconciliation-section";
import { SeedFiguresSection } from "./seed-figures-section";
import type { SystemOverview } from "./system-types";

/** How often the page reads the system again: live enough to watch, cheap enough to leave open. */
export const SYSTEM_POLL_MS = 5_000;

/** The System page's body: the server's first reading, then a fresh one every few seconds. */
export function SystemLive({ initial }: { initial: SystemOverview }) {
  const t = useTranslations("system");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.system.overview.queryOptions(),
    initialData: initial,
    refetchInterval: SYSTEM_POLL_MS,
    refetchIntervalInBackground: false,
  });
  const overview = query.data;
  const problems = countProblems(overview);
  return (
    <div className="flex flex-col gap-6" data-testid="system-page">
      <div
        role="status"
        data-testid="system-status"
        data-ok={problems === 0}
        className={`flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border px-4 py-3 text-[13px] ${
          problems === 0 ? "border-up/30 bg-up/5 text-up" : "border-down/40 bg-down/10 text-down"
        }`}
      >
        <span className="flex items-center gap-2 font-medium">
          <Dot ok={problems === 0} />
          {problems === 0 ? t("allOk") : t("problems", { count: problems })}
        </span>
        <span className="ml-auto text-xs text-ink-muted tabular-nums">
          {t("updated", { time: format.dateTime(overview.at, "time") })}
        </span>
        {query.isRefetchError ? (
          <span className="w-full text-xs text-warn">{t("refreshFailed")}</span>
        ) : null}
      </div>
      <ProcessesSection overview={overview} />
      <FiguresSection figures={overview.figures} />
      <SeedFiguresSection figures={overview.seedFigures} />
      <AlertsSection alerts={overview.alerts} onChanged={() => query.refetch()} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[3fr_2fr]">
        <ConsumersSection health={overview.health} />
        <ReconciliationSection report={overview.reconciliation} />
      </div>
    </div>
  );
}

/** Processes down, failing components and consumers, and open alerts: what needs a look. */
function countProblems(overview: SystemOverview): number {
  const { health } = overview;
  return (
    overview.processes.filter((p) => !p.ok).length +
    (health.database.ok ? 0 : 1) +
    (health.engine.ok ? 0 : 1) +
    health.consumers.filter((c) => !c.ok).length +
    overview.alerts.unresolved.length
  );
}

export function Dot({ ok }: { ok: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`size-2 shrink-0 rounded-full ${ok ? "bg-up shadow-[0_0_8px] shadow-up/60" : "bg-down"}`}
    />
  );
}

/** A titled block of the page. */
export function Section({
  label,
  heading,
  aside,
  children,
}: {
  label: string;
  heading: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-[13px] font-semibold text-ink">{heading}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

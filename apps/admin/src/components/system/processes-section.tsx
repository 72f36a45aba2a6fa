"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Dot, Section } from "./system-live";
import type { SystemOverview } from "./system-types";

type ProcessName = "engine" | "worker" | "stream" | "gateway" | "signer" | "web" | "admin";

/** One card per venue process (its instances' heartbeats), then the database and the engine's bus. */
export function ProcessesSection({ overview }: { overview: SystemOverview }) {
  const t = useTranslations("system");
  const format = useFormatter();
  const { health } = overview;
  return (
    <Section label={t("processes.heading")} heading={t("processes.heading")}>
      <ul className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-3 2xl:grid-cols-5">
        {overview.processes.map((p) => {
          const silent = p.instances.filter((i) => !i.ok).length;
          const last = p.instances.reduce<Date | null>(
            (latest, i) => (latest === null || i.lastBeatAt > latest ? i.lastBeatAt : latest),
            null,
          );
          const name = t.has(`processes.name.${p.process}` as "processes.name.engine")
            ? t(`processes.name.${p.process as ProcessName}`)
            : p.process;
          return (
            <li
              key={p.process}
              data-testid="system-process"
              data-process={p.process}
              data-ok={p.ok}
              className="flex min-w-0 flex-col gap-1 rounded-lg border border-line bg-surface px-3 py-2.5 sm:px-4 sm:py-3"
            >
              <div className="flex items-center gap-2">
                <Dot ok={p.ok} />
                <span className="min-w-0 flex-1 truncate text-[13px] font-medium text-ink">
                  {name}
                </span>
                <span className={`text-xs ${p.ok ? "text-up" : "text-down"}`}>
                  {p.ok ? t("processes.up") : t("processes.down")}
                </span>
              </div>
              <p className="text-xs text-ink-muted">
                {t("processes.instances", { count: p.instances.length })}
                {silent > 0 ? ` · ${t("processes.stale", { count: silent })}` : ""}
              </p>
              <ProcessVitals instances={p.instances} />
              {last ? (
                <p className="text-xs text-ink-faint tabular-nums">
                  {t("processes.lastBeat", { time: format.dateTime(last, "time") })}
                </p>
              ) : null}
            </li>
          );
        })}
        <ComponentCard
          testId="database"
          name={t("components.database")}
          component={health.database}
        />
        <ComponentCard
          testId="engine-bus"
          name={t("components.engine")}
          component={health.engine}
        />
      </ul>
    </Section>
  );
}

type Instance = SystemOverview["processes"][number]["instances"][number];

/** The busiest instance's CPU and the instances' memory, from their last beats. */
function ProcessVitals({ instances }: { instances: Instance[] }) {
  const t = useTranslations("system.processes");
  const format = useFormatter();
  const vitals = instances.flatMap((i) => (i.ok && i.vitals ? [i.vitals] : []));
  if (vitals.length === 0) return null;
  const cpu = Math.max(...vitals.map((v) => v.cpuShare));
  const rss = vitals.reduce((total, v) => total + v.rssBytes, 0);
  return (
    <p data-testid="process-vitals" className="text-xs text-ink-muted tabular-nums">
      {t("vitals", {
        cpu: format.number(cpu, { style: "percent", maximumFractionDigits: 1 }),
        memory: format.number(rss / 1_048_576, { maximumFractionDigits: 0 }),
      })}
    </p>
  );
}

function ComponentCard({
  testId,
  name,
  component,
}: {
  testId: string;
  name: string;
  component: { ok: boolean; latencyMs: number; error?: string | undefined };
}) {
  const t = useTranslations("system.components");
  return (
    <li
      data-testid="system-component"
      data-component={testId}
      data-ok={component.ok}
      className="flex min-w-0 flex-col gap-1 rounded-lg border border-line bg-surface px-3 py-2.5 sm:px-4 sm:py-3"
    >
      <div className="flex items-center gap-2">
        <Dot ok={component.ok} />
        <span className="min-w-0 flex-1 text-[13px] font-medium break-words text-ink">{name}</span>
        <span className={`text-xs tabular-nums ${component.ok ? "text-ink-muted" : "text-down"}`}>
          {component.ok ? t("latency", { ms: component.latencyMs }) : t("down")}
        </span>
      </div>
      {!component.ok && component.error ? (
        <p lang="en" className="text-xs break-words text-down">
          {component.error}
        </p>
      ) : null}
    </li>
  );
}

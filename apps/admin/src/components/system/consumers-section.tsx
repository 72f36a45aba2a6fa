"use client";

import { DateTime } from "@exchange/ui/i18n";
import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { consumerName } from "@/lib/health-text";
import { Dot, Section } from "./system-live";
import type { SystemOverview } from "./system-types";

type Health = SystemOverview["health"];
/** Its position is a block of the chain, not a seq of the engine's journal: it has no lag. */
const CHAIN_WATCHER = "chain-watcher";

type StateName = "running" | "retrying" | "stuck" | "silent" | "done";

/** Each worker consumer and job: its state, its position and how far it is behind the engine. */
export function ConsumersSection({ health }: { health: Health }) {
  const t = useTranslations("system.consumers");
  const dashboard = useTranslations("dashboard");
  const format = useFormatter();
  const count = (value: number) => format.number(value, "count");
  return (
    <Section
      label={t("heading")}
      heading={t("heading")}
      aside={
        <span data-testid="engine-head" className="text-xs text-ink-muted tabular-nums">
          {health.engineSeq === null
            ? t("engineHeadUnknown")
            : t("engineHead", { seq: count(health.engineSeq) })}
        </span>
      }
    >
      <DataTable
        caption={t("caption")}
        minWidth="min-w-[640px]"
        columns={[
          { header: t("name") },
          { header: t("state") },
          { header: t("position"), align: "right" },
          { header: t("lag"), align: "right" },
          { header: t("detail") },
        ]}
        rows={health.consumers.map((c) => (
          <tr key={c.name} data-testid="consumer-row" data-consumer={c.name} data-ok={c.ok}>
            <td className="h-10 px-4 whitespace-nowrap">
              <span className="flex items-center gap-2">
                <Dot ok={c.ok} />
                {consumerName(dashboard, c.name)}
              </span>
            </td>
            <td className={`px-4 whitespace-nowrap ${c.ok ? "text-ink-muted" : "text-down"}`}>
              {t.has(`states.${c.state}` as "states.running")
                ? t(`states.${c.state as StateName}`)
                : c.state}
            </td>
            <td className="px-4 text-right text-ink-muted tabular-nums">
              {c.processedSeq === undefined
                ? "—"
                : c.name === CHAIN_WATCHER
                  ? t("block", { block: count(c.processedSeq) })
                  : count(c.processedSeq)}
            </td>
            <td data-testid="consumer-lag" className="px-4 text-right tabular-nums">
              {c.lag === undefined || c.name === CHAIN_WATCHER
                ? "—"
                : t("entries", { count: c.lag })}
            </td>
            <td className="max-w-[22rem] px-4 py-2 text-xs break-words text-ink-muted">
              {c.stuckSeq === undefined ? null : (
                <span className="mr-1">{t("stuckOn", { seq: count(c.stuckSeq) })}</span>
              )}
              {c.since ? <DateTime at={c.since} format="dateTimeSeconds" className="mr-1" /> : null}
              {c.error ? <span lang="en">{c.error}</span> : null}
            </td>
          </tr>
        ))}
      />
    </Section>
  );
}

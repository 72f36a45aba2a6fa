"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import { useDuration } from "./figures-section";
import { Section } from "./system-live";
import type { SystemOverview } from "./system-types";

type SeedFigure = SystemOverview["seedFigures"][number];

/** Below this a time reads best in milliseconds; above, in seconds, minutes or hours. */
const MS_SHOWN_BELOW = 1_000;

/** Every figure of seed 003 §8.3, its value now, the seed's line and whether it is within. */
export function SeedFiguresSection({ figures }: { figures: SeedFigure[] }) {
  const t = useTranslations("system.seed");
  const show = useFigureValue();
  return (
    <Section label={t("heading")} heading={t("heading")}>
      <DataTable
        caption={t("caption")}
        // Three columns, the line under the value: the table fits a phone without scrolling.
        minWidth="min-w-0"
        columns={[
          { header: t("figure") },
          { header: `${t("value")} · ${t("line")}`, align: "right" },
          { header: t("status") },
        ]}
        rows={figures.map((f) => (
          <tr
            key={f.id}
            data-testid="seed-figure"
            data-figure={f.id}
            data-within={f.within === null ? "unknown" : String(f.within)}
          >
            <td className="h-10 px-4 py-1.5">
              <span className="block text-ink">{t(`name.${f.id}`)}</span>
              <span className="block text-xs text-ink-faint">{t(`group.${f.group}`)}</span>
            </td>
            <td className="px-4 py-1.5 text-right tabular-nums">
              <span data-testid="seed-figure-value" className="block text-ink">
                {f.value === null ? t("notMeasured") : show(f.unit, f.value)}
              </span>
              <span className="block text-xs whitespace-nowrap text-ink-faint">
                {f.line === null
                  ? t("noLine")
                  : "below" in f.line
                    ? t("below", { value: show(f.unit, f.line.below) })
                    : t("above", { value: show(f.unit, f.line.above) })}
              </span>
            </td>
            <td className="px-4 py-2">
              <Verdict within={f.within} />
            </td>
          </tr>
        ))}
      />
    </Section>
  );
}

/** A word and a mark, not colour alone: ✓ within, ✕ over, – nothing to judge. */
function Verdict({ within }: { within: boolean | null }) {
  const t = useTranslations("system.seed");
  const [mark, text, tone] =
    within === null
      ? ["–", t("unjudged"), "text-ink-muted ring-line"]
      : within
        ? ["✓", t("within"), "text-up ring-up/40"]
        : ["✕", t("over"), "text-down ring-down/40"];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}
    >
      <span aria-hidden="true">{mark}</span>
      {text}
    </span>
  );
}

/** A figure's value in its unit: a share as a percentage, a time in ms or larger units. */
function useFigureValue() {
  const t = useTranslations("system.seed");
  const format = useFormatter();
  const duration = useDuration();
  return (unit: SeedFigure["unit"], value: number) => {
    if (unit === "share")
      return format.number(value, { style: "percent", maximumFractionDigits: 2 });
    if (unit === "perSecond")
      return t("perSecond", { value: format.number(value, { maximumFractionDigits: 2 }) });
    if (value < MS_SHOWN_BELOW)
      return t("ms", { value: format.number(value, { maximumFractionDigits: 1 }) });
    return duration(value);
  };
}

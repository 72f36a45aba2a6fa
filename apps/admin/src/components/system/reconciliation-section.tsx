"use client";

import { formatDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Dot, Section } from "./system-live";
import type { SystemOverview } from "./system-types";

type Report = SystemOverview["reconciliation"];

/** The newest reconciliation report: when, whether the books balance, and its first differences. */
export function ReconciliationSection({ report }: { report: Report }) {
  const t = useTranslations("system.reconciliation");
  const locale = useLocale();
  const format = useFormatter();
  const amount = (value: string) => formatDecimalText(value, locale);
  const balanced = report?.ok === true && !report.chainShortfall;
  return (
    <Section
      label={t("heading")}
      heading={t("heading")}
      aside={
        <Link
          href="/reconciliation"
          className="text-xs text-ink-muted hover:text-ink hover:underline"
        >
          {t("open")}
        </Link>
      }
    >
      <div
        data-testid="system-reconciliation"
        data-ok={report === null ? undefined : balanced}
        className="flex flex-col gap-2 rounded-lg border border-line bg-surface px-4 py-3 text-[13px]"
      >
        {report === null ? (
          <p className="text-ink-muted">{t("none")}</p>
        ) : (
          <>
            <p className="flex items-center gap-2 font-medium text-ink">
              <Dot ok={balanced} />
              {!report.ok ? t("failed") : report.chainShortfall ? t("shortfall") : t("balanced")}
            </p>
            <p className="text-xs text-ink-muted tabular-nums">
              {t("report", {
                id: report.id,
                seq: String(report.seq),
                time: format.dateTime(report.finishedAt, "dateTimeSeconds"),
              })}
            </p>
            {report.failure ? (
              <p lang="en" className="text-xs break-words text-down">
                {report.failure}
              </p>
            ) : null}
            {report.differences.length > 0 ? (
              <>
                <p className="text-xs text-down">
                  {t("differences", { count: report.differenceCount })}
                </p>
                <ul className="flex flex-col gap-1 text-xs text-ink-muted tabular-nums">
                  {report.differences.map((d, index) => (
                    // Differences have no id of their own; their order in the report is fixed.
                    // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows never move
                    <li key={index}>
                      {t("difference", {
                        asset: d.asset,
                        expected: amount(d.expected),
                        actual: amount(d.actual),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </div>
    </Section>
  );
}

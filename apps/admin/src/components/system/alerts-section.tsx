"use client";

import { buttonClasses } from "@exchange/ui";
import { type ApiErrorLike, DateTime, useErrorText } from "@exchange/ui/i18n";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { useTRPC } from "@/trpc/react";
import { Section } from "./system-live";
import type { AlertRow, SystemOverview } from "./system-types";

const CHECKS_SOURCE = "checks";

/** The alert center's open alerts, each to acknowledge or resolve, and the last resolved ones. */
export function AlertsSection({
  alerts,
  onChanged,
}: {
  alerts: SystemOverview["alerts"];
  onChanged: () => void;
}) {
  const t = useTranslations("system.alerts");
  const open = alerts.unresolved;
  return (
    <Section
      label={t("heading")}
      heading={
        <>
          {t("heading")}{" "}
          <span data-testid="open-alert-count" className="font-normal text-ink-faint">
            {t("open", { count: open.length })}
          </span>
        </>
      }
    >
      {open.length === 0 ? (
        <div className="rounded-lg border border-line bg-surface">
          <EmptyState section="system" title={t("emptyTitle")} hint={t("emptyHint")} />
        </div>
      ) : (
        <>
          {/* A phone gets cards: the table's actions would sit off the screen's edge. */}
          <ul aria-label={t("caption")} className="flex flex-col gap-2 md:hidden">
            {open.map((alert) => (
              <AlertCard key={alert.id} alert={alert} onChanged={onChanged} />
            ))}
          </ul>
          <div className="hidden md:block">
            <DataTable
              caption={t("caption")}
              minWidth="min-w-[980px]"
              empty={null}
              columns={[
                { header: t("severity") },
                { header: t("source") },
                { header: t("message") },
                { header: t("count"), align: "right" },
                { header: t("seen") },
                { header: t("status") },
                { header: t("actions") },
              ]}
              rows={open.map((alert) => (
                <AlertTableRow key={alert.id} alert={alert} onChanged={onChanged} />
              ))}
            />
          </div>
        </>
      )}
      {alerts.resolved.length === 0 ? null : (
        <details className="rounded-lg border border-line bg-surface px-4 py-2 text-[13px]">
          <summary className="cursor-pointer py-1 text-ink-muted">
            {t("resolvedHeading")} ({alerts.resolved.length})
          </summary>
          <ul aria-label={t("resolvedCaption")} className="flex flex-col divide-y divide-line">
            {alerts.resolved.map((alert) => (
              <li
                key={alert.id}
                data-testid="resolved-alert"
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2"
              >
                <SeverityBadge severity={alert.severity} />
                <span lang="en" className="min-w-0 flex-1 break-words text-ink">
                  {alert.message}
                </span>
                <span className="text-xs text-ink-faint">
                  {alert.resolvedBy === null
                    ? t("resolvedByCheck")
                    : t("resolvedBy", { name: alert.resolvedBy })}
                  {alert.resolvedAt ? (
                    <>
                      {" · "}
                      <DateTime at={alert.resolvedAt} format="dateTimeSeconds" />
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

function AlertTableRow({ alert, onChanged }: { alert: AlertRow; onChanged: () => void }) {
  return (
    <tr
      data-testid="alert-row"
      data-alert-key={alert.key}
      data-status={alert.status}
      className="align-top"
    >
      <td className="px-4 py-2.5 whitespace-nowrap">
        <SeverityBadge severity={alert.severity} />
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap text-ink-muted">
        <SourceName source={alert.source} />
      </td>
      {/* Written by the process or check that raised it, in English, as in the on-call mail. */}
      <td lang="en" className="max-w-[26rem] px-4 py-2.5 break-words text-ink">
        {alert.message}
      </td>
      <td className="px-4 py-2.5 text-right tabular-nums">{alert.count}</td>
      <td className="px-4 py-2.5 text-xs whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={alert.firstSeenAt} format="dateTimeSeconds" />
        <br />
        <DateTime at={alert.lastSeenAt} format="dateTimeSeconds" />
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        <AlertStatus alert={alert} />
      </td>
      <td className="px-4 py-2">
        <AlertActions alert={alert} onChanged={onChanged} />
      </td>
    </tr>
  );
}

function AlertCard({ alert, onChanged }: { alert: AlertRow; onChanged: () => void }) {
  return (
    <li
      data-testid="alert-card"
      data-status={alert.status}
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface px-3 py-3 text-[13px]"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
        <SeverityBadge severity={alert.severity} />
        <SourceName source={alert.source} />
        <span className="ml-auto tabular-nums">×{alert.count}</span>
      </div>
      <p lang="en" className="break-words text-ink">
        {alert.message}
      </p>
      <p className="text-xs text-ink-faint tabular-nums">
        <DateTime at={alert.firstSeenAt} format="dateTimeSeconds" /> –{" "}
        <DateTime at={alert.lastSeenAt} format="dateTimeSeconds" />
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <AlertStatus alert={alert} />
        <AlertActions alert={alert} onChanged={onChanged} />
      </div>
    </li>
  );
}

function AlertStatus({ alert }: { alert: AlertRow }) {
  const t = useTranslations("system.alerts");
  return alert.status === "ACKNOWLEDGED" ? (
    <span className="text-xs text-ink-muted">
      {t("statuses.ACKNOWLEDGED", { name: alert.acknowledgedBy ?? "—" })}
    </span>
  ) : (
    <span className="text-xs font-medium text-down">{t("statuses.OPEN")}</span>
  );
}

function AlertActions({ alert, onChanged }: { alert: AlertRow; onChanged: () => void }) {
  const t = useTranslations("system.alerts");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const acknowledge = useMutation(trpc.system.alerts.acknowledge.mutationOptions());
  const resolve = useMutation(trpc.system.alerts.resolve.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const busy = acknowledge.isPending || resolve.isPending;
  const handlers = {
    onSuccess: () => onChanged(),
    onError: (error: unknown) => {
      setProblem(errorText(error as ApiErrorLike));
      onChanged();
    },
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex gap-2">
        {alert.status === "OPEN" ? (
          <button
            type="button"
            disabled={busy}
            className={buttonClasses("secondary", "sm")}
            onClick={() => {
              setProblem(null);
              acknowledge.mutate({ id: alert.id }, handlers);
            }}
          >
            {acknowledge.isPending ? t("working") : t("acknowledge")}
          </button>
        ) : null}
        <button
          type="button"
          disabled={busy}
          className={buttonClasses("ghost", "sm")}
          onClick={() => {
            setProblem(null);
            resolve.mutate({ id: alert.id }, handlers);
          }}
        >
          {resolve.isPending ? t("working") : t("resolve")}
        </button>
      </div>
      {problem ? (
        <p role="alert" className="text-xs text-down">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The worker's checks, or the process that logged the line, in the viewer's language. */
function SourceName({ source }: { source: string }) {
  const t = useTranslations("system");
  if (source === CHECKS_SOURCE) return t("alerts.checks");
  const key = `processes.name.${source}` as "processes.name.engine";
  return t.has(key) ? t(key) : <span translate="no">{source}</span>;
}

function SeverityBadge({ severity }: { severity: "CRITICAL" | "WARNING" }) {
  const t = useTranslations("system.alerts.severities");
  const look =
    severity === "CRITICAL"
      ? "bg-down/10 text-down ring-down/30"
      : "bg-warn/10 text-warn ring-warn/30";
  return (
    <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${look}`}>
      {t(severity)}
    </span>
  );
}

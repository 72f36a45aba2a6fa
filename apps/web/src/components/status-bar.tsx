"use client";

import { type HealthProblem, healthProblems } from "@exchange/api/client";
import { useTimeZoneLabel } from "@exchange/ui/i18n";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { consumerKey } from "./health-problems";

const HEALTH_POLL_MS = 30_000;

/**
 * The footer strip exchanges keep at the bottom of the screen: is the venue up? Polls the
 * API's health (database, matching engine, and the worker that keeps market data and order
 * history) so a trader sees an outage, or a stale book, before an order fails. It also names
 * the zone every time on the site is shown in.
 */
export function StatusBar() {
  const t = useTranslations("nav.status");
  const trpc = useTRPC();
  const describe = useDescribeProblem();
  const zone = useTimeZoneLabel();
  const health = useQuery({
    ...trpc.health.queryOptions(),
    refetchInterval: HEALTH_POLL_MS,
    staleTime: HEALTH_POLL_MS,
  });
  const state = health.isPending ? "checking" : health.data?.ok ? "operational" : "degraded";
  const problems = health.data ? healthProblems(health.data) : [];
  const summary = health.data
    ? health.data.ok
      ? t("operational")
      : t("degraded", {
          problems: problems.map(describe).join(t("separator")) || t("checkingProblems"),
        })
    : state === "degraded"
      ? t("degradedUnknown")
      : t("checking");
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto flex min-h-8 max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5 text-xs text-ink-muted sm:px-6">
        <span className="flex items-center gap-1.5" data-testid="system-status" role="status">
          <span
            aria-hidden="true"
            className={`size-1.5 shrink-0 rounded-full ${
              state === "operational" ? "bg-up" : state === "degraded" ? "bg-down" : "bg-ink-faint"
            }`}
          />
          {summary}
        </span>
        {health.data ? (
          <span className="hidden tabular-nums sm:inline">
            {health.data.engine.ok
              ? t("engineLatency", { latency: String(health.data.engine.latencyMs) })
              : t("engineOffline")}
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-4">
          <Link
            href="/api-docs"
            aria-label={t("apiLinkLabel")}
            className="underline-offset-2 hover:text-ink hover:underline"
          >
            {t("apiLink")}
          </Link>
          <span data-testid="time-zone">{t("timeZone", { zone })}</span>
          <span>{t("copyright")}</span>
        </span>
      </div>
    </footer>
  );
}

/** One problem in the viewer's words; a time in their zone, named ("08:02:37 GMT+8"). */
function useDescribeProblem(): (problem: HealthProblem) => string {
  const t = useTranslations("nav.status");
  const format = useFormatter();
  const zone = useTimeZoneLabel();
  return (problem) => {
    if (problem.kind === "database") return t("database");
    if (problem.kind === "engine") return t("engine");
    const key = consumerKey(problem.consumer);
    const consumer = key ? t(`consumers.${key}`) : problem.consumer;
    if (problem.kind === "silent") return t("silent", { consumer });
    // Sequence numbers are ids: passed as text so they are never grouped ("1,024").
    const seq = problem.seq === undefined ? undefined : String(problem.seq);
    const time = problem.since ? `${format.dateTime(problem.since, "time")} ${zone}` : undefined;
    if (seq !== undefined && time !== undefined) return t("stuckAtSince", { consumer, seq, time });
    if (seq !== undefined) return t("stuckAt", { consumer, seq });
    if (time !== undefined) return t("stuckSince", { consumer, time });
    return t("stuck", { consumer });
  };
}

"use client";

import { healthSummary } from "@exchange/api/client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

const HEALTH_POLL_MS = 30_000;

/**
 * The footer strip exchanges keep at the bottom of the screen: is the venue up? Polls the
 * API's health (database, matching engine, and the worker that keeps market data and order
 * history) so a trader sees an outage, or a stale book, before an order fails.
 */
export function StatusBar() {
  const trpc = useTRPC();
  const health = useQuery({
    ...trpc.health.queryOptions(),
    refetchInterval: HEALTH_POLL_MS,
    staleTime: HEALTH_POLL_MS,
  });
  const state = health.isPending ? "checking" : health.data?.ok ? "operational" : "degraded";
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto flex h-8 max-w-7xl items-center gap-4 px-4 text-xs text-ink-faint sm:px-6">
        <span className="flex items-center gap-1.5" data-testid="system-status">
          <span
            aria-hidden="true"
            className={`size-1.5 rounded-full ${
              state === "operational" ? "bg-up" : state === "degraded" ? "bg-down" : "bg-ink-faint"
            }`}
          />
          {health.data
            ? healthSummary(health.data)
            : state === "degraded"
              ? "Service degraded"
              : "Checking status…"}
        </span>
        {health.data ? (
          <span className="hidden tabular-nums sm:inline">
            Engine {health.data.engine.ok ? `${health.data.engine.latencyMs} ms` : "offline"}
          </span>
        ) : null}
        <span className="ml-auto">© Exchange</span>
      </div>
    </footer>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { healthLine } from "@/lib/health-text";
import { useTRPC } from "@/trpc/react";

const HEALTH_POLL_MS = 30_000;

/** Database, engine and worker consumers, polled: staff should know before users tell them. */
export function HealthIndicator() {
  const t = useTranslations("common.health");
  const dashboard = useTranslations("dashboard");
  const trpc = useTRPC();
  const health = useQuery({
    ...trpc.health.queryOptions(),
    refetchInterval: HEALTH_POLL_MS,
    staleTime: HEALTH_POLL_MS,
  });
  const ok = health.data?.ok;
  const label = health.isPending ? t("checking") : ok ? t("normal") : t("degraded");
  const detail = health.data && !ok ? healthLine(dashboard, health.data) : undefined;
  return (
    <span
      title={detail}
      data-testid="system-health"
      role="status"
      className="hidden items-center gap-1.5 rounded-full bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset md:inline-flex"
    >
      <span
        aria-hidden="true"
        className={`size-1.5 rounded-full ${health.isPending ? "bg-ink-faint" : ok ? "bg-up" : "bg-down"}`}
      />
      {label}
    </span>
  );
}

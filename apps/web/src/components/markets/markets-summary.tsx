"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";

/** Headline figures above the table; they share the table's cached query. */
export function MarketsSummary() {
  const t = useTranslations("markets.summary");
  const trpc = useTRPC();
  const { data: markets, isError } = useQuery(trpc.markets.list.queryOptions());
  const trading = markets?.filter((m) => m.status === "TRADING").length;
  const quotes = [...new Set(markets?.map((m) => m.quoteAsset))].join(", ");
  const missing = isError ? "—" : undefined;
  return (
    <dl className="grid grid-cols-3 gap-px overflow-hidden rounded-lg border border-line bg-line">
      <Stat label={t("spotMarkets")} value={markets?.length ?? missing} />
      <Stat label={t("openForTrading")} value={trading ?? missing} />
      <Stat label={t("quoteAssets")} value={markets ? quotes || "—" : missing} />
    </dl>
  );
}

function Stat({ label, value }: { label: string; value: number | string | undefined }) {
  const t = useTranslations("common");
  return (
    <div className="flex flex-col gap-1 bg-surface px-3 py-3 sm:px-4">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="text-lg font-semibold text-ink tabular-nums">
        {value ?? (
          <span className="inline-block h-5 w-10 animate-pulse rounded bg-raised">
            <span className="sr-only">{t("loading")}</span>
          </span>
        )}
      </dd>
    </div>
  );
}

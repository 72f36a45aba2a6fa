"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Headline figures above the table; they share the table's cached query. */
export function MarketsSummary() {
  const trpc = useTRPC();
  const { data: markets } = useQuery(trpc.markets.list.queryOptions());
  const trading = markets?.filter((m) => m.status === "TRADING").length;
  const quotes = [...new Set(markets?.map((m) => m.quoteAsset))].join(", ");
  return (
    <dl className="grid grid-cols-3 gap-px overflow-hidden rounded-lg border border-line bg-line">
      <Stat label="Spot markets" value={markets?.length} />
      <Stat label="Open for trading" value={trading} />
      <Stat label="Quote assets" value={markets ? quotes || "—" : undefined} />
    </dl>
  );
}

function Stat({ label, value }: { label: string; value: number | string | undefined }) {
  return (
    <div className="flex flex-col gap-1 bg-surface px-3 py-3 sm:px-4">
      <dt className="text-xs text-ink-faint">{label}</dt>
      <dd className="text-lg font-semibold text-ink tabular-nums">
        {value ?? <span className="inline-block h-5 w-10 animate-pulse rounded bg-raised" />}
      </dd>
    </div>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { MarketsSummary } from "@/components/markets/markets-summary";
import { MarketsTable } from "@/components/markets/markets-table";
import { getServerQueryClient, serverApi } from "@/trpc/server";

export const metadata: Metadata = { title: "Markets" };

/** Public: prices and rules are not secrets, and a visitor should see what they can trade. */
export default async function MarketsPage() {
  const queryClient = getServerQueryClient();
  // Rendered with the data on the server: no loading flash; the browser takes over from here.
  await queryClient.prefetchQuery(serverApi.markets.list.queryOptions());
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Markets</h1>
        <p className="text-[13px] text-ink-muted">
          Every spot market on the exchange: its last 24 hours, and the rules each order must meet.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <MarketsSummary />
        <MarketsTable />
      </HydrationBoundary>
    </div>
  );
}

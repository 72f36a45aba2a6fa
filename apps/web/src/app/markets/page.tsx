import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MarketsSummary } from "@/components/markets/markets-summary";
import { MarketsTable } from "@/components/markets/markets-table";
import { getServerQueryClient, serverApi } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("markets");
  return { title: t("title") };
}

/** Public: prices and rules are not secrets, and a visitor should see what they can trade. */
export default async function MarketsPage() {
  const t = await getTranslations("markets");
  const queryClient = getServerQueryClient();
  // Rendered with the data on the server: no loading flash; the browser takes over from here.
  // A failed read is left to the browser, which shows the error with a retry.
  await Promise.all([
    queryClient.prefetchQuery(serverApi.markets.list.queryOptions()),
    queryClient.prefetchQuery(serverApi.marketData.tickers.queryOptions()),
  ]);
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-[13px] text-ink-muted">{t("description")}</p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <MarketsSummary />
        <MarketsTable />
      </HydrationBoundary>
    </div>
  );
}

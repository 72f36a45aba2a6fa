import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { FuturesScreen } from "@/components/futures/futures-screen";
import { depthInput, tradesInput } from "@/components/trade/market-data-api";
import { marketHref } from "@/components/trade/market-href";
import { webEnv } from "@/env";
import { getServerQueryClient, serverApi } from "@/trpc/server";

interface FuturesPageProps {
  params: Promise<{ symbol: string }>;
}

async function findMarket(symbol: string) {
  const markets = await getServerQueryClient().fetchQuery(serverApi.futures.markets.queryOptions());
  return markets.find((market) => market.symbol === symbol.toUpperCase());
}

export async function generateMetadata({ params }: FuturesPageProps): Promise<Metadata> {
  const market = await findMarket((await params).symbol);
  const t = await getTranslations("futures");
  if (market) return { title: t("pageTitleOf", { symbol: market.symbol }) };
  return { title: t("pageTitle") };
}

/**
 * The trading screen of one perpetual contract. Public like the spot screen: visitors watch the
 * book, the trades, the chart and the mark; traders also open and close positions.
 */
export default async function FuturesPage({ params }: FuturesPageProps) {
  const { symbol } = await params;
  const market = await findMarket(symbol);
  if (!market) notFound();
  if (symbol !== market.symbol) redirect(marketHref(market.symbol));
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverApi.futures.markets.queryOptions()),
    queryClient.prefetchQuery(serverApi.futures.contracts.queryOptions()),
    queryClient.prefetchQuery(serverApi.marketData.ticker.queryOptions({ symbol: market.symbol })),
    queryClient.prefetchQuery(serverApi.marketData.depth.queryOptions(depthInput(market.symbol))),
    queryClient.prefetchQuery(serverApi.marketData.trades.queryOptions(tradesInput(market.symbol))),
  ]);
  const trader = await currentTrader();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FuturesScreen
        key={trader?.id ?? "visitor"}
        market={market}
        streamUrl={webEnv().STREAM_PUBLIC_URL}
        loggedIn={trader !== null}
      />
    </HydrationBoundary>
  );
}

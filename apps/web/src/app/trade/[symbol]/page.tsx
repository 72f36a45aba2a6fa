import { isContractSymbol } from "@exchange/contracts/market";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentTrader } from "@/auth";
import { depthInput, tradesInput } from "@/components/trade/market-data-api";
import { marketHref } from "@/components/trade/market-href";
import { TradingScreen } from "@/components/trade/trading-screen";
import { webEnv } from "@/env";
import { getServerQueryClient, serverApi } from "@/trpc/server";

interface TradePageProps {
  params: Promise<{ symbol: string }>;
}

async function findMarket(symbol: string) {
  const markets = await getServerQueryClient().fetchQuery(serverApi.markets.list.queryOptions());
  return markets.find((market) => market.symbol === symbol.toUpperCase());
}

export async function generateMetadata({ params }: TradePageProps): Promise<Metadata> {
  const market = await findMarket((await params).symbol);
  if (market) return { title: `${market.baseAsset}/${market.quoteAsset}` };
  const t = await getTranslations("trade");
  return { title: t("pageTitle") };
}

/**
 * The trading screen of one market. Public: visitors watch the book, the trades and the chart;
 * traders also place and cancel orders. The gateway's address is read here, on the server, and
 * handed to the browser.
 */
export default async function TradePage({ params }: TradePageProps) {
  const { symbol } = await params;
  // A perpetual contract has its own screen (positions, leverage, margin).
  if (isContractSymbol(symbol.toUpperCase())) redirect(marketHref(symbol.toUpperCase()));
  const market = await findMarket(symbol);
  if (!market) notFound();
  if (symbol !== market.symbol) redirect(`/trade/${market.symbol}`);
  const queryClient = getServerQueryClient();
  // The market as it is now, in the first HTML: price, book and trades need no loading flash.
  // A failed read just leaves the panel to load in the browser.
  await Promise.all([
    queryClient.prefetchQuery(serverApi.marketData.ticker.queryOptions({ symbol: market.symbol })),
    queryClient.prefetchQuery(serverApi.marketData.depth.queryOptions(depthInput(market.symbol))),
    queryClient.prefetchQuery(serverApi.marketData.trades.queryOptions(tradesInput(market.symbol))),
  ]);
  const trader = await currentTrader();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TradingScreen
        key={trader?.id ?? "visitor"}
        market={market}
        streamUrl={webEnv().STREAM_PUBLIC_URL}
        loggedIn={trader !== null}
      />
    </HydrationBoundary>
  );
}

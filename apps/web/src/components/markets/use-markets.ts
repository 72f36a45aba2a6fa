"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import type { TickerDto } from "../trade/market-data-api";

/** How often market lists re-read prices when no live stream keeps them current. */
export const TICKER_REFRESH_MS = 5_000;

/**
 * The listed markets and their 24 h tickers, as the markets page and the front page show them.
 * Both share the cached queries a server render prefetched. `refreshMs` re-reads the tickers
 * (false while a live stream writes them).
 */
export function useMarketsWithTickers({
  refreshMs = TICKER_REFRESH_MS,
}: {
  refreshMs?: number | false;
} = {}) {
  const trpc = useTRPC();
  const markets = useQuery(trpc.markets.list.queryOptions());
  const tickers = useQuery({
    ...trpc.marketData.tickers.queryOptions(),
    refetchInterval: refreshMs,
  });
  const tickerOf = (symbol: string): TickerDto | undefined =>
    tickers.data?.find((ticker) => ticker.symbol === symbol);
  return { markets, tickers, tickerOf };
}

import type { TraderRouter } from "@exchange/api/client";
import type { KlineInterval } from "@exchange/contracts/kline";
import type { inferRouterOutputs } from "@trpc/server";
import type { useTRPC } from "@/trpc/react";

/**
 * The public `marketData.*` procedures as the trading page reads them. The stream handlers write
 * pushes into the same React Query entries (`queryKey`), so a panel shows one source of truth:
 * the API's answer, moved on by the live channel.
 */
type Outputs = inferRouterOutputs<TraderRouter>["marketData"];
export type DepthDto = Outputs["depth"];
export type PublicTradeDto = Outputs["trades"][number];
export type TickerDto = Outputs["ticker"];
export type KlineDto = Outputs["klines"][number];

export const DEPTH_LEVELS = 50;
export const RECENT_TRADES = 50;
export const CANDLES = 300;

type Trpc = ReturnType<typeof useTRPC>;

export const depthInput = (symbol: string) => ({ symbol, limit: DEPTH_LEVELS });
export const tradesInput = (symbol: string) => ({ symbol, limit: RECENT_TRADES });
export const klinesInput = (symbol: string, interval: KlineInterval) => ({
  symbol,
  interval,
  limit: CANDLES,
});

export const depthQuery = (trpc: Trpc, symbol: string) =>
  trpc.marketData.depth.queryOptions(depthInput(symbol));
export const tradesQuery = (trpc: Trpc, symbol: string) =>
  trpc.marketData.trades.queryOptions(tradesInput(symbol));
export const tickerQuery = (trpc: Trpc, symbol: string) =>
  trpc.marketData.ticker.queryOptions({ symbol });
export const klinesQuery = (trpc: Trpc, symbol: string, interval: KlineInterval) =>
  trpc.marketData.klines.queryOptions(klinesInput(symbol, interval));

/**
 * The markets a screen lists and switches between: the spot markets (`markets.list`) or the
 * perpetual contracts' (`futures.markets`).
 */
export const marketsQuery = (trpc: Trpc, perpetual: boolean) =>
  perpetual ? trpc.futures.markets.queryOptions() : trpc.markets.list.queryOptions();

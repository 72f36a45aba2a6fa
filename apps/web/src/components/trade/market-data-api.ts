import { queryOptions } from "@tanstack/react-query";
import type { Level } from "@/lib/stream/depth-book";
import type { useTRPCClient } from "@/trpc/react";

/**
 * The `marketData.*` procedures (packages/api/src/procedures/market-data/market-data.types.ts).
 * They are written in parallel with this page; until they are part of `TraderRouter`, their
 * types are restated here from that contract and the calls go through the same tRPC client by
 * path. When the router has them, replace these with `trpc.marketData.*.queryOptions`.
 */
export interface DepthDto {
  symbol: string;
  seq: number;
  bids: Level[];
  asks: Level[];
}

export interface PublicTradeDto {
  tradeId: number;
  price: string;
  quantity: string;
  /** The taker's side: a "buy" trade lifted an ask. */
  side: "buy" | "sell";
  time: Date;
}

export interface TickerDto {
  symbol: string;
  open: string | null;
  high: string | null;
  low: string | null;
  last: string | null;
  volume: string;
  quoteVolume: string;
  change: string | null;
  changePercent: string | null;
  trades: number;
}

export const KLINE_INTERVALS = ["1m", "5m", "15m", "1h", "4h", "1d"] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];

export interface KlineDto {
  openTime: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  quoteVolume: string;
  trades: number;
}

interface Query<I, O> {
  query(input: I): Promise<O>;
}

/** The slice of the tRPC client these procedures use. */
interface MarketDataClient {
  marketData: {
    depth: Query<{ symbol: string; limit: number }, DepthDto>;
    trades: Query<{ symbol: string; limit: number }, PublicTradeDto[]>;
    ticker: Query<{ symbol: string }, TickerDto>;
    klines: Query<
      { symbol: string; interval: KlineInterval; before?: Date; limit: number },
      KlineDto[]
    >;
  };
}

type ApiClient = ReturnType<typeof useTRPCClient>;

/** The tRPC client routes by path at run time; only its static type lacks these procedures. */
const marketDataOf = (client: ApiClient) => (client as unknown as MarketDataClient).marketData;

export const DEPTH_LEVELS = 50;
export const RECENT_TRADES = 50;
export const CANDLES = 300;

/** Query keys of market data, so stream handlers can write into the same cache entries. */
export const marketDataKeys = {
  all: ["marketData"] as const,
  depth: (symbol: string) => ["marketData", "depth", symbol] as const,
  trades: (symbol: string) => ["marketData", "trades", symbol] as const,
  ticker: (symbol: string) => ["marketData", "ticker", symbol] as const,
  klines: (symbol: string, interval: KlineInterval) =>
    ["marketData", "klines", symbol, interval] as const,
};

export function depthQuery(client: ApiClient, symbol: string) {
  return queryOptions({
    queryKey: marketDataKeys.depth(symbol),
    queryFn: () => marketDataOf(client).depth.query({ symbol, limit: DEPTH_LEVELS }),
  });
}

export function tradesQuery(client: ApiClient, symbol: string) {
  return queryOptions({
    queryKey: marketDataKeys.trades(symbol),
    queryFn: () => marketDataOf(client).trades.query({ symbol, limit: RECENT_TRADES }),
  });
}

export function tickerQuery(client: ApiClient, symbol: string) {
  return queryOptions({
    queryKey: marketDataKeys.ticker(symbol),
    queryFn: () => marketDataOf(client).ticker.query({ symbol }),
  });
}

export function klinesQuery(client: ApiClient, symbol: string, interval: KlineInterval) {
  return queryOptions({
    queryKey: marketDataKeys.klines(symbol, interval),
    queryFn: () => marketDataOf(client).klines.query({ symbol, interval, limit: CANDLES }),
  });
}

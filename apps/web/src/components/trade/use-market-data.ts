"use client";

import { channels } from "@exchange/contracts/channels";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { type DepthBook, type Level, sortedLevels } from "@/lib/stream/depth-book";
import { DepthSync } from "@/lib/stream/depth-sync";
import { parsePush } from "@/lib/stream/messages";
import { useTRPC } from "@/trpc/react";
import {
  depthQuery,
  type PublicTradeDto,
  RECENT_TRADES,
  type TickerDto,
  tickerQuery,
  tradesQuery,
} from "./market-data-api";
import { useChannel, useOnReconnect, useStreamClient, useStreamState } from "./stream-provider";

/** While the live connection is down, panels re-read the API this often instead. */
export const FALLBACK_POLL_MS = 3_000;

/** Poll only while the stream is not delivering. */
export function useFallbackPolling(): number | false {
  const { status } = useStreamState();
  return status === "open" ? false : FALLBACK_POLL_MS;
}

export interface DepthView {
  bids: Level[];
  asks: Level[];
  /** Loaded and being kept in step. */
  ready: boolean;
  /** The book could not be loaded at all. */
  failed: boolean;
  /** Reads the book again (after a failure). */
  retry: () => void;
}

/**
 * The live order book of `symbol`: a snapshot (the gateway's after subscribing, or the API's)
 * kept current by the `<SYMBOL>@depth` diffs. A diff that skips a sequence number means changes
 * were missed: the book re-subscribes for a new snapshot and re-reads the API, and diffs that
 * arrive meanwhile wait in a buffer to be applied on top of whichever snapshot lands first.
 */
export function useDepth(symbol: string, levels: number): DepthView {
  const trpc = useTRPC();
  const stream = useStreamClient();
  const queryClient = useQueryClient();
  const channel = channels.depth(symbol);
  const depth = useQuery({
    ...depthQuery(trpc, symbol),
    refetchInterval: useFallbackPolling(),
    // Fresh on every mount: a cached book from earlier would be out of step with the diffs.
    staleTime: 0,
  });
  const [book, setBook] = useState<DepthBook | null>(null);

  // One synchroniser per market, living as long as the panel shows it.
  const { sync, cancelFrame } = useMemo(() => {
    let frame: number | null = null;
    let latest: DepthBook | null = null;
    const queryKey = depthQuery(trpc, symbol).queryKey;
    const depthSync = new DepthSync({
      show(next) {
        // Render at most once per animation frame, however many diffs arrive.
        latest = next;
        if (frame !== null) return;
        frame = requestAnimationFrame(() => {
          frame = null;
          setBook(latest);
        });
      },
      resubscribe: () => stream.resubscribe(channel),
      // A read already under way is kept, not restarted.
      refetch: () =>
        void queryClient.refetchQueries({ queryKey, exact: true }, { cancelRefetch: false }),
      schedule(fn, ms) {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      },
      now: Date.now,
    });
    const cancel = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    };
    return { sync: depthSync, cancelFrame: cancel };
  }, [trpc, symbol, stream, channel, queryClient]);

  useEffect(() => {
    setBook(null);
    return () => {
      sync.dispose();
      cancelFrame();
    };
  }, [sync, cancelFrame]);

  useEffect(() => {
    if (depth.data?.symbol === symbol) sync.apiSnapshot(depth.data, depth.dataUpdatedAt);
  }, [depth.data, depth.dataUpdatedAt, symbol, sync]);

  useChannel(channel, (data) => {
    const push = parsePush("depth", data);
    if (!push) return;
    if (push.type === "snapshot") sync.streamSnapshot(push);
    else sync.diff(push);
  });
  useOnReconnect(() => sync.reconnected());

  const bids = useMemo(() => (book ? sortedLevels(book.bids, "bids", levels) : []), [book, levels]);
  const asks = useMemo(() => (book ? sortedLevels(book.asks, "asks", levels) : []), [book, levels]);
  const { refetch } = depth;
  const retry = useCallback(() => void refetch(), [refetch]);
  return { bids, asks, ready: book !== null, failed: !book && depth.isError, retry };
}

/** The latest public trades of `symbol`, newest first, kept live by `<SYMBOL>@trades`. */
export function useRecentTrades(symbol: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = tradesQuery(trpc, symbol);
  const trades = useQuery({
    ...options,
    refetchInterval: useFallbackPolling(),
  });

  useChannel(channels.trades(symbol), (data) => {
    const push = parsePush("trades", data);
    if (!push) {
      void queryClient.invalidateQueries({ queryKey: options.queryKey });
      return;
    }
    const trade: PublicTradeDto = push;
    queryClient.setQueryData(options.queryKey, (previous) => {
      if (!previous) return [trade];
      if (previous.some((t) => t.tradeId === trade.tradeId)) return previous;
      return [trade, ...previous].sort((a, b) => b.tradeId - a.tradeId).slice(0, RECENT_TRADES);
    });
  });
  useOnReconnect(() => {
    void queryClient.invalidateQueries({ queryKey: options.queryKey });
  });
  return trades;
}

/** The 24 h ticker of `symbol`, kept live by `<SYMBOL>@ticker`. */
export function useTicker(symbol: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = tickerQuery(trpc, symbol);
  const ticker = useQuery({
    ...options,
    refetchInterval: useFallbackPolling(),
  });

  useChannel(channels.ticker(symbol), (data) => {
    const push = parsePush("ticker", data);
    if (push?.symbol === symbol) {
      const next: TickerDto = push;
      queryClient.setQueryData(options.queryKey, next);
    } else {
      void queryClient.invalidateQueries({ queryKey: options.queryKey });
    }
  });
  useOnReconnect(() => {
    void queryClient.invalidateQueries({ queryKey: options.queryKey });
  });
  return ticker;
}

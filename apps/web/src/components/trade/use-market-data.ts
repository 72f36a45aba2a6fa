"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  applyDiff,
  bookFromSnapshot,
  type DepthBook,
  type DepthDiff,
  type Level,
  sortedLevels,
} from "@/lib/stream/depth-book";
import { ZDepthPush, ZTickerPush, ZTradePush } from "@/lib/stream/messages";
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

/** Diffs held while waiting for a snapshot; more than this means something is badly wrong. */
const BUFFERED_DIFFS_MAX = 1_000;
/** Diffs without a snapshot for this long: the gateway's snapshot is late, ask the API. */
const SNAPSHOT_WAIT_MS = 1_500;

export interface DepthView {
  bids: Level[];
  asks: Level[];
  /** Loaded and being kept in step. */
  ready: boolean;
  /** The book could not be loaded at all. */
  failed: boolean;
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
  const channel = `${symbol}@depth`;
  const depthOptions = depthQuery(trpc, symbol);
  const depthKey = depthOptions.queryKey;
  const depth = useQuery({
    ...depthOptions,
    refetchInterval: useFallbackPolling(),
    // Fresh on every mount: a cached book from earlier would be out of step with the diffs.
    staleTime: 0,
  });

  const bookRef = useRef<DepthBook | null>(null);
  const bufferRef = useRef<DepthDiff[]>([]);
  /** Set after a gap or a reconnect: the next snapshot is taken whatever its sequence. */
  const resyncingRef = useRef(true);
  const [book, setBook] = useState<DepthBook | null>(null);
  const frameRef = useRef<number | null>(null);
  const snapshotTimerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** Renders at most once per animation frame, however many diffs arrive. */
  const publish = useCallback(() => {
    if (frameRef.current !== null) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null;
      setBook(bookRef.current);
    });
  }, []);

  const resync = useCallback(() => {
    resyncingRef.current = true;
    stream.resubscribe(channel);
    void queryClient.refetchQueries({ queryKey: depthKey });
  }, [stream, channel, queryClient, depthKey]);

  /** Applies buffered diffs on top of the current book, in order. */
  const drainBuffer = useCallback(() => {
    let current = bookRef.current;
    if (!current) return;
    const pending = bufferRef.current;
    bufferRef.current = [];
    for (const [index, diff] of pending.entries()) {
      const result = applyDiff(current, diff);
      if (result.status === "applied") current = result.book;
      else if (result.status === "gap") {
        bufferRef.current = pending.slice(index);
        bookRef.current = current;
        resync();
        return;
      }
    }
    bookRef.current = current;
  }, [resync]);

  const takeSnapshot = useCallback(
    (snapshot: { seq: number; bids: Level[]; asks: Level[] }, authoritative: boolean) => {
      const current = bookRef.current;
      // An API read older than the live book is a poll that lost the race: keep the live book.
      if (!authoritative && !resyncingRef.current && current && snapshot.seq <= current.seq) {
        return;
      }
      clearTimeout(snapshotTimerRef.current);
      resyncingRef.current = false;
      bookRef.current = bookFromSnapshot(snapshot);
      drainBuffer();
      publish();
    },
    [drainBuffer, publish],
  );

  // A new symbol starts from nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the symbol changes
  useEffect(() => {
    bookRef.current = null;
    bufferRef.current = [];
    resyncingRef.current = true;
    setBook(null);
    return () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      frameRef.current = null;
      clearTimeout(snapshotTimerRef.current);
    };
  }, [symbol]);

  useEffect(() => {
    if (depth.data && depth.data.symbol === symbol) takeSnapshot(depth.data, false);
  }, [depth.data, symbol, takeSnapshot]);

  useChannel(channel, (data) => {
    const parsed = ZDepthPush.safeParse(data);
    if (!parsed.success) return;
    const push = parsed.data;
    if (push.type === "snapshot") {
      // Sent by the gateway right after (re)subscribing, in order with the diffs that follow.
      takeSnapshot(push, true);
      return;
    }
    const current = bookRef.current;
    if (!current || resyncingRef.current) {
      if (bufferRef.current.length < BUFFERED_DIFFS_MAX) bufferRef.current.push(push);
      clearTimeout(snapshotTimerRef.current);
      snapshotTimerRef.current = setTimeout(() => {
        void queryClient.refetchQueries({ queryKey: depthKey });
      }, SNAPSHOT_WAIT_MS);
      return;
    }
    const result = applyDiff(current, push);
    if (result.status === "applied") {
      bookRef.current = result.book;
      publish();
    } else if (result.status === "gap") {
      bufferRef.current.push(push);
      resync();
    }
  });

  useOnReconnect(() => {
    // Changes made while disconnected are lost: take the next snapshot whatever it says.
    resyncingRef.current = true;
    void queryClient.refetchQueries({ queryKey: depthKey });
  });

  const bids = useMemo(() => (book ? sortedLevels(book.bids, "bids", levels) : []), [book, levels]);
  const asks = useMemo(() => (book ? sortedLevels(book.asks, "asks", levels) : []), [book, levels]);
  return { bids, asks, ready: book !== null, failed: !book && depth.isError };
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

  useChannel(`${symbol}@trades`, (data) => {
    const parsed = ZTradePush.safeParse(data);
    if (!parsed.success) {
      void queryClient.invalidateQueries({ queryKey: options.queryKey });
      return;
    }
    const trade: PublicTradeDto = parsed.data;
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

  useChannel(`${symbol}@ticker`, (data) => {
    const parsed = ZTickerPush.safeParse(data);
    if (parsed.success && parsed.data.symbol === symbol) {
      const next: TickerDto = parsed.data;
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

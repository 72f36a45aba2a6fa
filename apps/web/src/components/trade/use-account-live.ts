"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ZBalancePush } from "@/lib/stream/messages";
import { useTRPC } from "@/trpc/react";
import { useChannel, useOnReconnect, useStreamState } from "./stream-provider";

/** Without an authenticated stream, the trader's own data is re-read this often. */
const PRIVATE_POLL_MS = 5_000;
/** With one, a slow safety net in case a push is ever lost. */
const PRIVATE_SAFETY_POLL_MS = 30_000;
/**
 * Pushes are published as the engine's events are processed; the API reads projections that can
 * trail them by a few milliseconds. So a push triggers a read at once and another shortly after.
 */
const SETTLE_REREAD_MS = 600;

/** How often the trader's orders, fills and balances are re-read in the background. */
export function usePrivatePollMs(): number {
  const { authenticated } = useStreamState();
  return authenticated ? PRIVATE_SAFETY_POLL_MS : PRIVATE_POLL_MS;
}

type Trpc = ReturnType<typeof useTRPC>;

/** Re-reads the trader's orders, fills and balances (all pages, every market). */
export function refreshAccount(queryClient: QueryClient, trpc: Trpc): void {
  for (const filter of [
    trpc.trading.openOrders.pathFilter(),
    trpc.trading.orderHistory.pathFilter(),
    trpc.trading.tradeHistory.pathFilter(),
    trpc.trading.balances.pathFilter(),
  ]) {
    void queryClient.invalidateQueries(filter);
  }
}

/** Pushes come in bursts (one trade moves orders, fills and two balances): read once per burst. */
const BURST_MS = 50;

interface RefreshTimers {
  burst?: ReturnType<typeof setTimeout>;
  settle?: ReturnType<typeof setTimeout>;
}

/**
 * Timers per query client, shared by every caller (the order form after an order, the stream
 * handlers after pushes), so that a burst from all of them is one read, not one each.
 */
const refreshTimers = new WeakMap<QueryClient, RefreshTimers>();

/**
 * `refreshAccount` once a burst of pushes is over, and once more after the projections have
 * caught up.
 */
export function useRefreshAccount(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    let timers = refreshTimers.get(queryClient);
    if (!timers) {
      timers = {};
      refreshTimers.set(queryClient, timers);
    }
    const own = timers;
    // The first push of a burst sets the read; later ones join it (a steady flow of pushes
    // still gets a read every BURST_MS, never starves).
    own.burst ??= setTimeout(() => {
      own.burst = undefined;
      refreshAccount(queryClient, trpc);
    }, BURST_MS);
    clearTimeout(own.settle);
    own.settle = setTimeout(() => refreshAccount(queryClient, trpc), SETTLE_REREAD_MS);
  }, [queryClient, trpc]);
}

/**
 * Keeps the logged-in trader's panels live: `@order`, `@account` (fills) and `@balance` pushes
 * refresh the open orders, histories and balances, and a balance push is shown at once.
 */
export function useAccountLive(enabled: boolean): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshAccount();

  useChannel(enabled ? "@order" : null, refresh);
  useChannel(enabled ? "@account" : null, refresh);
  useChannel(enabled ? "@balance" : null, (data) => {
    const parsed = ZBalancePush.safeParse(data);
    if (parsed.success) {
      const balance = parsed.data;
      queryClient.setQueryData(trpc.trading.balances.queryKey(), (previous) =>
        previous?.map((row) => (row.asset === balance.asset ? { ...row, ...balance } : row)),
      );
    }
    refresh();
  });
  useOnReconnect(() => {
    if (enabled) refresh();
  });
}

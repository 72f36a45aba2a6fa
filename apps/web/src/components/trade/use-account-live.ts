"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
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

/**
 * `refreshAccount` once a burst of pushes is over, and once more after the projections have
 * caught up.
 */
export function useRefreshAccount(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const burstRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settleRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(burstRef.current);
      clearTimeout(settleRef.current);
    },
    [],
  );
  return useCallback(() => {
    clearTimeout(burstRef.current);
    clearTimeout(settleRef.current);
    burstRef.current = setTimeout(() => refreshAccount(queryClient, trpc), BURST_MS);
    settleRef.current = setTimeout(() => refreshAccount(queryClient, trpc), SETTLE_REREAD_MS);
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

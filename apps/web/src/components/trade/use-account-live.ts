"use client";

import { channels } from "@exchange/contracts/channels";
import type { Order } from "@exchange/contracts/order";
import { type Fill, isFillPush } from "@exchange/contracts/trade";
import { type QueryClient, type QueryFilters, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import {
  applyFillPush,
  applyOrderPush,
  type CachedList,
  type OrderList,
} from "@/lib/stream/account-cache";
import { parsePush } from "@/lib/stream/messages";
import { useTRPC } from "@/trpc/react";
import { useChannel, useOnReconnect, useStreamState } from "./stream-provider";

/** Without an authenticated stream, the trader's own data is re-read this often. */
const PRIVATE_POLL_MS = 5_000;

/**
 * How often the trader's orders, fills and balances are re-read in the background: never while
 * an authenticated stream pushes every change (a re-read of the lagging read model could only
 * show an older state; a reconnect re-reads instead), every few seconds without one.
 */
export function usePrivatePollMs(): number | false {
  const { authenticated } = useStreamState();
  return authenticated ? false : PRIVATE_POLL_MS;
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

/**
 * After an order, a cancel or a cancel-all: with an authenticated stream the pushes carry every
 * change (and the read model may not have it yet), so nothing is re-read; without one, the
 * account is re-read.
 */
export function useRefreshAccount(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { authenticated } = useStreamState();
  return useCallback(() => {
    if (!authenticated) refreshAccount(queryClient, trpc);
  }, [authenticated, queryClient, trpc]);
}

/** The market a cached list query is filtered to (its input's `symbol`), undefined for all. */
function symbolOf(queryKey: readonly unknown[]): string | undefined {
  const meta = queryKey[1] as { input?: { symbol?: string } } | undefined;
  return meta?.input?.symbol;
}

/** Runs `update` on every cached query `filter` matches, with the market it is filtered to. */
function updateLists<T>(
  queryClient: QueryClient,
  filter: QueryFilters,
  update: (data: CachedList<T> | undefined, symbol: string | undefined) => unknown,
): void {
  for (const query of queryClient.getQueryCache().findAll(filter)) {
    const symbol = symbolOf(query.queryKey);
    queryClient.setQueryData(query.queryKey, (data: CachedList<T> | undefined) =>
      update(data, symbol),
    );
  }
}

/** Moves an order into, within or out of the open orders and the order history. */
export function applyOrder(queryClient: QueryClient, trpc: Trpc, order: Order): void {
  const lists: [QueryFilters, OrderList][] = [
    [trpc.trading.openOrders.pathFilter(), "open"],
    [trpc.trading.orderHistory.pathFilter(), "history"],
  ];
  for (const [filter, list] of lists) {
    updateLists<Order>(queryClient, filter, (data, symbol) =>
      applyOrderPush(data, order, list, symbol),
    );
  }
}

function applyFill(queryClient: QueryClient, trpc: Trpc, fill: Fill): void {
  updateLists<Fill>(queryClient, trpc.trading.tradeHistory.pathFilter(), (data, symbol) =>
    applyFillPush(data, fill, symbol),
  );
}

/**
 * Keeps the logged-in trader's panels live from the pushes alone: `@order` moves orders between
 * the open orders and the history, `@account` adds fills to the trade history (its notifications
 * are the bell's), `@balance`
 * replaces a balance. A push that does not match its contract re-reads the account instead, and
 * so does every reconnect (pushes may have been missed meanwhile).
 */
export function useAccountLive(enabled: boolean): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reread = useCallback(() => refreshAccount(queryClient, trpc), [queryClient, trpc]);

  useChannel(enabled ? channels.private("order") : null, (data) => {
    const order = parsePush("order", data);
    if (order) applyOrder(queryClient, trpc, order);
    else reread();
  });
  useChannel(enabled ? channels.private("account") : null, (data) => {
    // Notifications and loan changes share the channel; the bell and the Loans page take them.
    if (!isFillPush(data)) return;
    const fill = parsePush("account", data);
    if (fill) applyFill(queryClient, trpc, fill);
    else reread();
  });
  useChannel(enabled ? channels.private("balance") : null, (data) => {
    const balance = parsePush("balance", data);
    if (!balance) {
      reread();
      return;
    }
    queryClient.setQueryData(trpc.trading.balances.queryKey(), (previous) =>
      previous?.map((row) => (row.asset === balance.asset ? { ...row, ...balance } : row)),
    );
  });
  useOnReconnect(() => {
    if (enabled) reread();
  });
}

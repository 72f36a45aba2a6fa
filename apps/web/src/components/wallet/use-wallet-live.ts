"use client";

import { channels } from "@exchange/contracts/channels";
import { type Withdrawal, ZWalletUpdate } from "@exchange/contracts/wallet";
import { useQueryClient } from "@tanstack/react-query";
import { useChannel, useOnReconnect, useStreamState } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";

/** Without an authenticated stream, the withdrawals are re-read this often. */
const POLL_MS = 5_000;

/**
 * Keeps the withdrawal lists in the query cache live: each `@wallet` push of a withdrawal
 * replaces (or adds) that withdrawal in every cached list; a reconnect re-reads them. Without an
 * authenticated stream the lists poll instead (returned for the query's `refetchInterval`).
 */
export function useWithdrawalsLive(): number | false {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { authenticated } = useStreamState();
  useChannel(authenticated ? channels.private("wallet") : null, (data) => {
    const parsed = ZWalletUpdate.safeParse(data);
    if (!parsed.success || parsed.data.kind !== "withdrawal") return;
    const pushed = parsed.data.withdrawal;
    for (const query of queryClient
      .getQueryCache()
      .findAll(trpc.wallet.withdrawals.list.pathFilter())) {
      queryClient.setQueryData(query.queryKey, (list: Withdrawal[] | undefined) =>
        mergeWithdrawal(list, pushed),
      );
    }
    void queryClient.invalidateQueries(trpc.wallet.withdrawals.limits.pathFilter());
    void queryClient.invalidateQueries(trpc.wallet.withdrawals.quote.pathFilter());
    void queryClient.invalidateQueries(trpc.trading.balances.pathFilter());
  });
  useOnReconnect(() => {
    void queryClient.invalidateQueries(trpc.wallet.withdrawals.list.pathFilter());
  });
  return authenticated ? false : POLL_MS;
}

/** The list with `pushed` in place of its older self, or first when it is new. */
export function mergeWithdrawal(
  list: Withdrawal[] | undefined,
  pushed: Withdrawal,
): Withdrawal[] | undefined {
  if (!list) return list;
  const at = list.findIndex((w) => w.id === pushed.id);
  if (at === -1) return [pushed, ...list];
  return list.map((w, i) => (i === at ? pushed : w));
}

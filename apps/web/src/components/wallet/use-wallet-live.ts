"use client";

import { channels } from "@exchange/contracts/channels";
import { type Deposit, type Withdrawal, ZWalletUpdate } from "@exchange/contracts/wallet";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useChannel, useOnReconnect, useStreamState } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";
import { applyDepositPush, mergeWithdrawal } from "./wallet-live";

/** Without an authenticated stream, the wallet's lists are re-read this often. */
const POLL_MS = 5_000;

/**
 * Keeps every wallet list live from the trader's `@wallet` pushes, with one subscription per
 * page (call it once, under the page's <StreamProvider>, e.g. through <WalletLive />): a
 * deposit's or withdrawal's new state goes straight into the cached lists (confirmations rise
 * without a re-read), and a change of money re-reads the balances, limits and fee quote. A push
 * that does not parse, and every reconnect, re-reads instead.
 */
export function useWalletLive(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { authenticated } = useStreamState();
  const invalidate = useCallback(
    (...filters: { queryKey: readonly unknown[] }[]) => {
      for (const filter of filters) void queryClient.invalidateQueries(filter);
    },
    [queryClient],
  );
  const rereadMoney = useCallback(
    () =>
      invalidate(
        trpc.wallet.balances.pathFilter(),
        trpc.trading.balances.pathFilter(),
        trpc.wallet.withdrawals.limits.pathFilter(),
        trpc.wallet.withdrawals.quote.pathFilter(),
      ),
    [invalidate, trpc],
  );
  const reread = useCallback(() => {
    invalidate(trpc.wallet.deposits.list.pathFilter(), trpc.wallet.withdrawals.list.pathFilter());
    rereadMoney();
  }, [invalidate, rereadMoney, trpc]);

  useChannel(authenticated ? channels.private("wallet") : null, (data) => {
    const parsed = ZWalletUpdate.safeParse(data);
    if (!parsed.success) return reread();
    const update = parsed.data;
    if (update.kind === "deposit") {
      writeDeposit(update.deposit);
      if (update.deposit.status === "CREDITED") rereadMoney();
    } else {
      writeWithdrawal(update.withdrawal);
      rereadMoney();
    }
  });
  useOnReconnect(reread);

  function writeDeposit(deposit: Deposit) {
    for (const query of queryClient
      .getQueryCache()
      .findAll(trpc.wallet.deposits.list.pathFilter())) {
      const input = (query.queryKey[1] as { input?: { asset?: string } } | undefined)?.input;
      queryClient.setQueryData(query.queryKey, (list: { deposits: Deposit[] } | undefined) =>
        applyDepositPush(list, deposit, input?.asset),
      );
    }
  }

  function writeWithdrawal(withdrawal: Withdrawal) {
    for (const query of queryClient
      .getQueryCache()
      .findAll(trpc.wallet.withdrawals.list.pathFilter())) {
      queryClient.setQueryData(query.queryKey, (list: Withdrawal[] | undefined) =>
        mergeWithdrawal(list, withdrawal),
      );
    }
  }
}

/** The page's `@wallet` subscription, as an element for server-rendered pages. */
export function WalletLive(): null {
  useWalletLive();
  return null;
}

/** How often a wallet list polls: never while pushes arrive, every few seconds otherwise. */
export function useWalletPollInterval(): number | false {
  return useStreamState().authenticated ? false : POLL_MS;
}

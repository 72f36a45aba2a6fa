"use client";

import { channels } from "@exchange/contracts/channels";
import { ZWalletUpdate } from "@exchange/contracts/wallet";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useChannel, useOnReconnect } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";
import { applyDepositPush } from "./wallet-live";

/**
 * Keeps the wallet pages live from the trader's `@wallet` pushes: a deposit's new state goes
 * straight into the cached deposit lists (confirmations rise without a re-read), and a credit
 * re-reads the balances. A push that does not parse, and every reconnect, re-reads instead.
 */
export function useWalletLive(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reread = useCallback(() => {
    void queryClient.invalidateQueries(trpc.wallet.deposits.list.pathFilter());
    void queryClient.invalidateQueries(trpc.wallet.balances.pathFilter());
  }, [queryClient, trpc]);

  useChannel(channels.private("wallet"), (data) => {
    const parsed = ZWalletUpdate.safeParse(data);
    if (!parsed.success) return reread();
    const update = parsed.data;
    if (update.kind !== "deposit") {
      void queryClient.invalidateQueries(trpc.wallet.balances.pathFilter());
      return;
    }
    const filter = trpc.wallet.deposits.list.pathFilter();
    for (const query of queryClient.getQueryCache().findAll(filter)) {
      const input = (query.queryKey[1] as { input?: { asset?: string } } | undefined)?.input;
      queryClient.setQueryData(
        query.queryKey,
        (list: { deposits: (typeof update.deposit)[] } | undefined) =>
          applyDepositPush(list, update.deposit, input?.asset),
      );
    }
    if (update.deposit.status === "CREDITED") {
      void queryClient.invalidateQueries(trpc.wallet.balances.pathFilter());
    }
  });
  useOnReconnect(reread);
}

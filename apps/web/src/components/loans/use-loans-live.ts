"use client";

import { channels } from "@exchange/contracts/channels";
import { ZLoanPush } from "@exchange/contracts/lending";
import { ZMarkPricePush } from "@exchange/contracts/markprice";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useChannel, useOnReconnect } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";

/**
 * Keeps the trader's loans live: the projector pushes a loan's change on `@account` once it is
 * stored, and the loans and their histories are re-read then; a reconnect re-reads them too,
 * as pushes may have been missed meanwhile.
 */
export function useLoansLive(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reread = useCallback(() => {
    void queryClient.invalidateQueries(trpc.lending.loans.pathFilter());
    void queryClient.invalidateQueries(trpc.lending.history.pathFilter());
  }, [queryClient, trpc]);
  useChannel(channels.private("account"), (data) => {
    if (ZLoanPush.safeParse(data).success) reread();
  });
  useOnReconnect(reread);
}

/**
 * Hands each `<SYMBOL>@markprice` push's index to `onPrice` (the gateway sends the stored one
 * first). One listener per market: a second listener of a channel already open would not get
 * the stored push.
 */
export function useIndexFeed(symbol: string, onPrice: (indexPrice: string) => void): void {
  useChannel(channels.markprice(symbol), (data) => {
    const push = ZMarkPricePush.safeParse(data);
    if (push.success && push.data.symbol === symbol) onPrice(push.data.indexPrice);
  });
}

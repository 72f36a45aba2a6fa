"use client";

import type { TraderRouter } from "@exchange/api/client";
import { channels } from "@exchange/contracts/channels";
import { ZMarkPricePush } from "@exchange/contracts/markprice";
import { ZFuturesWalletPush, ZPositionPush } from "@exchange/contracts/position";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from "react";
import { useChannel, useOnReconnect } from "@/components/trade/stream-provider";
import { useTrade } from "@/components/trade/trade-context";
import { useTRPC } from "@/trpc/react";

type Outputs = inferRouterOutputs<TraderRouter>["futures"];
export type FuturesContractDto = Outputs["contracts"][number];
export type FuturesAccountDto = Outputs["account"];
export type FuturesPositionDto = FuturesAccountDto["positions"][number];

/** The contract's latest mark as the `<SYMBOL>@markprice` push (or the contracts query) gives it. */
export interface LiveMark {
  markPrice: string | null;
  indexPrice: string | null;
  fundingRate: string | null;
  nextFundingTime: number | null;
}

interface FuturesContextValue {
  contract: FuturesContractDto | null;
  mark: LiveMark;
}

const FuturesContext = createContext<FuturesContextValue | null>(null);

/** The contracts' terms are re-read this often (the mark itself arrives by push). */
const CONTRACTS_REFRESH_MS = 30_000;
/** The trader's positions are re-read at most this often on mark pushes (the pricer's pace). */
const ACCOUNT_REFRESH_MS = 1_000;
/** Without any mark push, the positions are re-read this often. */
export const ACCOUNT_POLL_MS = 5_000;

/**
 * What the futures screen's panels share beside the market: the contract's terms and its live
 * mark. Each mark push re-reads the trader's futures account (at most once a second), so the
 * positions' unrealised PnL and margin ratio move with the mark, worked out on the server by
 * the core's own arithmetic rather than guessed here.
 */
export function FuturesProvider({ children }: { children: ReactNode }) {
  const { market, loggedIn } = useTrade();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contracts = useQuery({
    ...trpc.futures.contracts.queryOptions(),
    refetchInterval: CONTRACTS_REFRESH_MS,
  });
  const contract = contracts.data?.find((c) => c.symbol === market.symbol) ?? null;
  const [pushed, setPushed] = useState<LiveMark | null>(null);
  const lastRefresh = useRef(0);

  useChannel(channels.markprice(market.symbol), (data) => {
    const push = ZMarkPricePush.safeParse(data);
    if (!push.success || push.data.symbol !== market.symbol) return;
    setPushed({
      markPrice: push.data.markPrice,
      indexPrice: push.data.indexPrice,
      fundingRate: push.data.fundingRate,
      nextFundingTime: push.data.nextFundingTime?.getTime() ?? null,
    });
    const now = Date.now();
    if (loggedIn && now - lastRefresh.current >= ACCOUNT_REFRESH_MS) {
      lastRefresh.current = now;
      void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
    }
  });
  useOnReconnect(() => {
    void queryClient.invalidateQueries(trpc.futures.contracts.pathFilter());
  });
  usePositionPushes(loggedIn);

  const value = useMemo<FuturesContextValue>(
    () => ({
      contract,
      mark: {
        markPrice: pushed?.markPrice ?? contract?.markPrice ?? null,
        indexPrice: pushed?.indexPrice ?? contract?.indexPrice ?? null,
        fundingRate: pushed?.fundingRate ?? contract?.lastFundingRate ?? null,
        nextFundingTime: pushed?.nextFundingTime ?? contract?.nextFundingTime ?? null,
      },
    }),
    [contract, pushed],
  );
  return <FuturesContext.Provider value={value}>{children}</FuturesContext.Provider>;
}

export function useFutures(): FuturesContextValue {
  const value = useContext(FuturesContext);
  if (!value) throw new Error("useFutures needs a <FuturesProvider>");
  return value;
}

/**
 * A position or futures wallet the engine changed (a fill, funding, a liquidation, a transfer
 * from another tab) re-reads the trader's account and position history at once, rather than at
 * the next mark: the pushes say that something changed, the server says what it amounts to.
 */
function usePositionPushes(loggedIn: boolean): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reread = () => {
    void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
    void queryClient.invalidateQueries(trpc.futures.positionHistory.pathFilter());
  };
  useChannel(loggedIn ? channels.private("position") : null, (data) => {
    if (ZPositionPush.safeParse(data).success) reread();
  });
  useChannel(loggedIn ? channels.private("account") : null, (data) => {
    // Fills, notifications and loans share the channel; only the futures wallet's are ours.
    if (ZFuturesWalletPush.safeParse(data).success) reread();
  });
  useOnReconnect(() => {
    if (loggedIn) reread();
  });
}

/** The trader's futures wallets and positions, re-read on mark pushes and after each order. */
export function useFuturesAccount(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.futures.account.queryOptions(),
    enabled,
    refetchInterval: ACCOUNT_POLL_MS,
  });
}

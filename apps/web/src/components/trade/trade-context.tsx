"use client";

import type { MarketDto } from "@exchange/api/client";
import { isContractSymbol } from "@exchange/contracts/market";
import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { type MarketFormat, marketFormat } from "./format";
import { marketsQuery } from "./market-data-api";

/**
 * How often the screen re-reads the market's terms and status: operations may halt, close or
 * open it at any time, and the order form must say so within seconds.
 */
const MARKET_REFRESH_MS = 5_000;

/** A price clicked in the order book or trades, for the order form to take. */
export interface PickedPrice {
  price: string;
  /** Changes on every click, so clicking the same price twice still counts. */
  nonce: number;
}

interface TradeContextValue {
  market: MarketDto;
  format: MarketFormat;
  /** The visitor is a logged-in trader. */
  loggedIn: boolean;
  /** A perpetual contract (`BTCUSDT-PERP`), traded on the futures screen. */
  perpetual: boolean;
  picked: PickedPrice | null;
  pickPrice: (price: string) => void;
}

const TradeContext = createContext<TradeContextValue | null>(null);

/** The market on screen and what its panels share; `market` is as the page was rendered. */
export function TradeProvider({
  market: rendered,
  loggedIn,
  children,
}: {
  market: MarketDto;
  loggedIn: boolean;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const perpetual = isContractSymbol(rendered.symbol);
  const markets = useQuery({
    ...marketsQuery(trpc, perpetual),
    refetchInterval: MARKET_REFRESH_MS,
  });
  const market = markets.data?.find((m) => m.symbol === rendered.symbol) ?? rendered;
  const [picked, setPicked] = useState<PickedPrice | null>(null);
  const pickPrice = useCallback(
    (price: string) => setPicked((previous) => ({ price, nonce: (previous?.nonce ?? 0) + 1 })),
    [],
  );
  const value = useMemo(
    () => ({
      market,
      format: marketFormat(market),
      loggedIn,
      perpetual,
      picked,
      pickPrice,
    }),
    [market, loggedIn, perpetual, picked, pickPrice],
  );
  return <TradeContext.Provider value={value}>{children}</TradeContext.Provider>;
}

export function useTrade(): TradeContextValue {
  const value = useContext(TradeContext);
  if (!value) throw new Error("useTrade needs a <TradeProvider>");
  return value;
}

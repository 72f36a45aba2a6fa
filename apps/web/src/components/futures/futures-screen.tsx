"use client";

import type { MarketDto } from "@exchange/api/client";
import { PriceChart, TradingFrame } from "@/components/trade/trading-screen";
import { FuturesBar } from "./futures-bar";
import { FuturesProvider, useFutures } from "./futures-context";
import { FuturesOrderForm } from "./futures-order-form";
import { PositionsPanel } from "./positions-panel";

/**
 * The trading screen of a perpetual contract: the spot screen's frame, book and trades, with the
 * contract's bar (mark, index, funding), the chart with the mark line, the futures order form
 * and the positions panel.
 */
export function FuturesScreen(props: { market: MarketDto; streamUrl: string; loggedIn: boolean }) {
  return (
    <TradingFrame
      {...props}
      Context={FuturesProvider}
      bar={<FuturesBar />}
      chart={<MarkedChart />}
      form={<FuturesOrderForm />}
      account={<PositionsPanel />}
    />
  );
}

function MarkedChart() {
  const { mark } = useFutures();
  return <PriceChart markPrice={mark.markPrice} />;
}

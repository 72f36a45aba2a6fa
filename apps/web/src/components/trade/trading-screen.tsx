"use client";

import type { MarketDto } from "@exchange/api/client";
import dynamic from "next/dynamic";
import { AccountPanel } from "./account-panel";
import { MarketBar } from "./market-bar";
import { OrderBook } from "./order-book";
import { OrderForm } from "./order-form";
import { PanelMessage } from "./panel";
import { RecentTrades } from "./recent-trades";
import { StreamProvider } from "./stream-provider";
import { TradeProvider } from "./trade-context";
import { useAccountLive } from "./use-account-live";

/** The chart draws on a canvas in the browser only. */
const PriceChart = dynamic(() => import("./price-chart"), {
  ssr: false,
  loading: () => (
    <div style={{ gridArea: "chart" }} className="flex h-[22rem] bg-surface sm:h-[26rem] xl:h-auto">
      <PanelMessage>Loading the chart…</PanelMessage>
    </div>
  ),
});

/**
 * The trading screen. One gateway connection lives as long as the screen (switching markets
 * keeps it; logging in or out makes a new one, keyed by the page). Panels sit in named grid areas that move with the width:
 * - phone: one column, market first, then chart, book, form, trades, account;
 * - tablet: chart across, book beside the form and trades, account across;
 * - desktop: chart | book | form over account | book | trades, as traders know it.
 */
const LAYOUT = [
  "grid flex-1 gap-1 bg-canvas p-1",
  "[grid-template-areas:'bar'_'chart'_'book'_'form'_'trades'_'account']",
  "md:grid-cols-[minmax(0,1fr)_20rem]",
  "md:[grid-template-areas:'bar_bar'_'chart_chart'_'book_form'_'book_trades'_'account_account']",
  "xl:grid-cols-[minmax(0,1fr)_18rem_20rem] xl:grid-rows-[auto_minmax(30rem,1fr)_minmax(20rem,auto)]",
  "xl:[grid-template-areas:'bar_bar_bar'_'chart_book_form'_'account_book_trades']",
].join(" ");

export function TradingScreen({
  market,
  streamUrl,
  loggedIn,
}: {
  market: MarketDto;
  streamUrl: string;
  loggedIn: boolean;
}) {
  return (
    <StreamProvider url={streamUrl} authenticated={loggedIn}>
      <TradeProvider key={market.symbol} market={market} loggedIn={loggedIn}>
        <AccountLive enabled={loggedIn} />
        <div className={LAYOUT} data-testid="trading-screen">
          <MarketBar />
          <PriceChart />
          <OrderBook />
          <OrderForm />
          <RecentTrades />
          <AccountPanel />
        </div>
      </TradeProvider>
    </StreamProvider>
  );
}

function AccountLive({ enabled }: { enabled: boolean }) {
  useAccountLive(enabled);
  return null;
}

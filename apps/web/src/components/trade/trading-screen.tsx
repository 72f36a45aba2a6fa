"use client";

import type { MarketDto } from "@exchange/api/client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import {
  type ComponentType,
  Fragment,
  type KeyboardEvent,
  type ReactNode,
  useRef,
  useState,
} from "react";
import { AccountPanel } from "./account-panel";
import { MarketBar } from "./market-bar";
import { OrderBook } from "./order-book";
import { OrderForm } from "./order-form";
import {
  PanelMessage,
  PHONE_TABS,
  PhonePanelContext,
  type PhoneTab,
  usePhoneHidden,
} from "./panel";
import { RecentTrades } from "./recent-trades";
import { StreamProvider } from "./stream-provider";
import { TradeProvider } from "./trade-context";
import { useAccountLive } from "./use-account-live";

/** The chart draws on a canvas in the browser only. */
export const PriceChart = dynamic(() => import("./price-chart"), {
  ssr: false,
  loading: () => <ChartLoading />,
});

function ChartLoading() {
  const t = useTranslations("trade.chart");
  const hidden = usePhoneHidden("chart");
  return (
    <div
      id="panel-chart"
      style={{ gridArea: "chart" }}
      className={`flex h-[22rem] bg-surface sm:h-[26rem] xl:h-auto ${hidden}`}
    >
      <PanelMessage loading>{t("loading")}</PanelMessage>
    </div>
  );
}

/**
 * The trading screen. One gateway connection lives as long as the screen (switching markets
 * keeps it; logging in or out makes a new one, keyed by the page). Panels sit in named grid areas that move with the width:
 * - phone: one column, market first, then tabs for chart, book, trades and the order form (one
 *   shows at a time, so none is squeezed), then the account;
 * - tablet: chart across, book beside the form and trades, account across;
 * - desktop: chart | book | form over account | book | trades, as traders know it.
 */
const LAYOUT = [
  "grid flex-1 gap-1 bg-canvas p-1",
  "[grid-template-areas:'bar'_'tabs'_'chart'_'book'_'form'_'trades'_'account']",
  "md:grid-cols-[minmax(0,1fr)_20rem]",
  "md:[grid-template-areas:'bar_bar'_'chart_chart'_'book_form'_'book_trades'_'account_account']",
  "xl:grid-cols-[minmax(0,1fr)_18rem_20rem] xl:grid-rows-[auto_minmax(30rem,1fr)_minmax(20rem,auto)]",
  "xl:[grid-template-areas:'bar_bar_bar'_'chart_book_form'_'account_book_trades']",
].join(" ");

export function TradingScreen(props: ScreenProps) {
  return (
    <TradingFrame
      {...props}
      bar={<MarketBar />}
      chart={<PriceChart />}
      form={<OrderForm />}
      account={<AccountPanel />}
    />
  );
}

interface ScreenProps {
  market: MarketDto;
  streamUrl: string;
  loggedIn: boolean;
}

/**
 * The frame a market's screen is built in (spot here, a perpetual's in components/futures):
 * the connection, the market's context, the layout and the phone's tabs, with the book and the
 * recent trades every market has; the screen brings its bar, chart, order form and account
 * panel, and may wrap them in a context of its own (`Context`, inside the market's).
 */
export function TradingFrame({
  market,
  streamUrl,
  loggedIn,
  Context = Fragment,
  bar,
  chart,
  form,
  account,
}: ScreenProps & {
  Context?: ComponentType<{ children: ReactNode }>;
  bar: ReactNode;
  chart: ReactNode;
  form: ReactNode;
  account: ReactNode;
}) {
  const [phoneTab, setPhoneTab] = useState<PhoneTab>("chart");
  return (
    <StreamProvider url={streamUrl} authenticated={loggedIn}>
      <TradeProvider key={market.symbol} market={market} loggedIn={loggedIn}>
        <AccountLive enabled={loggedIn} />
        <Context>
          <PhonePanelContext.Provider value={phoneTab}>
            <div className={LAYOUT} data-testid="trading-screen">
              {bar}
              <PhoneTabs current={phoneTab} onChange={setPhoneTab} />
              {chart}
              <OrderBook />
              {form}
              <RecentTrades />
              {account}
            </div>
          </PhonePanelContext.Provider>
        </Context>
      </TradeProvider>
    </StreamProvider>
  );
}

/**
 * The phone's tabs over the four market panels (hidden from `md` up, where they sit side by
 * side). Arrow keys move between tabs, as in any tab list.
 */
function PhoneTabs({
  current,
  onChange,
}: {
  current: PhoneTab;
  onChange: (tab: PhoneTab) => void;
}) {
  const t = useTranslations("trade.screen");
  const refs = useRef(new Map<PhoneTab, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = PHONE_TABS[(index + step + PHONE_TABS.length) % PHONE_TABS.length] ?? "chart";
    onChange(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={t("panels")}
      data-testid="phone-tabs"
      style={{ gridArea: "tabs" }}
      className="grid grid-cols-4 bg-surface md:hidden"
    >
      {PHONE_TABS.map((tab, index) => (
        <button
          key={tab}
          ref={(node) => {
            if (node) refs.current.set(tab, node);
            else refs.current.delete(tab);
          }}
          type="button"
          role="tab"
          aria-selected={tab === current}
          aria-controls={`panel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
          onKeyDown={(event) => move(event, index)}
          className={`relative h-11 text-[13px] font-medium ${
            tab === current
              ? "text-ink after:absolute after:inset-x-4 after:bottom-0 after:h-0.5 after:rounded-full after:bg-brand"
              : "text-ink-faint"
          }`}
        >
          {t(tab)}
        </button>
      ))}
    </div>
  );
}

function AccountLive({ enabled }: { enabled: boolean }) {
  useAccountLive(enabled);
  return null;
}

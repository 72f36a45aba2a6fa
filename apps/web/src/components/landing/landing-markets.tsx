"use client";

import type { MarketDto } from "@exchange/api/client";
import { channels } from "@exchange/contracts/channels";
import { buttonClasses } from "@exchange/ui";
import { useDecimalText } from "@exchange/ui/i18n";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { marketHref } from "@/components/trade/market-href";
import { parsePush } from "@/lib/stream/messages";
import { useTRPC } from "@/trpc/react";
import { AssetIcon } from "../markets/asset-icon";
import { ChangeText } from "../markets/change-text";
import { withTicker } from "../markets/ticker-list";
import { useMarketsWithTickers } from "../markets/use-markets";
import type { TickerDto } from "../trade/market-data-api";
import {
  StreamProvider,
  useChannel,
  useOnReconnect,
  useStreamState,
} from "../trade/stream-provider";
import { useFallbackPolling } from "../trade/use-market-data";

/** How many markets the front page lists; the markets page has them all. */
export const LANDING_MARKETS = 6;

/**
 * The front page's market board: the listed markets with their last price and 24 h change,
 * kept live by each market's ticker channel (re-read every few seconds while the stream is
 * down), each row a link to its trading page. Visitors connect anonymously: tickers are public.
 */
export function LandingMarkets({ streamUrl }: { streamUrl: string }) {
  return (
    <StreamProvider url={streamUrl} authenticated={false}>
      <Board />
    </StreamProvider>
  );
}

function Board() {
  const t = useTranslations("landing.markets");
  const stream = useStreamState();
  const { markets, tickerOf } = useMarketsWithTickers({ refreshMs: useFallbackPolling() });
  // The front page shows markets a visitor could trade now or soon: not halted, not retired.
  const shown = (markets.data ?? [])
    .filter((m) => m.status !== "HALTED" && m.status !== "CLOSED")
    .slice(0, LANDING_MARKETS);
  return (
    <section
      aria-labelledby="landing-markets"
      className="flex flex-col overflow-hidden rounded-xl border border-line bg-surface"
    >
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 id="landing-markets" className="flex items-center gap-2 text-[15px] font-semibold">
          {t("title")}
          {stream.status === "open" ? (
            <span className="inline-flex items-center gap-1 rounded bg-up/10 px-1.5 py-0.5 text-[11px] font-medium text-up">
              <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-up" />
              {t("live")}
            </span>
          ) : null}
        </h2>
        <Link
          href="/markets"
          className="inline-flex h-10 items-center rounded-md px-2 text-[13px] font-medium text-brand hover:underline"
        >
          {t("all")}
        </Link>
      </div>
      <div
        aria-hidden="true"
        className="grid grid-cols-[1fr_auto_5.5rem] gap-3 border-b border-line px-4 py-2 text-xs text-ink-muted"
      >
        <span>{t("market")}</span>
        <span className="text-right">{t("lastPrice")}</span>
        <span className="text-right">{t("change")}</span>
      </div>
      {markets.isPending ? (
        <p role="status" className="px-4 py-10 text-center text-ink-muted">
          {t("loading")}
        </p>
      ) : markets.isError ? (
        <div role="alert" className="flex flex-col items-center gap-3 px-4 py-10 text-ink-muted">
          <p>{t("failed")}</p>
          <button
            type="button"
            onClick={() => markets.refetch()}
            className={`${buttonClasses("secondary", "sm")} max-md:h-10`}
          >
            {t("retry")}
          </button>
        </div>
      ) : shown.length === 0 ? (
        <p className="px-4 py-10 text-center text-ink-muted">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-line">
          {shown.map((market) => (
            <BoardRow key={market.symbol} market={market} ticker={tickerOf(market.symbol)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Writes `<SYMBOL>@ticker` pushes into the cached ticker list the board reads. */
function useLiveTicker(symbol: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.marketData.tickers.queryKey();
  useChannel(channels.ticker(symbol), (data) => {
    const push = parsePush("ticker", data);
    if (push?.symbol !== symbol) {
      void queryClient.invalidateQueries({ queryKey });
      return;
    }
    const next: TickerDto = push;
    queryClient.setQueryData(queryKey, (previous) => withTicker(previous, next));
  });
  useOnReconnect(() => {
    void queryClient.invalidateQueries({ queryKey });
  });
}

function BoardRow({ market, ticker }: { market: MarketDto; ticker: TickerDto | undefined }) {
  const decimal = useDecimalText();
  useLiveTicker(market.symbol);
  return (
    <li data-testid="landing-market">
      <Link
        href={marketHref(market.symbol)}
        className="grid min-h-12 grid-cols-[1fr_auto_5.5rem] items-center gap-3 px-4 py-2 transition-colors hover:bg-hover"
      >
        <span className="flex min-w-0 items-center gap-2.5">
          <AssetIcon code={market.baseAsset} />
          <span className="text-sm font-semibold text-ink">
            {market.baseAsset}
            <span className="font-normal text-ink-muted">/{market.quoteAsset}</span>
          </span>
        </span>
        <span data-testid="landing-market-last" className="text-right font-medium tabular-nums">
          {ticker?.last ? decimal(ticker.last) : "—"}
        </span>
        <span className="text-right text-[13px]">
          <ChangeText percent={ticker?.changePercent ?? null} />
        </span>
      </Link>
    </li>
  );
}

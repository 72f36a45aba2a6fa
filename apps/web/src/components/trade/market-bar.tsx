"use client";

import { isContractSymbol } from "@exchange/contracts/market";
import { compare, decimal } from "@exchange/contracts/money";
import { MarketStatusBadge } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { AssetIcon } from "../markets/asset-icon";
import { direction, formatPercent, formatVolume, type MarketFormat, marketFormat } from "./format";
import { marketsQuery, type TickerDto } from "./market-data-api";
import { marketHref } from "./market-href";
import { MoveArrow } from "./order-book";
import { useStreamState } from "./stream-provider";
import { useTrade } from "./trade-context";
import { useTicker } from "./use-market-data";

/**
 * The strip above the panels: which market, its price and 24 h figures, and the live status.
 * A screen adds its own figures beside the last price, before the 24 h ones (`children`: a
 * contract's mark, index and funding, which a phone then shows without scrolling).
 */
export function MarketBar({ children }: { children?: React.ReactNode }) {
  const { market, format } = useTrade();
  const t = useTranslations("trade.bar");
  const ticker = useTicker(market.symbol).data;
  const last = ticker?.last ?? null;
  const previousLast = useRef<string | null>(null);
  const [tick, setTick] = useState<"up" | "down" | "flat">("flat");
  const change = direction(ticker?.change);

  // The last price's colour follows its latest move, as on every exchange.
  useEffect(() => {
    const before = previousLast.current;
    previousLast.current = last;
    if (before === null || last === null || before === last) return;
    setTick(compare(decimal(last), decimal(before)) > 0 ? "up" : "down");
  }, [last]);

  // The tab title carries the price, so a background tab still shows the market.
  useEffect(() => {
    document.title = last ? `${format.price(last)} ${format.pair} · Exchange` : format.pair;
  }, [last, format]);

  return (
    <div
      style={{ gridArea: "bar" }}
      // With figures of its own (a contract's), a phone gives the figures a row of their own
      // under the market's name, so the mark shows without scrolling.
      className={`flex min-w-0 items-center gap-4 bg-surface py-2 pr-3 pl-2 sm:gap-6 sm:pr-4 ${
        children ? "max-md:flex-wrap max-md:gap-y-1" : ""
      }`}
    >
      <MarketSelector />
      {/* Only the figures scroll sideways on a narrow screen; the market list must not be cut. */}
      <section
        // Focusable, so a keyboard can scroll the figures a narrow screen cuts.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        tabIndex={0}
        aria-label={t("figures")}
        className={`flex min-w-0 flex-1 items-center gap-6 overflow-x-auto ${
          children ? "max-md:order-last max-md:basis-full max-md:gap-4 max-md:px-1.5" : ""
        }`}
      >
        <div className="flex shrink-0 flex-col">
          <span className="flex items-center gap-1">
            <span
              data-testid="ticker-last"
              className={`text-lg leading-6 font-semibold tabular-nums ${
                tick === "up" ? "text-up" : tick === "down" ? "text-down" : "text-ink"
              }`}
            >
              {last ? format.price(last) : "—"}
            </span>
            <MoveArrow
              move={tick}
              className={tick === "up" ? "text-up" : tick === "down" ? "text-down" : ""}
            />
          </span>
          <span className="text-[11px] text-ink-faint">{t("lastPrice")}</span>
        </div>
        {children}
        <Figure
          label={t("change")}
          testId="ticker-change"
          tone={change === "up" ? "text-up" : change === "down" ? "text-down" : "text-ink"}
        >
          {ticker?.change ? (
            <>
              {change === "up" ? "+" : ""}
              {format.price(ticker.change)} {formatPercent(ticker.changePercent, ticker.change)}
            </>
          ) : (
            "—"
          )}
        </Figure>
        <Figure label={t("high")}>{ticker?.high ? format.price(ticker.high) : "—"}</Figure>
        <Figure label={t("low")}>{ticker?.low ? format.price(ticker.low) : "—"}</Figure>
        <Figure label={t("volume", { asset: format.base })} testId="ticker-volume">
          {ticker ? formatVolume(ticker.volume) : "—"}
        </Figure>
        <Figure label={t("volume", { asset: format.quote })}>
          {ticker ? formatVolume(ticker.quoteVolume) : "—"}
        </Figure>
      </section>
      <div className="ml-auto flex shrink-0 items-center gap-3">
        {market.status !== "TRADING" ? <MarketStatusBadge status={market.status} /> : null}
        <LiveBadge />
      </div>
    </div>
  );
}

/** One labelled figure of the bar. */
export function Figure({
  label,
  children,
  tone = "text-ink",
  testId,
}: {
  label: string;
  children: React.ReactNode;
  tone?: string;
  testId?: string;
}) {
  return (
    <div className="flex shrink-0 flex-col">
      <span className="text-[11px] text-ink-faint">{label}</span>
      <span data-testid={testId} className={`text-xs font-medium tabular-nums ${tone}`}>
        {children}
      </span>
    </div>
  );
}

/** A market's last price and 24 h change in the list, or its status when it is not trading. */
function MarketQuote({
  ticker,
  status,
  format,
}: {
  ticker: TickerDto | undefined;
  status: string;
  format: MarketFormat;
}) {
  if (status !== "TRADING") {
    return (
      <span className="ml-auto">
        <MarketStatusBadge status={status} />
      </span>
    );
  }
  const move = direction(ticker?.change);
  return (
    <span className="ml-auto flex flex-col items-end text-xs leading-4 tabular-nums">
      <span className="text-ink">{ticker?.last ? format.price(ticker.last) : "—"}</span>
      <span
        className={move === "up" ? "text-up" : move === "down" ? "text-down" : "text-ink-faint"}
      >
        {ticker ? formatPercent(ticker.changePercent, ticker.change) : ""}
      </span>
    </span>
  );
}

/**
 * Whether the page is receiving live data: "Live" only once the connection has delivered some
 * (an open socket that has sent nothing yet is still connecting, as far as a trader can tell).
 */
function LiveBadge() {
  const t = useTranslations("trade.bar");
  const { status, authenticated, flowing } = useStreamState();
  const look =
    status === "open" && flowing
      ? { dot: "bg-up", label: t("live") }
      : status === "reconnecting"
        ? { dot: "bg-warn animate-pulse", label: t("reconnecting") }
        : { dot: "bg-ink-faint animate-pulse", label: t("connecting") };
  return (
    <span
      data-testid="stream-status"
      data-authenticated={authenticated}
      role="status"
      className="flex items-center gap-1.5 text-[11px] text-ink-muted"
      title={t("liveTitle")}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}

/** The pair's name; opens the list of markets to switch to. */
function MarketSelector() {
  const { market, format, perpetual } = useTrade();
  const t = useTranslations("trade.bar");
  const trpc = useTRPC();
  const markets = useQuery(marketsQuery(trpc, perpetual));
  const [open, setOpen] = useState(false);
  // Every market's price for the list, read when it opens.
  const tickers = useQuery({ ...trpc.marketData.tickers.queryOptions(), enabled: open });
  const [search, setSearch] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !rootRef.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const query = search.trim().toUpperCase().replace("/", "");
  // The spot screen lists spot markets, the futures screen the perpetual contracts.
  const shown = (markets.data ?? []).filter(
    (m) => m.symbol.includes(query) && isContractSymbol(m.symbol) === perpetual,
  );

  return (
    <div ref={rootRef} className="relative shrink-0">
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="listbox"
        onClick={() => setOpen((value) => !value)}
        data-testid="market-selector"
        className="flex items-center gap-2 rounded-md px-1.5 py-1 hover:bg-raised max-md:min-h-10"
      >
        <AssetIcon code={market.baseAsset} />
        <span className="text-base font-semibold text-ink">
          {format.base}
          <span className="font-normal text-ink-faint">/{format.quote}</span>
        </span>
        {perpetual ? <PerpetualTag /> : null}
        <svg
          viewBox="0 0 20 20"
          fill="currentColor"
          aria-hidden="true"
          className="size-4 text-ink-faint"
        >
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
        <span className="sr-only">{t("switchMarket")}</span>
      </button>
      {open ? (
        <div className="absolute top-full left-0 z-30 mt-1 w-72 rounded-md bg-raised p-2 shadow-xl shadow-black/50 ring-1 ring-line-strong">
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("searchMarkets")}
            aria-label={t("searchMarkets")}
            // biome-ignore lint/a11y/noAutofocus: the list opened to pick from it
            autoFocus
            className="mb-2 h-8 w-full rounded bg-canvas px-2.5 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none placeholder:text-ink-faint focus:ring-brand"
          />
          <ul aria-label={t("markets")} className="max-h-72 overflow-y-auto">
            {shown.map((m) => (
              <li key={m.symbol}>
                <Link
                  href={marketHref(m.symbol)}
                  onClick={() => setOpen(false)}
                  aria-current={m.symbol === market.symbol ? "page" : undefined}
                  className={`flex items-center gap-2 rounded px-2 py-1.5 text-[13px] hover:bg-hover max-md:min-h-10 ${
                    m.symbol === market.symbol ? "bg-hover" : ""
                  }`}
                >
                  <AssetIcon code={m.baseAsset} />
                  <span className="font-medium text-ink">
                    {m.baseAsset}
                    <span className="font-normal text-ink-faint">/{m.quoteAsset}</span>
                  </span>
                  {perpetual ? <PerpetualTag /> : null}
                  <MarketQuote
                    ticker={tickers.data?.find((t) => t.symbol === m.symbol)}
                    status={m.status}
                    format={marketFormat(m)}
                  />
                </Link>
              </li>
            ))}
            {shown.length === 0 ? (
              <li className="px-2 py-3 text-center text-xs text-ink-faint">{t("noMarkets")}</li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Marks a perpetual contract beside its pair, as exchanges do ("Perp"). */
function PerpetualTag() {
  const t = useTranslations("trade.bar");
  return (
    <span className="rounded bg-raised px-1.5 py-0.5 text-[11px] font-medium text-ink-muted">
      {t("perpetual")}
    </span>
  );
}

"use client";

import type { MarketDto } from "@exchange/api/client";
import { formatRate } from "@exchange/contracts/money";
import { buttonClasses } from "@exchange/ui";
import { useDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useDeferredValue, useState } from "react";
import { marketHref } from "@/components/trade/market-href";
import type { TickerDto } from "../trade/market-data-api";
import { AssetIcon } from "./asset-icon";
import { ChangeText } from "./change-text";
import { MarketStatus } from "./market-status";
import { useMarketsWithTickers } from "./use-markets";

const COLUMNS = [
  "market",
  "status",
  "lastPrice",
  "change",
  "volume",
  "priceTick",
  "lotSize",
  "minQty",
  "minNotional",
  "makerFee",
  "takerFee",
  "trade",
] as const;

/**
 * Every listed market with its 24 h prices and its trading rules: what an order must respect
 * before it is sent. Wide screens get the full table; phones a card per market with what a
 * trader scans for (price, change, volume), each card a link to its trading page.
 */
export function MarketsTable() {
  const t = useTranslations("markets");
  const { markets, tickers, tickerOf } = useMarketsWithTickers();
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toUpperCase().replace("/", ""));
  const shown = (markets.data ?? []).filter((m) => m.symbol.includes(query));

  const message: ReactNode = markets.isPending ? (
    <span role="status" className="flex items-center gap-2">
      <span
        aria-hidden="true"
        className="size-4 animate-spin rounded-full border-2 border-line-strong border-t-brand"
      />
      {t("loading")}
    </span>
  ) : markets.isError ? (
    <div role="alert" className="flex flex-col items-center gap-3">
      <span>{t("loadFailed")}</span>
      <RetryButton onRetry={() => markets.refetch()} />
    </div>
  ) : shown.length === 0 ? (
    query ? (
      t("noMatch", { query: search.trim() })
    ) : (
      t("empty")
    )
  ) : null;

  return (
    <section
      aria-labelledby="markets-segment"
      className="overflow-hidden rounded-lg border border-line bg-surface"
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-3">
        {/* A single segment today; margin and futures join it when they exist. */}
        <h2
          id="markets-segment"
          className="rounded bg-raised px-2.5 py-1 text-[13px] font-medium text-ink"
        >
          {t("segment.spot")}
        </h2>
        <label className="relative ml-auto w-full sm:w-64">
          <span className="sr-only">{t("searchLabel")}</span>
          <svg
            viewBox="0 0 20 20"
            fill="currentColor"
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-ink-faint"
          >
            <path
              fillRule="evenodd"
              d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z"
              clipRule="evenodd"
            />
          </svg>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("searchPlaceholder")}
            className="h-10 w-full rounded-md bg-canvas pr-3 pl-8 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none placeholder:text-ink-faint focus:ring-2 focus:ring-brand lg:h-8"
          />
        </label>
      </div>

      {tickers.isError && !markets.isError ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 border-b border-line bg-warn/10 px-4 py-2 text-[13px] text-warn"
        >
          <span>{t("pricesFailed")}</span>
          <RetryButton onRetry={() => tickers.refetch()} />
        </div>
      ) : null}

      <div className="hidden overflow-x-auto lg:block">
        <table className="w-full min-w-[1160px] border-collapse text-[13px]">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-line text-xs text-ink-muted">
              {COLUMNS.map((column, index) => (
                <th
                  key={column}
                  scope="col"
                  className={`h-9 px-3 font-medium whitespace-nowrap ${index < 2 ? "text-left" : "text-right"}`}
                >
                  {column === "trade" ? (
                    <span className="sr-only">{t(`columns.${column}`)}</span>
                  ) : (
                    t(`columns.${column}`)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {message !== null ? (
              <tr>
                <td colSpan={COLUMNS.length} className="px-3 py-14 text-center text-ink-muted">
                  <div className="flex flex-col items-center gap-3">{message}</div>
                </td>
              </tr>
            ) : (
              shown.map((market) => (
                <MarketRow key={market.symbol} market={market} ticker={tickerOf(market.symbol)} />
              ))
            )}
          </tbody>
        </table>
      </div>

      <div className="lg:hidden">
        {message !== null ? (
          <div className="flex flex-col items-center gap-3 px-4 py-14 text-center text-ink-muted">
            {message}
          </div>
        ) : (
          <ul aria-label={t("caption")} className="divide-y divide-line">
            {shown.map((market) => (
              <MarketCard key={market.symbol} market={market} ticker={tickerOf(market.symbol)} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function RetryButton({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("common");
  return (
    <button
      type="button"
      onClick={onRetry}
      className={`${buttonClasses("secondary", "sm")} max-lg:h-10`}
    >
      {t("retry")}
    </button>
  );
}

function MarketName({ market }: { market: MarketDto }) {
  return (
    <>
      <AssetIcon code={market.baseAsset} />
      <span className="text-sm font-semibold text-ink">
        {market.baseAsset}
        <span className="font-normal text-ink-muted">/{market.quoteAsset}</span>
      </span>
    </>
  );
}

function MarketRow({ market, ticker }: { market: MarketDto; ticker: TickerDto | undefined }) {
  const t = useTranslations("markets");
  const decimal = useDecimalText();
  const { baseAsset: base, quoteAsset: quote } = market;
  return (
    <tr
      data-testid="market-row"
      className="border-b border-line transition-colors last:border-b-0 hover:bg-hover"
    >
      <th scope="row" className="h-12 px-3 text-left font-normal">
        <Link
          href={marketHref(market.symbol)}
          className="flex items-center gap-2.5 rounded hover:underline"
        >
          <MarketName market={market} />
        </Link>
      </th>
      <td className="px-3">
        <MarketStatus status={market.status} />
      </td>
      <td data-testid="market-last" className="px-3 text-right font-medium text-ink tabular-nums">
        {ticker?.last ? decimal(ticker.last) : "—"}
      </td>
      <td className="px-3 text-right">
        <ChangeText percent={ticker?.changePercent ?? null} />
      </td>
      {ticker ? <AmountCell value={ticker.quoteVolume} unit={quote} /> : <td className="px-3" />}
      <AmountCell value={market.priceTick} unit={quote} />
      <AmountCell value={market.lotSize} unit={base} />
      <AmountCell value={market.minQty} unit={base} />
      <AmountCell value={market.minNotional} unit={quote} />
      <td className="px-3 text-right text-ink tabular-nums">{formatRate(market.makerFeeRate)}</td>
      <td className="px-3 text-right text-ink tabular-nums">{formatRate(market.takerFeeRate)}</td>
      <td className="px-3 text-right">
        <Link
          href={marketHref(market.symbol)}
          aria-label={t("tradeMarket", { market: `${base}/${quote}` })}
          className={buttonClasses("secondary", "sm")}
        >
          {t("columns.trade")}
        </Link>
      </td>
    </tr>
  );
}

/** A phone's row: the whole card is the link to the market's trading page. */
function MarketCard({ market, ticker }: { market: MarketDto; ticker: TickerDto | undefined }) {
  const t = useTranslations("markets");
  const decimal = useDecimalText();
  return (
    <li data-testid="market-card">
      <Link
        href={marketHref(market.symbol)}
        className="grid min-h-16 grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 px-4 py-3 transition-colors hover:bg-hover"
      >
        <span className="flex min-w-0 items-center gap-2.5">
          <MarketName market={market} />
        </span>
        <span className="text-right text-sm font-medium text-ink tabular-nums">
          {ticker?.last ? decimal(ticker.last) : "—"}
        </span>
        <span className="flex min-w-0 items-center gap-2 text-xs text-ink-muted">
          <MarketStatus status={market.status} />
          {ticker ? (
            <span className="truncate tabular-nums">
              {t("volumeShort", { volume: decimal(ticker.quoteVolume), asset: market.quoteAsset })}
            </span>
          ) : null}
        </span>
        <span className="text-right text-xs">
          <ChangeText percent={ticker?.changePercent ?? null} />
        </span>
      </Link>
    </li>
  );
}

function AmountCell({ value, unit }: { value: string; unit: string }) {
  const decimal = useDecimalText();
  return (
    <td className="px-3 text-right whitespace-nowrap tabular-nums">
      <span className="text-ink">{decimal(value)}</span>
      <span className="ml-1 text-xs text-ink-muted">{unit}</span>
    </td>
  );
}

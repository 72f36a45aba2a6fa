"use client";

import type { MarketDto } from "@exchange/api/client";
import { formatRate, groupThousands } from "@exchange/contracts/money";
import { buttonClasses, MarketStatusBadge } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/trpc/react";
import type { TickerDto } from "../trade/market-data-api";
import { AssetIcon } from "./asset-icon";

const COLUMNS = [
  "Market",
  "Status",
  "Last price",
  "24h change",
  "24h volume",
  "Price tick",
  "Lot size",
  "Min qty",
  "Min notional",
  "Maker fee",
  "Taker fee",
  "Trade",
] as const;

/** How often the table's prices refresh; the trading page has the live stream. */
const TICKER_REFRESH_MS = 5_000;

/**
 * Every listed market with its 24 h prices and its trading rules: what an order must respect
 * before it is sent.
 */
export function MarketsTable() {
  const trpc = useTRPC();
  const markets = useQuery(trpc.markets.list.queryOptions());
  const tickers = useQuery({
    ...trpc.marketData.tickers.queryOptions(),
    refetchInterval: TICKER_REFRESH_MS,
  });
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toUpperCase().replace("/", ""));
  const shown = (markets.data ?? []).filter((m) => m.symbol.includes(query));

  return (
    <section className="overflow-hidden rounded-lg border border-line bg-surface">
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-3">
        {/* A single segment today; margin and futures join it when they exist. */}
        <h2 className="rounded bg-raised px-2.5 py-1 text-[13px] font-medium text-ink">Spot</h2>
        <label className="relative ml-auto w-full sm:w-64">
          <span className="sr-only">Search markets</span>
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
            placeholder="Search"
            className="h-8 w-full rounded-md bg-canvas pr-3 pl-8 text-[13px] text-ink ring-1 ring-line-strong ring-inset outline-none placeholder:text-ink-faint focus:ring-2 focus:ring-brand"
          />
        </label>
      </div>

      <div className="overflow-x-auto">
        <table className="w-full min-w-[1160px] border-collapse text-[13px]">
          <caption className="sr-only">Spot markets and their trading rules</caption>
          <thead>
            <tr className="border-b border-line text-xs text-ink-faint">
              {COLUMNS.map((column, index) => (
                <th
                  key={column}
                  scope="col"
                  className={`h-9 px-3 font-medium whitespace-nowrap ${index < 2 ? "text-left" : "text-right"}`}
                >
                  {column === "Trade" ? <span className="sr-only">{column}</span> : column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {markets.isPending ? (
              <SkeletonRows />
            ) : markets.isError ? (
              <MessageRow>
                <span>Markets could not be loaded.</span>
                <button
                  type="button"
                  onClick={() => markets.refetch()}
                  className={buttonClasses("secondary", "sm")}
                >
                  Try again
                </button>
              </MessageRow>
            ) : shown.length === 0 ? (
              <MessageRow>
                {query ? `No markets match “${search.trim()}”.` : "No markets are listed yet."}
              </MessageRow>
            ) : (
              shown.map((market) => (
                <MarketRow
                  key={market.symbol}
                  market={market}
                  ticker={tickers.data?.find((t) => t.symbol === market.symbol)}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MarketRow({ market, ticker }: { market: MarketDto; ticker: TickerDto | undefined }) {
  const { baseAsset: base, quoteAsset: quote } = market;
  return (
    <tr
      data-testid="market-row"
      className="border-b border-line transition-colors last:border-b-0 hover:bg-hover"
    >
      <th scope="row" className="h-12 px-3 text-left font-normal">
        <Link
          href={`/trade/${market.symbol}`}
          className="flex items-center gap-2.5 hover:underline"
        >
          <AssetIcon code={base} />
          <span className="text-sm font-semibold text-ink">
            {base}
            <span className="font-normal text-ink-faint">/{quote}</span>
          </span>
        </Link>
      </th>
      <td className="px-3">
        <MarketStatusBadge status={market.status} />
      </td>
      <td data-testid="market-last" className="px-3 text-right font-medium text-ink tabular-nums">
        {ticker?.last ? groupThousands(ticker.last) : "—"}
      </td>
      <ChangeCell percent={ticker?.changePercent ?? null} />
      {ticker ? <AmountCell value={ticker.quoteVolume} unit={quote} /> : <td className="px-3" />}
      <AmountCell value={market.priceTick} unit={quote} />
      <AmountCell value={market.lotSize} unit={base} />
      <AmountCell value={market.minQty} unit={base} />
      <AmountCell value={market.minNotional} unit={quote} />
      <td className="px-3 text-right text-ink tabular-nums">{formatRate(market.makerFeeRate)}</td>
      <td className="px-3 text-right text-ink tabular-nums">{formatRate(market.takerFeeRate)}</td>
      <td className="px-3 text-right">
        <Link
          href={`/trade/${market.symbol}`}
          aria-label={`Trade ${base}/${quote}`}
          className={buttonClasses("secondary", "sm")}
        >
          Trade
        </Link>
      </td>
    </tr>
  );
}

/** The 24 h change in the market colours: green up, red down, grey without trades. */
function ChangeCell({ percent }: { percent: string | null }) {
  if (percent === null) return <td className="px-3 text-right text-ink-faint">—</td>;
  const falling = percent.startsWith("-");
  const rising = !falling && /[1-9]/.test(percent);
  return (
    <td
      className={`px-3 text-right tabular-nums ${falling ? "text-down" : rising ? "text-up" : "text-ink-muted"}`}
    >
      {rising ? "+" : ""}
      {percent}%
    </td>
  );
}

function AmountCell({ value, unit }: { value: string; unit: string }) {
  return (
    <td className="px-3 text-right whitespace-nowrap tabular-nums">
      <span className="text-ink">{groupThousands(value)}</span>
      <span className="ml-1 text-xs text-ink-faint">{unit}</span>
    </td>
  );
}

function SkeletonRows() {
  return ["a", "b", "c"].map((key) => (
    <tr key={key} className="border-b border-line last:border-b-0">
      {COLUMNS.map((column) => (
        <td key={column} className="h-12 px-3">
          <span className="block h-3 animate-pulse rounded bg-raised" />
        </td>
      ))}
    </tr>
  ));
}

function MessageRow({ children }: { children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={COLUMNS.length} className="px-3 py-14 text-center text-ink-muted">
        <div className="flex flex-col items-center gap-3">{children}</div>
      </td>
    </tr>
  );
}

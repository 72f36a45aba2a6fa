"use client";

import {
  add,
  compare,
  decimal,
  formatDecimal,
  subtract,
  trimZeros,
} from "@exchange/contracts/money";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Level } from "@/lib/stream/depth-book";
import { useTRPC } from "@/trpc/react";
import { Panel, PanelError, PanelMessage } from "./panel";
import { useTrade } from "./trade-context";
import { usePrivatePollMs } from "./use-account-live";
import { useDepth, useTicker } from "./use-market-data";

/** Levels kept per side; the desktop panel shows as many as fit its height. */
const LEVELS = 40;

/**
 * One side's list. Beside other panels (tablet and up) it fills half the panel's height and
 * cuts the farthest levels; stacked on a phone, where the panel has no set height, it shows
 * the best ten.
 */
const SIDE_LIST =
  "flex max-md:[&>li:nth-child(n+11)]:hidden md:min-h-0 md:flex-1 md:basis-0 md:overflow-hidden";

interface Row {
  price: string;
  quantity: string;
  /** Sum of quantities from the best price to this level, as text with the lot's decimals. */
  cumulative: string;
  /** Depth bar length, per mille of the side's total shown. */
  barPermille: number;
}

/**
 * Cumulative depth per level and the bar lengths, in exact decimals: the bar ratio is an integer
 * division of the two sums, never a float of an amount.
 */
function rowsOf(levels: readonly Level[]): Row[] {
  let sum = decimal("0");
  const sums = levels.map(([, quantity]) => {
    sum = add(sum, decimal(quantity));
    return sum;
  });
  const total = sums.at(-1);
  return levels.map(([price, quantity], index) => {
    const cumulative = sums[index] ?? sum;
    let barPermille = 0;
    if (total && total.units > 0n) {
      const scale = Math.max(cumulative.scale, total.scale);
      const widen = (d: typeof total) => d.units * 10n ** BigInt(scale - d.scale);
      barPermille = Number((widen(cumulative) * 1000n) / widen(total));
    }
    return { price, quantity, cumulative: formatDecimal(cumulative), barPermille };
  });
}

/**
 * The live order book: asks above (best at the bottom), the last price and the spread in the
 * middle, bids below. Depth bars show the cumulative quantity; clicking a level puts its price
 * in the order form.
 */
export function OrderBook() {
  const { market, format, pickPrice, loggedIn } = useTrade();
  const t = useTranslations("trade.book");
  const depth = useDepth(market.symbol, LEVELS);
  const mine = useMyPrices(market.symbol, loggedIn);
  const ticker = useTicker(market.symbol);
  const asks = useMemo(() => rowsOf(depth.asks), [depth.asks]);
  const bids = useMemo(() => rowsOf(depth.bids), [depth.bids]);
  const bestAsk = depth.asks[0]?.[0];
  const bestBid = depth.bids[0]?.[0];
  const spread =
    bestAsk && bestBid ? formatDecimal(subtract(decimal(bestAsk), decimal(bestBid))) : null;
  const last = ticker.data?.last ?? null;
  // Where the last trade sits against the book: at or above the best ask (buyers took), at or
  // below the best bid (sellers took). Told by an arrow as well as the colour.
  const lastMove =
    last && bestAsk && compare(decimal(last), decimal(bestAsk)) >= 0
      ? "up"
      : last && bestBid && compare(decimal(last), decimal(bestBid)) <= 0
        ? "down"
        : "flat";
  const lastTone = lastMove === "up" ? "text-up" : lastMove === "down" ? "text-down" : "text-ink";

  return (
    <Panel title={t("title")} area="book" testId="order-book" className="md:min-h-[30rem]">
      <div className="grid h-6 shrink-0 grid-cols-3 items-center px-3 text-[11px] text-ink-faint">
        <span>{t("price", { asset: format.quote })}</span>
        <span className="text-right">{t("amount", { asset: format.base })}</span>
        <span className="text-right">{t("total", { asset: format.base })}</span>
      </div>
      {depth.failed ? (
        <PanelError onRetry={depth.retry}>{t("failed")}</PanelError>
      ) : !depth.ready ? (
        <PanelMessage loading>{t("loading")}</PanelMessage>
      ) : (
        <>
          {/* Asks: nearest the spread at the bottom; levels beyond the panel's height are cut. */}
          <ol aria-label={t("asks")} className={`flex-col-reverse ${SIDE_LIST}`}>
            {asks.map((row) => (
              <BookRow
                key={row.price}
                row={row}
                side="ask"
                onPick={pickPrice}
                mine={mine.has(`sell:${trimZeros(row.price)}`)}
              />
            ))}
            {asks.length === 0 ? <EmptySide>{t("noAsks")}</EmptySide> : null}
          </ol>
          <div className="flex h-9 shrink-0 items-center gap-3 border-y border-line px-3">
            <span className="sr-only">{t("lastPrice")}</span>
            <span
              data-testid="book-last-price"
              className={`text-base font-semibold tabular-nums ${lastTone}`}
            >
              {last ? format.price(last) : "—"}
            </span>
            <MoveArrow move={lastMove} className={lastTone} />
            {spread ? (
              <span className="ml-auto text-[11px] text-ink-faint tabular-nums">
                {t("spread", { value: format.price(spread) })}
              </span>
            ) : null}
          </div>
          <ol aria-label={t("bids")} className={`flex-col ${SIDE_LIST}`}>
            {bids.map((row) => (
              <BookRow
                key={row.price}
                row={row}
                side="bid"
                onPick={pickPrice}
                mine={mine.has(`buy:${trimZeros(row.price)}`)}
              />
            ))}
            {bids.length === 0 ? <EmptySide>{t("noBids")}</EmptySide> : null}
          </ol>
        </>
      )}
    </Panel>
  );
}

/** "side:price" of the trader's own resting orders, to mark their levels in the book. */
function useMyPrices(symbol: string, loggedIn: boolean): ReadonlySet<string> {
  const trpc = useTRPC();
  // The same query as the open-orders count, so it costs no extra request.
  const orders = useQuery({
    ...trpc.trading.openOrders.queryOptions({ symbol, limit: 200 }),
    enabled: loggedIn,
    refetchInterval: usePrivatePollMs(),
  });
  return useMemo(
    () =>
      new Set(
        (orders.data?.items ?? []).flatMap((order) =>
          order.type === "limit" && order.price ? [`${order.side}:${trimZeros(order.price)}`] : [],
        ),
      ),
    [orders.data],
  );
}

function BookRow({
  row,
  side,
  onPick,
  mine,
}: {
  row: Row;
  side: "ask" | "bid";
  onPick: (price: string) => void;
  mine: boolean;
}) {
  const { format } = useTrade();
  const t = useTranslations("trade.book");
  const price = format.price(row.price);
  const amount = format.quantity(row.quantity);
  // A button per level: Tab reaches it, Enter or Space puts its price in the order form, and
  // its name starts with the side it is on ("Ask 2,345.67 …"), not only its colour.
  return (
    <li className="shrink-0" data-testid={side === "ask" ? "book-ask" : "book-bid"}>
      <button
        type="button"
        onClick={() => onPick(row.price)}
        title={t("usePrice", { price })}
        className="relative grid h-5 w-full grid-cols-3 items-center px-3 text-xs tabular-nums hover:bg-hover focus-visible:bg-hover focus-visible:outline-offset-[-2px] max-md:h-10"
      >
        <span
          aria-hidden="true"
          className={`absolute inset-y-0 right-0 ${side === "ask" ? "bg-down/12" : "bg-up/12"}`}
          style={{ width: `${row.barPermille / 10}%` }}
        />
        <span className="sr-only">{t(side)} </span>
        <span
          data-testid="book-price"
          className={`relative text-left ${side === "ask" ? "text-down" : "text-up"}`}
        >
          {mine ? (
            <span
              title={t("yours")}
              className="absolute top-1/2 -left-2 size-1 -translate-y-1/2 rounded-full bg-warn"
            />
          ) : null}
          {price}
        </span>
        <span className="relative text-right text-ink">{amount}</span>
        <span className="relative text-right text-ink-muted">
          {format.quantity(row.cumulative)}
        </span>
      </button>
    </li>
  );
}

function EmptySide({ children }: { children: string }) {
  return <li className="px-3 py-2 text-xs text-ink-faint">{children}</li>;
}

/** ▲ / ▼ beside a price that moved, so the direction never rests on colour alone. */
export function MoveArrow({
  move,
  className,
}: {
  move: "up" | "down" | "flat";
  className?: string;
}) {
  const t = useTranslations("trade.bar");
  if (move === "flat") return null;
  return (
    <span className={`text-xs ${className ?? ""}`}>
      <span aria-hidden="true">{move === "up" ? "▲" : "▼"}</span>
      <span className="sr-only">{t(move)}</span>
    </span>
  );
}

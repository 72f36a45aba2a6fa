"use client";

import { useHydrated } from "@exchange/ui";
import { formatClock } from "./format";
import { Panel, PanelMessage } from "./panel";
import { useStreamState } from "./stream-provider";
import { useTrade } from "./trade-context";
import { useRecentTrades } from "./use-market-data";

/** The market's latest trades, newest first, coloured by the taker's side. */
export function RecentTrades() {
  const { market, format, pickPrice } = useTrade();
  const trades = useRecentTrades(market.symbol);
  // Times are in the trader's zone, which the server does not know.
  const hydrated = useHydrated();
  const live = useStreamState().status === "open";
  return (
    <Panel
      title="Market trades"
      area="trades"
      testId="recent-trades"
      className="h-80 xl:h-auto xl:min-h-72"
    >
      <div className="grid h-6 shrink-0 grid-cols-3 items-center px-3 text-[11px] text-ink-faint">
        <span>Price ({format.quote})</span>
        <span className="text-right">Amount ({format.base})</span>
        <span className="text-right">Time</span>
      </div>
      {trades.isPending ? (
        <PanelMessage>Loading trades…</PanelMessage>
      ) : trades.isError ? (
        <PanelMessage>
          {live ? "Waiting for the next trade…" : "Trades are unavailable right now."}
        </PanelMessage>
      ) : trades.data.length === 0 ? (
        <PanelMessage>No trades yet.</PanelMessage>
      ) : (
        <ol aria-label="Latest trades" className="min-h-0 flex-1 basis-0 overflow-y-auto">
          {trades.data.map((trade) => (
            <li key={trade.tradeId} data-testid="market-trade">
              <button
                type="button"
                onClick={() => pickPrice(trade.price)}
                className="grid h-5 w-full grid-cols-3 items-center px-3 text-xs tabular-nums hover:bg-hover"
              >
                <span className={`text-left ${trade.side === "buy" ? "text-up" : "text-down"}`}>
                  {format.price(trade.price)}
                </span>
                <span className="text-right text-ink">{format.quantity(trade.quantity)}</span>
                <span className="text-right text-ink-muted">
                  {hydrated ? formatClock(new Date(trade.time)) : ""}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

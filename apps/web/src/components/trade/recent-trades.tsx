"use client";

import { DateTime, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import { Panel, PanelError, PanelMessage } from "./panel";
import { useStreamState } from "./stream-provider";
import { useTrade } from "./trade-context";
import { useRecentTrades } from "./use-market-data";

/**
 * The market's latest trades, newest first, coloured by the taker's side and marked with an
 * arrow too (▲ a buyer took, ▼ a seller took), so the side never rests on colour alone. Times
 * are in the viewer's zone, named in the header.
 */
export function RecentTrades() {
  const { market, format, pickPrice } = useTrade();
  const t = useTranslations("trade");
  const trades = useRecentTrades(market.symbol);
  const zone = useTimeZoneLabel();
  const live = useStreamState().status === "open";
  return (
    <Panel
      title={t("trades.title")}
      area="trades"
      testId="recent-trades"
      className="h-80 max-md:h-[32rem] xl:h-auto xl:min-h-72"
    >
      <div className="grid h-6 shrink-0 grid-cols-3 items-center px-3 text-[11px] text-ink-faint">
        <span>{t("book.price", { asset: format.quote })}</span>
        <span className="text-right">{t("book.amount", { asset: format.base })}</span>
        <span className="text-right">{t("trades.time", { zone })}</span>
      </div>
      {trades.isPending ? (
        <PanelMessage loading>{t("trades.loading")}</PanelMessage>
      ) : trades.isError ? (
        live ? (
          <PanelMessage>{t("trades.waiting")}</PanelMessage>
        ) : (
          <PanelError onRetry={() => void trades.refetch()}>{t("trades.failed")}</PanelError>
        )
      ) : trades.data.length === 0 ? (
        <PanelMessage>{t("trades.empty")}</PanelMessage>
      ) : (
        <ol aria-label={t("trades.list")} className="min-h-0 flex-1 basis-0 overflow-y-auto">
          {trades.data.map((trade) => {
            const price = format.price(trade.price);
            const amount = format.quantity(trade.quantity);
            return (
              <li key={trade.tradeId} data-testid="market-trade">
                <button
                  type="button"
                  onClick={() => pickPrice(trade.price)}
                  title={t("book.usePrice", { price })}
                  className="grid h-5 w-full grid-cols-3 items-center px-3 text-xs tabular-nums hover:bg-hover focus-visible:bg-hover focus-visible:outline-offset-[-2px] max-md:h-10"
                >
                  <span className="sr-only">
                    {t(trade.side === "buy" ? "trades.bought" : "trades.sold")}{" "}
                  </span>
                  <span
                    className={`flex items-center gap-1 text-left ${
                      trade.side === "buy" ? "text-up" : "text-down"
                    }`}
                  >
                    {price}
                    <span aria-hidden="true" className="text-[9px]">
                      {trade.side === "buy" ? "▲" : "▼"}
                    </span>
                  </span>
                  <span className="text-right text-ink">{amount}</span>
                  <span className="text-right text-ink-muted">
                    <DateTime at={trade.time} format="time" />
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}

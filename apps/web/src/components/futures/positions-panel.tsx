"use client";

import { compare, decimal } from "@exchange/contracts/money";
import { Spinner, useToast } from "@exchange/ui";
import { DateTime, useErrorText, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import {
  OpenOrders,
  OrderHistory,
  Table,
  Td,
  Th,
  useOrderHistory,
} from "@/components/trade/account-panel";
import { marketHref } from "@/components/trade/market-href";
import { errorDataOf, newClientOrderId } from "@/components/trade/order-form";
import { Panel, PanelError, PanelMessage, PanelTabs } from "@/components/trade/panel";
import { useTrade } from "@/components/trade/trade-context";
import { applyOrder, usePrivatePollMs } from "@/components/trade/use-account-live";
import { useTRPC } from "@/trpc/react";
import { type FuturesPositionDto, useFutures, useFuturesAccount } from "./futures-context";
import { amountText, halfSize, pnlTone } from "./futures-math";
import { TpSlButton, TpSlDialogHost } from "./tp-sl-dialog";

type Tab = "positions" | "open" | "orders" | "history";

const TONE = { up: "text-up", down: "text-down", flat: "text-ink" } as const;

/** The trader's side of a perpetual: positions, open orders, order and position history. */
export function PositionsPanel() {
  const { loggedIn, market } = useTrade();
  const t = useTranslations("futures.panel");
  const [tab, setTab] = useState<Tab>("positions");
  const orderHistory = useOrderHistory(market.symbol, loggedIn);
  const account = useFuturesAccount(loggedIn);
  const open = account.data?.positions.filter((p) => p.side !== "flat") ?? [];
  const tabs = [
    { id: "positions" as const, label: t("positionsCount", { count: open.length }) },
    { id: "open" as const, label: t("open") },
    { id: "orders" as const, label: t("orders") },
    { id: "history" as const, label: t("history") },
  ];
  return (
    <Panel
      area="account"
      testId="positions-panel"
      className={loggedIn ? "min-h-80" : "min-h-40"}
      title={
        <div className="min-w-0 overflow-x-auto">
          <PanelTabs label={t("tabs")} tabs={tabs} current={tab} onChange={setTab} />
        </div>
      }
    >
      {!loggedIn ? (
        <PanelMessage>
          <span>
            {t.rich("logInPrompt", {
              link: (chunks) => (
                <Link
                  href={`/login?next=${encodeURIComponent(marketHref(market.symbol))}`}
                  className="inline-flex items-center font-medium text-brand hover:text-brand-hover max-md:min-h-10"
                >
                  {chunks}
                </Link>
              ),
            })}
          </span>
        </PanelMessage>
      ) : tab === "positions" ? (
        account.isPending ? (
          <PanelMessage loading>{t("loading")}</PanelMessage>
        ) : account.data === undefined ? (
          <PanelError onRetry={() => void account.refetch()}>{t("failed")}</PanelError>
        ) : (
          // A failed re-read keeps the positions last read on screen (and an open TP/SL dialog
          // with them): the next mark or push reads them again.
          <Positions positions={open} />
        )
      ) : tab === "open" ? (
        <OpenOrders symbol={market.symbol} />
      ) : tab === "orders" ? (
        <OrderHistory orders={orderHistory} />
      ) : (
        <PositionHistory />
      )}
    </Panel>
  );
}

function Positions({ positions }: { positions: FuturesPositionDto[] }) {
  const t = useTranslations("futures.panel");
  const phone = usePhoneWidth();
  if (positions.length === 0) return <PanelMessage>{t("none")}</PanelMessage>;
  // A phone gets a card per position: a table as wide as this one would hide its Close buttons.
  if (phone) {
    return (
      <TpSlDialogHost positions={positions}>
        <ul className="flex flex-col divide-y divide-line/60">
          {positions.map((position) => (
            <PositionCard key={position.symbol} position={position} />
          ))}
        </ul>
      </TpSlDialogHost>
    );
  }
  return (
    <TpSlDialogHost positions={positions}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus */}
      <div tabIndex={0} className="min-h-0 flex-1 overflow-auto">
        <table className="w-full min-w-[44rem] border-collapse text-xs tabular-nums">
          <thead className="sticky top-0 z-10 bg-surface">
            <tr className="text-[11px] text-ink-faint">
              <Th>{t("contract")}</Th>
              <Th right>{t("size")}</Th>
              <Th right>{t("entryAndMark")}</Th>
              <Th right>{t("liquidation")}</Th>
              <Th right>{t("marginAndRatio")}</Th>
              <Th right>{t("unrealisedRealised")}</Th>
              <Th right>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {positions.map((position) => (
              <PositionRow key={position.symbol} position={position} />
            ))}
          </tbody>
        </table>
      </div>
    </TpSlDialogHost>
  );
}

/** A position's figures as both layouts show them. */
function usePositionView(position: FuturesPositionDto) {
  const { market } = useTrade();
  const { mark } = useFutures();
  // The mark of the contract on screen moves with its push; another contract's is as read.
  const markPrice =
    position.symbol === market.symbol ? (mark.markPrice ?? position.markPrice) : position.markPrice;
  const ratio = position.marginRatioPercent;
  // A margin ratio of 80 % and more is close to liquidation (at 100 %).
  const ratioTone =
    ratio === null
      ? "text-ink-muted"
      : compare(decimal(ratio), decimal("80")) >= 0
        ? "text-down"
        : "text-ink";
  return { markPrice, ratio, ratioTone, long: position.side === "long" };
}

/** One position on a phone: its side and size, figures in two columns, and its Close buttons. */
function PositionCard({ position }: { position: FuturesPositionDto }) {
  const { market, format } = useTrade();
  const t = useTranslations("futures.panel");
  const { markPrice, ratio, ratioTone, long } = usePositionView(position);
  const settle = market.quoteAsset;
  const figure = (label: string, value: ReactNode, testId: string, tone = "text-ink") => (
    <div className="flex items-baseline justify-between gap-2">
      <dt className="text-ink-faint">{label}</dt>
      <dd data-testid={testId} className={`text-right ${tone}`}>
        {value}
      </dd>
    </div>
  );
  return (
    <li
      data-testid="position"
      data-symbol={position.symbol}
      data-side={position.side}
      className="flex flex-col gap-2 px-3 py-3 text-xs tabular-nums"
    >
      <div className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className={`h-8 w-0.5 rounded-full ${long ? "bg-up" : "bg-down"}`}
        />
        <span className="flex flex-col">
          <span className="font-medium text-ink">{position.symbol}</span>
          <span className="text-[11px] text-ink-faint">
            {t(`mode.${position.mode}`)} {position.leverage}×
          </span>
        </span>
        <span
          data-testid="position-size"
          className={`ml-auto text-sm font-semibold ${long ? "text-up" : "text-down"}`}
        >
          {t(`side.${position.side}`)} {format.quantity(position.size)} {market.baseAsset}
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
        {figure(
          t("unrealised"),
          `${signed(position.unrealisedPnl)} ${settle}`,
          "position-pnl",
          `font-medium ${TONE[pnlTone(position.unrealisedPnl)]}`,
        )}
        {figure(
          t("realised"),
          `${signed(position.realisedPnl)} ${settle}`,
          "position-realised",
          TONE[pnlTone(position.realisedPnl)],
        )}
        {figure(
          t("entry"),
          position.entryPrice ? format.price(position.entryPrice) : "—",
          "position-entry",
        )}
        {figure(t("mark"), markPrice ? format.price(markPrice) : "—", "position-mark")}
        {figure(
          t("liquidation"),
          position.liquidationPrice ? format.price(position.liquidationPrice) : "—",
          "position-liquidation",
          "text-warn",
        )}
        {figure(
          t("marginRatio"),
          ratio === null ? "—" : `${ratio}%`,
          "position-margin-ratio",
          ratioTone,
        )}
        {figure(
          t("margin"),
          `${amountText(decimal(position.margin))} ${settle}`,
          "position-margin",
        )}
      </dl>
      <div className="flex justify-end">
        <CloseButtons position={position} />
      </div>
    </li>
  );
}

function PositionRow({ position }: { position: FuturesPositionDto }) {
  const { market, format } = useTrade();
  const t = useTranslations("futures.panel");
  const settle = market.quoteAsset;
  const { markPrice, ratio, ratioTone, long } = usePositionView(position);
  const pnl = pnlTone(position.unrealisedPnl);
  return (
    <tr
      data-testid="position"
      data-symbol={position.symbol}
      data-side={position.side}
      className="border-b border-line/60 hover:bg-hover"
    >
      <Td>
        <span className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`h-7 w-0.5 rounded-full ${long ? "bg-up" : "bg-down"}`}
          />
          <span>
            <span className="block font-medium">{position.symbol}</span>
            <span className="block text-[11px] text-ink-faint">
              {t(`mode.${position.mode}`)} {position.leverage}×
            </span>
          </span>
        </span>
      </Td>
      <Td right>
        <span
          data-testid="position-size"
          className={`font-medium ${long ? "text-up" : "text-down"}`}
        >
          {t(`side.${position.side}`)} {format.quantity(position.size)} {market.baseAsset}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-entry" className="block">
          {position.entryPrice ? format.price(position.entryPrice) : "—"}
        </span>
        <span data-testid="position-mark" className="block text-[11px] text-ink-muted">
          {markPrice ? format.price(markPrice) : "—"}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-liquidation" className="text-warn">
          {position.liquidationPrice ? format.price(position.liquidationPrice) : "—"}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-margin" className="block">
          {amountText(decimal(position.margin))} {settle}
        </span>
        <span data-testid="position-margin-ratio" className={`block text-[11px] ${ratioTone}`}>
          {ratio === null ? "—" : `${ratio}%`}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-pnl" className={`block font-medium ${TONE[pnl]}`}>
          {signed(position.unrealisedPnl)} {settle}
        </span>
        <span
          data-testid="position-realised"
          className={`block text-[11px] ${TONE[pnlTone(position.realisedPnl)]}`}
        >
          {signed(position.realisedPnl)} {settle}
        </span>
      </Td>
      <Td right>
        <CloseButtons position={position} stacked />
      </Td>
    </tr>
  );
}

/** "+12.5", "-3.2", "0": a PnL with its sign. */
function signed(value: string): string {
  const text = amountText(decimal(value));
  return decimal(value).units > 0n ? `+${text}` : text;
}

/**
 * Close the whole position, or half of it, at the market, reduce-only; and set its TP/SL (on
 * the contract on screen, whose last price and terms the dialog works with).
 */
function CloseButtons({
  position,
  stacked = false,
}: {
  position: FuturesPositionDto;
  /** In the table: TP/SL above the two Close buttons, so the column stays narrow. */
  stacked?: boolean;
}) {
  const { market, format } = useTrade();
  const t = useTranslations("futures.panel");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const place = useMutation(trpc.trading.placeOrder.mutationOptions());
  const [closing, setClosing] = useState<"all" | "half" | null>(null);
  const half = halfSize(position.size, market.lotSize);
  const close = (part: "all" | "half") => {
    const quantity = part === "all" ? position.size : half;
    if (!quantity) return;
    setClosing(part);
    place.mutate(
      {
        symbol: position.symbol,
        side: position.side === "long" ? "sell" : "buy",
        type: "market",
        quantity,
        reduceOnly: true,
        clientOrderId: newClientOrderId(),
      },
      {
        onSuccess: ({ order }) => {
          applyOrder(queryClient, trpc, order);
          void queryClient.invalidateQueries(trpc.futures.account.pathFilter());
          void queryClient.invalidateQueries(trpc.futures.positionHistory.pathFilter());
          toast({
            tone: "success",
            title: t(part === "all" ? "closed" : "closedHalf", {
              quantity: format.quantity(order.filledQuantity),
              asset: market.baseAsset,
            }),
          });
        },
        onError: (error) =>
          toast({
            tone: "error",
            title: t("closeFailed"),
            description:
              errorDataOf(error)?.rejectCode === 902 ? t("nothingToClose") : errorText(error),
          }),
        onSettled: () => setClosing(null),
      },
    );
  };
  const look =
    "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-ink-muted ring-1 ring-line-strong ring-inset hover:bg-raised hover:text-ink disabled:opacity-50 max-md:min-h-10";
  const tpsl =
    position.symbol === market.symbol ? <TpSlButton position={position} look={look} /> : null;
  return (
    <span className={stacked ? "inline-flex flex-col items-end gap-1" : "inline-flex gap-1.5"}>
      {tpsl}
      <span className="inline-flex gap-1.5">
        <button
          type="button"
          onClick={() => close("half")}
          disabled={closing !== null || half === null}
          className={look}
        >
          {closing === "half" ? <Spinner /> : null}
          {t("closeHalf")}
        </button>
        <button
          type="button"
          onClick={() => close("all")}
          disabled={closing !== null}
          className={look}
        >
          {closing === "all" ? <Spinner /> : null}
          {t("closeAll")}
        </button>
      </span>
    </span>
  );
}

/** Each step of the trader's positions in this contract: trades, funding, liquidations. */
function PositionHistory() {
  const { market, format } = useTrade();
  const t = useTranslations("futures.panel");
  const zone = useTimeZoneLabel();
  const trpc = useTRPC();
  const history = useInfiniteQuery({
    ...trpc.futures.positionHistory.infiniteQueryOptions(
      { symbol: market.symbol, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    refetchInterval: usePrivatePollMs() || 10_000,
  });
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const settle = market.quoteAsset;
  return (
    <Table
      query={history}
      loading={t("loadingHistory")}
      failed={t("failedHistory")}
      empty={t("emptyHistory")}
      head={
        <>
          <Th>{t("time", { zone })}</Th>
          <Th>{t("event")}</Th>
          <Th right>{t("after")}</Th>
          <Th right>{t("realised")}</Th>
          <Th right>{t("funding")}</Th>
        </>
      }
    >
      {items.map((item) => (
        <tr
          key={item.id}
          data-testid="position-event"
          data-kind={item.kind}
          className="border-b border-line/60 hover:bg-hover"
        >
          <Td muted>
            <DateTime at={item.at} format="dateTimeBare" />
          </Td>
          <Td>
            <span className={item.kind === "liquidation" ? "font-medium text-down" : ""}>
              {t(`kind.${item.kind}`)}
            </span>
          </Td>
          <Td right>
            {item.side === "flat"
              ? t("side.flat")
              : `${t(`side.${item.side}`)} ${format.quantity(item.size)} ${market.baseAsset}`}
          </Td>
          <Td right>
            <span className={TONE[pnlTone(item.realisedPnl)]}>
              {signed(item.realisedPnl)} {settle}
            </span>
          </Td>
          <Td right muted>
            {item.funding === null ? "—" : `${signed(item.funding)} ${settle}`}
          </Td>
        </tr>
      ))}
    </Table>
  );
}

/** Below the `md` width (768 px), as the screen's phone layout; false until mounted. */
function usePhoneWidth(): boolean {
  const [phone, setPhone] = useState(false);
  useEffect(() => {
    const query = window.matchMedia("(max-width: 767.98px)");
    const update = () => setPhone(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return phone;
}

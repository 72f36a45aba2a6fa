"use client";

import { compare, decimal } from "@exchange/contracts/money";
import { Spinner, useToast } from "@exchange/ui";
import { DateTime, useErrorText, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
        ) : account.isError ? (
          <PanelError onRetry={() => void account.refetch()}>{t("failed")}</PanelError>
        ) : (
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
  if (positions.length === 0) return <PanelMessage>{t("none")}</PanelMessage>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
    <div tabIndex={0} className="min-h-0 flex-1 overflow-auto">
      <table className="w-full min-w-[56rem] border-collapse text-xs tabular-nums">
        <thead className="sticky top-0 z-10 bg-surface">
          <tr className="text-[11px] text-ink-faint">
            <Th>{t("contract")}</Th>
            <Th right>{t("size")}</Th>
            <Th right>{t("entry")}</Th>
            <Th right>{t("mark")}</Th>
            <Th right>{t("liquidation")}</Th>
            <Th right>{t("marginRatio")}</Th>
            <Th right>{t("margin")}</Th>
            <Th right>{t("unrealised")}</Th>
            <Th right>{t("realised")}</Th>
            <Th right>{t("close")}</Th>
          </tr>
        </thead>
        <tbody>
          {positions.map((position) => (
            <PositionRow key={position.symbol} position={position} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PositionRow({ position }: { position: FuturesPositionDto }) {
  const { market, format } = useTrade();
  const { mark } = useFutures();
  const t = useTranslations("futures.panel");
  const settle = market.quoteAsset;
  // The mark of the contract on screen moves with its push; another contract's is as read.
  const markPrice =
    position.symbol === market.symbol ? (mark.markPrice ?? position.markPrice) : position.markPrice;
  const long = position.side === "long";
  const pnl = pnlTone(position.unrealisedPnl);
  const ratio = position.marginRatioPercent;
  // A margin ratio of 80 % and more is close to liquidation (at 100 %).
  const ratioTone =
    ratio === null
      ? "text-ink-muted"
      : compare(decimal(ratio), decimal("80")) >= 0
        ? "text-down"
        : "text-ink";
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
            className={`h-4 w-0.5 rounded-full ${long ? "bg-up" : "bg-down"}`}
          />
          <span className="font-medium">{position.symbol}</span>
          <span className="text-ink-faint">
            {t(`modeShort.${position.mode}`)} {position.leverage}×
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
        <span data-testid="position-entry">
          {position.entryPrice ? format.price(position.entryPrice) : "—"}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-mark">{markPrice ? format.price(markPrice) : "—"}</span>
      </Td>
      <Td right>
        <span data-testid="position-liquidation" className="text-warn">
          {position.liquidationPrice ? format.price(position.liquidationPrice) : "—"}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-margin-ratio" className={ratioTone}>
          {ratio === null ? "—" : `${ratio}%`}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-margin">
          {amountText(decimal(position.margin))} {settle}
        </span>
        <span className="block text-[11px] text-ink-faint">{t(`mode.${position.mode}`)}</span>
      </Td>
      <Td right>
        <span data-testid="position-pnl" className={`font-medium ${TONE[pnl]}`}>
          {signed(position.unrealisedPnl)} {settle}
        </span>
      </Td>
      <Td right>
        <span data-testid="position-realised" className={TONE[pnlTone(position.realisedPnl)]}>
          {signed(position.realisedPnl)} {settle}
        </span>
      </Td>
      <Td right>
        <CloseButtons position={position} />
      </Td>
    </tr>
  );
}

/** "+12.5", "-3.2", "0": a PnL with its sign. */
function signed(value: string): string {
  const text = amountText(decimal(value));
  return decimal(value).units > 0n ? `+${text}` : text;
}

/** Close the whole position, or half of it, at the market, reduce-only. */
function CloseButtons({ position }: { position: FuturesPositionDto }) {
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
  return (
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

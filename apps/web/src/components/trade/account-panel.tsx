"use client";

import { buttonClasses, Spinner, useToast } from "@exchange/ui";
import { DateTime, useErrorText, useTimeZoneLabel } from "@exchange/ui/i18n";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode, useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { AmendOrderRow } from "./amend-order-row";
import { formatAmount, type MarketFormat, marketFormat } from "./format";
import { marketsQuery } from "./market-data-api";
import { marketHref } from "./market-href";
import { Panel, PanelError, PanelMessage, PanelTabs } from "./panel";
import { useTrade } from "./trade-context";
import { usePrivatePollMs, useRefreshAccount } from "./use-account-live";

type Tab = "open" | "orders" | "trades" | "assets";
type Translate = ReturnType<typeof useTranslations<"trade.account">>;

const PAGE_SIZE = 20;

/** The trader's own side of the market: open orders, order and trade history, balances. */
export function AccountPanel() {
  const { loggedIn, market } = useTrade();
  const t = useTranslations("trade.account");
  const [tab, setTab] = useState<Tab>("open");
  const [allMarkets, setAllMarkets] = useState(false);
  const trpc = useTRPC();
  const poll = usePrivatePollMs();
  const symbol = allMarkets ? undefined : market.symbol;
  // The histories are read once the panel opens and kept, tab or no tab: the pushes of a fill
  // then find them in the cache and keep them current. Read only when their tab opens, right
  // after a fill, they could come from a read model that has not caught up yet, and no later
  // push would bring the fill.
  const orderHistory = useOrderHistory(symbol, loggedIn);
  const tradeHistory = useTradeHistory(symbol, loggedIn);
  const openCount = useQuery({
    ...trpc.trading.openOrders.queryOptions({ symbol: market.symbol, limit: 200 }),
    enabled: loggedIn,
    refetchInterval: poll,
  }).data?.items.length;

  const tabs = [
    {
      id: "open" as const,
      label:
        openCount === undefined
          ? t("open")
          : t("openCount", { count: openCount === 200 ? "200+" : String(openCount) }),
    },
    { id: "orders" as const, label: t("history") },
    { id: "trades" as const, label: t("trades") },
    { id: "assets" as const, label: t("assets") },
  ];

  return (
    <Panel
      area="account"
      testId="account-panel"
      className={loggedIn ? "min-h-80" : "min-h-40"}
      title={
        <div className="min-w-0 overflow-x-auto">
          <PanelTabs label={t("tabs")} tabs={tabs} current={tab} onChange={setTab} />
        </div>
      }
      actions={
        loggedIn && tab !== "assets" ? (
          <label className="hidden items-center gap-1.5 text-xs text-ink-muted sm:flex">
            <input
              type="checkbox"
              checked={allMarkets}
              onChange={(event) => setAllMarkets(event.target.checked)}
              className="size-3.5 accent-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
            />
            {t("allMarkets")}
          </label>
        ) : null
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
      ) : tab === "open" ? (
        <OpenOrders symbol={symbol} />
      ) : tab === "orders" ? (
        <OrderHistory orders={orderHistory} />
      ) : tab === "trades" ? (
        <TradeHistory trades={tradeHistory} />
      ) : (
        <Balances />
      )}
    </Panel>
  );
}

/** Formats for every market, by symbol (a history across markets shows each in its own). */
function useFormats(): (symbol: string) => MarketFormat | undefined {
  const trpc = useTRPC();
  // Spot and perpetual alike: a history across markets may hold both.
  const spot = useQuery(marketsQuery(trpc, false)).data ?? [];
  const contracts = useQuery(marketsQuery(trpc, true)).data ?? [];
  const markets = [...spot, ...contracts];
  return (symbol) => {
    const market = markets?.find((m) => m.symbol === symbol);
    return market ? marketFormat(market) : undefined;
  };
}

export function OpenOrders({ symbol }: { symbol: string | undefined }) {
  const trpc = useTRPC();
  const { market, format, perpetual } = useTrade();
  const t = useTranslations("trade.account");
  const zone = useTimeZoneLabel();
  const errorText = useErrorText();
  const toast = useToast();
  const refreshAccount = useRefreshAccount();
  const formats = useFormats();
  const orders = useInfiniteQuery({
    ...trpc.trading.openOrders.infiniteQueryOptions(
      { symbol, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    refetchInterval: usePrivatePollMs(),
  });
  const cancel = useMutation(trpc.trading.cancelOrder.mutationOptions());
  const cancelAll = useMutation(trpc.trading.cancelAll.mutationOptions());
  const [confirmAll, setConfirmAll] = useState(false);
  const [cancelling, setCancelling] = useState<ReadonlySet<number>>(new Set());
  /** The order whose amendment row is open, if any. */
  const [amending, setAmending] = useState<number | null>(null);
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  const hereCount = items.filter((o) => o.symbol === market.symbol).length;

  useEffect(() => {
    if (!confirmAll) return;
    const timer = setTimeout(() => setConfirmAll(false), 4_000);
    return () => clearTimeout(timer);
  }, [confirmAll]);

  function cancelOne(order: { orderId: number; symbol: string }) {
    setCancelling((current) => new Set(current).add(order.orderId));
    cancel.mutate(
      { symbol: order.symbol, orderId: order.orderId },
      {
        onSuccess: () => toast({ tone: "success", title: t("cancelled") }),
        onError: (error) =>
          toast({ tone: "error", title: t("cancelFailed"), description: errorText(error) }),
        onSettled: () => {
          refreshAccount();
          setCancelling((current) => {
            const next = new Set(current);
            next.delete(order.orderId);
            return next;
          });
        },
      },
    );
  }

  function cancelEverything() {
    if (!confirmAll) {
      setConfirmAll(true);
      return;
    }
    setConfirmAll(false);
    cancelAll.mutate(
      { symbol: market.symbol },
      {
        onSuccess: ({ cancelled }) =>
          toast({
            tone: "success",
            title: t("cancelledMany", { count: cancelled, pair: format.pair }),
          }),
        onError: (error) =>
          toast({ tone: "error", title: t("cancelManyFailed"), description: errorText(error) }),
        onSettled: refreshAccount,
      },
    );
  }

  return (
    <Table
      query={orders}
      loading={t("loadingOpen")}
      failed={t("failedOpen")}
      empty={t("emptyOpen")}
      head={
        <>
          <Th>{t("placed", { zone })}</Th>
          <Th>{t("market")}</Th>
          <Th>{t("side")}</Th>
          <Th>{t("type")}</Th>
          <Th right>{t("price")}</Th>
          <Th right>{t("trigger")}</Th>
          <Th right>{t("amount")}</Th>
          <Th right>{t("filled")}</Th>
          <Th>{t("status")}</Th>
          <Th right>
            <button
              type="button"
              onClick={cancelEverything}
              disabled={hereCount === 0 || cancelAll.isPending}
              className={`rounded px-1.5 py-0.5 font-medium whitespace-nowrap disabled:opacity-40 max-md:min-h-10 ${
                confirmAll ? "bg-down/15 text-down" : "text-brand hover:text-brand-hover"
              }`}
            >
              {cancelAll.isPending
                ? t("cancelling")
                : confirmAll
                  ? t("confirmCancelAll", { count: hereCount })
                  : t("cancelAll", { pair: format.pair })}
            </button>
          </Th>
        </>
      }
    >
      {items.map((order) => {
        const f = formats(order.symbol);
        return (
          <Fragment key={order.orderId}>
            <tr
              data-testid="open-order"
              data-order-id={order.orderId}
              className="border-b border-line/60 hover:bg-hover"
            >
              <Td muted>
                <DateTime at={order.createdAt} format="dateTimeBare" />
              </Td>
              <Td>{f?.pair ?? order.symbol}</Td>
              <Td>
                <SideLabel side={order.side} />
              </Td>
              <Td muted>{typeLabel(order, t)}</Td>
              <Td right>{order.price && f ? f.price(order.price) : t("marketPrice")}</Td>
              <Td right>{order.stopPrice && f ? f.price(order.stopPrice) : "—"}</Td>
              <Td right>{order.quantity && f ? f.quantity(order.quantity) : "—"}</Td>
              <Td right muted>
                <span data-testid="order-filled">
                  {f ? f.quantity(order.filledQuantity) : order.filledQuantity}
                </span>
              </Td>
              <Td muted>
                <span data-testid="order-state">
                  {order.working ? statusLabel(order.status, order.cancelReason, t) : t("waiting")}
                </span>
              </Td>
              <Td right>
                {/* Perpetual orders are not amended (yet): cancel and place again. */}
                {order.listId === null && !perpetual ? (
                  <button
                    type="button"
                    onClick={() => setAmending(amending === order.orderId ? null : order.orderId)}
                    aria-expanded={amending === order.orderId}
                    aria-label={t("amendOrder", { id: order.orderId })}
                    className="rounded px-1.5 py-0.5 text-xs font-medium text-ink-muted hover:bg-raised hover:text-ink max-md:min-h-10"
                  >
                    {t("amend")}
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={() => cancelOne(order)}
                  disabled={cancelling.has(order.orderId)}
                  aria-label={t("cancelOrder", { id: order.orderId })}
                  className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-ink-muted hover:bg-raised hover:text-ink disabled:opacity-50 max-md:min-h-10"
                >
                  {cancelling.has(order.orderId) ? <Spinner /> : null}
                  {t("cancel")}
                </button>
              </Td>
            </tr>
            {amending === order.orderId ? (
              <AmendOrderRow order={order} columns={10} onClose={() => setAmending(null)} />
            ) : null}
          </Fragment>
        );
      })}
    </Table>
  );
}

/**
 * Filled and cancelled orders, the latest change first (as the API lists them), with both the
 * time the order was placed and the time of its last change.
 */
export function useOrderHistory(symbol: string | undefined, enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.trading.orderHistory.infiniteQueryOptions(
      { symbol, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    enabled,
    refetchInterval: usePrivatePollMs(),
  });
}

export function OrderHistory({ orders }: { orders: ReturnType<typeof useOrderHistory> }) {
  const t = useTranslations("trade.account");
  const zone = useTimeZoneLabel();
  const formats = useFormats();
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Table
      query={orders}
      loading={t("loadingHistory")}
      failed={t("failedHistory")}
      empty={t("emptyHistory")}
      head={
        <>
          <Th>{t("updatedPlaced", { zone })}</Th>
          <Th>{t("market")}</Th>
          <Th>{t("side")}</Th>
          <Th>{t("type")}</Th>
          <Th right>{t("price")}</Th>
          <Th right>{t("avgPrice")}</Th>
          <Th right>{t("amount")}</Th>
          <Th right>{t("filled")}</Th>
          <Th right>{t("status")}</Th>
        </>
      }
    >
      {items.map((order) => {
        const f = formats(order.symbol);
        return (
          <tr
            key={order.orderId}
            data-testid="history-order"
            className="border-b border-line/60 hover:bg-hover"
          >
            <Td>
              {/* Both times in one cell: the change the list is ordered by, and below it when
                  the order was placed (so a table of ten columns still fits beside the book). */}
              <span data-testid="history-updated" className="block">
                <DateTime at={order.updatedAt} format="dateTimeBare" />
              </span>
              <span data-testid="history-placed" className="block text-[11px] text-ink-muted">
                {t("placedAt")} <DateTime at={order.createdAt} format="dateTimeBare" />
              </span>
            </Td>
            <Td>{f?.pair ?? order.symbol}</Td>
            <Td>
              <SideLabel side={order.side} />
            </Td>
            <Td muted>{typeLabel(order, t)}</Td>
            <Td right>
              {order.price && f && order.type !== "market"
                ? f.price(order.price)
                : t("marketPrice")}
            </Td>
            <Td right>{order.averagePrice && f ? f.price(order.averagePrice) : "—"}</Td>
            <Td right>
              {order.quantity && f
                ? f.quantity(order.quantity)
                : order.quoteAmount && f
                  ? `${f.total(order.quoteAmount)} ${f.quote}`
                  : "—"}
            </Td>
            <Td right>{f ? f.quantity(order.filledQuantity) : order.filledQuantity}</Td>
            <Td right muted>
              {statusLabel(order.status, order.cancelReason, t)}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

function useTradeHistory(symbol: string | undefined, enabled: boolean) {
  const trpc = useTRPC();
  return useInfiniteQuery({
    ...trpc.trading.tradeHistory.infiniteQueryOptions(
      { symbol, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    enabled,
    refetchInterval: usePrivatePollMs(),
  });
}

function TradeHistory({ trades }: { trades: ReturnType<typeof useTradeHistory> }) {
  const t = useTranslations("trade.account");
  const zone = useTimeZoneLabel();
  const formats = useFormats();
  const items = trades.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Table
      query={trades}
      loading={t("loadingTrades")}
      failed={t("failedTrades")}
      empty={t("emptyTrades")}
      head={
        <>
          <Th>{t("time", { zone })}</Th>
          <Th>{t("market")}</Th>
          <Th>{t("side")}</Th>
          <Th right>{t("price")}</Th>
          <Th right>{t("amount")}</Th>
          <Th right>{t("total")}</Th>
          <Th right>{t("fee")}</Th>
          <Th right>{t("role")}</Th>
        </>
      }
    >
      {items.map((trade) => {
        const f = formats(trade.symbol);
        return (
          <tr
            key={`${trade.tradeId}-${trade.liquidity}`}
            data-testid="my-trade"
            className="border-b border-line/60 hover:bg-hover"
          >
            <Td muted>
              <DateTime at={trade.executedAt} format="dateTimeBare" />
            </Td>
            <Td>{f?.pair ?? trade.symbol}</Td>
            <Td>
              <SideLabel side={trade.side} />
            </Td>
            <Td right>{f ? f.price(trade.price) : trade.price}</Td>
            <Td right>{f ? f.quantity(trade.quantity) : trade.quantity}</Td>
            <Td right>{f ? `${f.total(trade.quoteAmount)} ${f.quote}` : trade.quoteAmount}</Td>
            <Td right muted>
              {formatAmount(trade.fee)} {trade.feeAsset}
            </Td>
            <Td right muted>
              {trade.liquidity === "maker" ? t("maker") : t("taker")}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

function Balances() {
  const trpc = useTRPC();
  const t = useTranslations("trade.account");
  const balances = useQuery({
    ...trpc.trading.balances.queryOptions(),
    refetchInterval: usePrivatePollMs(),
  });
  if (balances.isPending) return <PanelMessage loading>{t("loadingBalances")}</PanelMessage>;
  if (balances.isError) {
    return <PanelError onRetry={() => void balances.refetch()}>{t("failedBalances")}</PanelError>;
  }
  if (balances.data.length === 0) return <PanelMessage>{t("emptyBalances")}</PanelMessage>;
  return (
    // Focusable, so a keyboard can scroll a table wider or taller than the panel.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
    <div tabIndex={0} className="min-h-0 flex-1 overflow-auto">
      <table className="w-full min-w-[32rem] border-collapse text-xs tabular-nums">
        <thead className="sticky top-0 bg-surface">
          <tr className="text-[11px] text-ink-faint">
            <Th>{t("asset")}</Th>
            <Th right>{t("total")}</Th>
            <Th right>{t("available")}</Th>
            <Th right>{t("inOrders")}</Th>
          </tr>
        </thead>
        <tbody>
          {balances.data.map((balance) => (
            <tr
              key={balance.asset}
              data-testid="balance-row"
              data-asset={balance.asset}
              className="border-b border-line/60 hover:bg-hover"
            >
              <Td>
                <span className="font-medium">{balance.asset}</span>
              </Td>
              <Td right>{formatAmount(balance.total)}</Td>
              <Td right>
                <span data-testid="balance-available">{formatAmount(balance.available)}</span>
              </Td>
              <Td right muted>
                {formatAmount(balance.frozen)}
              </Td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A scrolling table with its loading, error, empty and "load more" states. */
export function Table({
  query,
  head,
  loading,
  failed,
  empty,
  children,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
    refetch: () => unknown;
    data?: { pages: { items: unknown[] }[] } | undefined;
  };
  head: ReactNode;
  loading: string;
  failed: string;
  empty: string;
  children: ReactNode;
}) {
  const t = useTranslations("trade.account");
  if (query.isPending) return <PanelMessage loading>{loading}</PanelMessage>;
  if (query.isError) return <PanelError onRetry={() => void query.refetch()}>{failed}</PanelError>;
  const count = query.data?.pages.reduce((sum, page) => sum + page.items.length, 0) ?? 0;
  return (
    // Focusable, so a keyboard can scroll a table wider or taller than the panel.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
    <div tabIndex={0} className="min-h-0 flex-1 overflow-auto">
      <table className="w-full min-w-[40rem] border-collapse text-xs tabular-nums">
        <thead className="sticky top-0 z-10 bg-surface">
          <tr className="text-[11px] text-ink-faint">{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {count === 0 ? <PanelMessage>{empty}</PanelMessage> : null}
      {query.hasNextPage ? (
        <div className="flex justify-center py-2">
          <button
            type="button"
            onClick={() => query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className={`${buttonClasses("ghost", "sm")} max-md:h-10`}
          >
            {query.isFetchingNextPage ? <Spinner /> : null}
            {t("loadMore")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Th({ children, right }: { children?: ReactNode; right?: boolean }) {
  return (
    <th
      scope="col"
      className={`h-7 px-2.5 font-normal whitespace-nowrap ${right ? "text-right" : "text-left"}`}
    >
      {children}
    </th>
  );
}

export function Td({
  children,
  right,
  muted,
}: {
  children: ReactNode;
  right?: boolean;
  muted?: boolean;
}) {
  return (
    <td
      className={`h-7 px-2.5 py-1 whitespace-nowrap ${right ? "text-right" : "text-left"} ${
        muted ? "text-ink-muted" : "text-ink"
      }`}
    >
      {children}
    </td>
  );
}

/** Buy or sell in words, not only in colour. */
export function SideLabel({ side }: { side: "buy" | "sell" }) {
  const t = useTranslations("trade.side");
  return (
    <span className={`font-medium ${side === "buy" ? "text-up" : "text-down"}`}>{t(side)}</span>
  );
}

function typeLabel(
  order: { type: string; postOnly: boolean; timeInForce: string; listId: number | null },
  t: Translate,
): string {
  const kind = kindLabel(order, t);
  return order.listId === null ? kind : t("ocoType", { type: kind });
}

function kindLabel(order: { type: string; postOnly: boolean; timeInForce: string }, t: Translate) {
  if (order.type === "market") return t("marketType");
  if (order.type === "stopLimit") return t("stopLimitType");
  if (order.type === "takeProfitLimit") return t("takeProfitType");
  if (order.postOnly) return t("limitPostOnly");
  return order.timeInForce === "GTC" ? t("limitType") : t("limitTif", { tif: order.timeInForce });
}

const CANCEL_REASONS = {
  user: "cancelled",
  cancelAll: "cancelled",
  expired: "expired",
  selfTrade: "selfTrade",
  amended: "amended",
  oco: "oco",
  marketClosed: "marketClosed",
  liquidation: "liquidation",
  positionClosed: "positionClosed",
} as const;

function statusLabel(status: string, cancelReason: string | null, t: Translate): string {
  if (status === "FILLED") return t("statuses.filled");
  if (status === "CANCELLED") {
    const reason = CANCEL_REASONS[(cancelReason ?? "user") as keyof typeof CANCEL_REASONS];
    return t(`statuses.${reason ?? "cancelled"}`);
  }
  return t(status === "PARTIALLY_FILLED" ? "statuses.partlyFilled" : "statuses.open");
}

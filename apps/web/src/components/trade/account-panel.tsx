"use client";

import { buttonClasses, Spinner, useHydrated, useToast } from "@exchange/ui";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";
import { formatAmount, formatDateTime, type MarketFormat, marketFormat } from "./format";
import { Panel, PanelMessage, PanelTabs } from "./panel";
import { useTrade } from "./trade-context";
import { usePrivatePollMs, useRefreshAccount } from "./use-account-live";

type Tab = "open" | "orders" | "trades" | "assets";

const PAGE_SIZE = 20;

/** The trader's own side of the market: open orders, order and trade history, balances. */
export function AccountPanel() {
  const { loggedIn, market } = useTrade();
  const [tab, setTab] = useState<Tab>("open");
  const [allMarkets, setAllMarkets] = useState(false);
  const trpc = useTRPC();
  const poll = usePrivatePollMs();
  const symbol = allMarkets ? undefined : market.symbol;
  const openCount = useQuery({
    ...trpc.trading.openOrders.queryOptions({ symbol: market.symbol, limit: 200 }),
    enabled: loggedIn,
    refetchInterval: poll,
  }).data?.items.length;

  const tabs = [
    {
      id: "open" as const,
      label: `Open orders${openCount === undefined ? "" : ` (${openCount === 200 ? "200+" : openCount})`}`,
    },
    { id: "orders" as const, label: "Order history" },
    { id: "trades" as const, label: "Trade history" },
    { id: "assets" as const, label: "Assets" },
  ];

  return (
    <Panel
      area="account"
      testId="account-panel"
      className={loggedIn ? "min-h-80" : "min-h-40"}
      title={<PanelTabs label="Your account" tabs={tabs} current={tab} onChange={setTab} />}
      actions={
        loggedIn && tab !== "assets" ? (
          <label className="hidden items-center gap-1.5 text-xs text-ink-muted sm:flex">
            <input
              type="checkbox"
              checked={allMarkets}
              onChange={(event) => setAllMarkets(event.target.checked)}
              className="size-3.5 accent-brand"
            />
            All markets
          </label>
        ) : null
      }
    >
      {!loggedIn ? (
        <PanelMessage>
          <span>
            <Link
              href={`/login?next=${encodeURIComponent(`/trade/${market.symbol}`)}`}
              className="font-medium text-brand hover:text-brand-hover"
            >
              Log in
            </Link>{" "}
            to see your orders, trades and balances.
          </span>
        </PanelMessage>
      ) : tab === "open" ? (
        <OpenOrders symbol={symbol} />
      ) : tab === "orders" ? (
        <OrderHistory symbol={symbol} />
      ) : tab === "trades" ? (
        <TradeHistory symbol={symbol} />
      ) : (
        <Balances />
      )}
    </Panel>
  );
}

/** Formats for every market, by symbol (a history across markets shows each in its own). */
function useFormats(): (symbol: string) => MarketFormat | undefined {
  const trpc = useTRPC();
  const markets = useQuery(trpc.markets.list.queryOptions()).data;
  return (symbol) => {
    const market = markets?.find((m) => m.symbol === symbol);
    return market ? marketFormat(market) : undefined;
  };
}

function OpenOrders({ symbol }: { symbol: string | undefined }) {
  const trpc = useTRPC();
  const { market, format } = useTrade();
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
        onSuccess: () => toast({ tone: "success", title: "Order cancelled" }),
        onError: (error) =>
          toast({ tone: "error", title: "Could not cancel the order", description: error.message }),
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
            title: `${cancelled} ${format.pair} order${cancelled === 1 ? "" : "s"} cancelled`,
          }),
        onError: (error) =>
          toast({
            tone: "error",
            title: "Could not cancel the orders",
            description: error.message,
          }),
        onSettled: refreshAccount,
      },
    );
  }

  return (
    <Table
      query={orders}
      empty="No open orders."
      head={
        <>
          <Th>Time</Th>
          <Th>Market</Th>
          <Th>Side</Th>
          <Th>Type</Th>
          <Th right>Price</Th>
          <Th right>Amount</Th>
          <Th right>Filled</Th>
          <Th right>
            <button
              type="button"
              onClick={cancelEverything}
              disabled={hereCount === 0 || cancelAll.isPending}
              className={`rounded px-1.5 py-0.5 font-medium whitespace-nowrap disabled:opacity-40 ${
                confirmAll ? "bg-down/15 text-down" : "text-brand hover:text-brand-hover"
              }`}
            >
              {cancelAll.isPending
                ? "Cancelling…"
                : confirmAll
                  ? `Confirm: cancel ${hereCount}`
                  : `Cancel all ${format.pair}`}
            </button>
          </Th>
        </>
      }
    >
      {items.map((order) => {
        const f = formats(order.symbol);
        return (
          <tr
            key={order.orderId}
            data-testid="open-order"
            className="border-b border-line/60 hover:bg-hover"
          >
            <Td muted>
              <Time at={order.createdAt} />
            </Td>
            <Td>{f?.pair ?? order.symbol}</Td>
            <Td>
              <SideLabel side={order.side} />
            </Td>
            <Td muted>{typeLabel(order)}</Td>
            <Td right>{order.price && f ? f.price(order.price) : "Market"}</Td>
            <Td right>{order.quantity && f ? f.quantity(order.quantity) : "—"}</Td>
            <Td right muted>
              {f ? f.quantity(order.filledQuantity) : order.filledQuantity}
            </Td>
            <Td right>
              <button
                type="button"
                onClick={() => cancelOne(order)}
                disabled={cancelling.has(order.orderId)}
                aria-label={`Cancel order ${order.orderId}`}
                className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-ink-muted hover:bg-raised hover:text-ink disabled:opacity-50"
              >
                {cancelling.has(order.orderId) ? <Spinner /> : null}
                Cancel
              </button>
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

function OrderHistory({ symbol }: { symbol: string | undefined }) {
  const trpc = useTRPC();
  const formats = useFormats();
  const orders = useInfiniteQuery({
    ...trpc.trading.orderHistory.infiniteQueryOptions(
      { symbol, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    refetchInterval: usePrivatePollMs(),
  });
  const items = orders.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Table
      query={orders}
      empty="No filled or cancelled orders yet."
      head={
        <>
          <Th>Time</Th>
          <Th>Market</Th>
          <Th>Side</Th>
          <Th>Type</Th>
          <Th right>Price</Th>
          <Th right>Avg price</Th>
          <Th right>Amount</Th>
          <Th right>Filled</Th>
          <Th right>Status</Th>
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
            <Td muted>
              <Time at={order.updatedAt} />
            </Td>
            <Td>{f?.pair ?? order.symbol}</Td>
            <Td>
              <SideLabel side={order.side} />
            </Td>
            <Td muted>{typeLabel(order)}</Td>
            <Td right>
              {order.price && f && order.type === "limit" ? f.price(order.price) : "Market"}
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
              {statusLabel(order.status, order.cancelReason)}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

function TradeHistory({ symbol }: { symbol: string | undefined }) {
  const trpc = useTRPC();
  const formats = useFormats();
  const trades = useInfiniteQuery({
    ...trpc.trading.tradeHistory.infiniteQueryOptions(
      { symbol, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    refetchInterval: usePrivatePollMs(),
  });
  const items = trades.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Table
      query={trades}
      empty="No trades yet."
      head={
        <>
          <Th>Time</Th>
          <Th>Market</Th>
          <Th>Side</Th>
          <Th right>Price</Th>
          <Th right>Amount</Th>
          <Th right>Total</Th>
          <Th right>Fee</Th>
          <Th right>Role</Th>
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
              <Time at={trade.executedAt} />
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
              {trade.liquidity === "maker" ? "Maker" : "Taker"}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

function Balances() {
  const trpc = useTRPC();
  const balances = useQuery({
    ...trpc.trading.balances.queryOptions(),
    refetchInterval: usePrivatePollMs(),
  });
  if (balances.isPending) return <PanelMessage>Loading balances…</PanelMessage>;
  if (balances.isError) return <PanelMessage>Balances are unavailable right now.</PanelMessage>;
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <table className="w-full min-w-[32rem] border-collapse text-xs tabular-nums">
        <thead className="sticky top-0 bg-surface">
          <tr className="text-[11px] text-ink-faint">
            <Th>Asset</Th>
            <Th right>Total</Th>
            <Th right>Available</Th>
            <Th right>In orders</Th>
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
function Table({
  query,
  head,
  empty,
  children,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => unknown;
    data?: { pages: { items: unknown[] }[] } | undefined;
  };
  head: ReactNode;
  empty: string;
  children: ReactNode;
}) {
  if (query.isPending) return <PanelMessage>Loading…</PanelMessage>;
  if (query.isError) return <PanelMessage>This list is unavailable right now.</PanelMessage>;
  const count = query.data?.pages.reduce((sum, page) => sum + page.items.length, 0) ?? 0;
  return (
    <div className="min-h-0 flex-1 overflow-auto">
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
            className={buttonClasses("ghost", "sm")}
          >
            {query.isFetchingNextPage ? <Spinner /> : null}
            Load more
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Th({ children, right }: { children?: ReactNode; right?: boolean }) {
  return (
    <th
      scope="col"
      className={`h-7 px-3 font-normal whitespace-nowrap ${right ? "text-right" : "text-left"}`}
    >
      {children}
    </th>
  );
}

function Td({ children, right, muted }: { children: ReactNode; right?: boolean; muted?: boolean }) {
  return (
    <td
      className={`h-7 px-3 whitespace-nowrap ${right ? "text-right" : "text-left"} ${
        muted ? "text-ink-muted" : "text-ink"
      }`}
    >
      {children}
    </td>
  );
}

function SideLabel({ side }: { side: "buy" | "sell" }) {
  return (
    <span className={`font-medium ${side === "buy" ? "text-up" : "text-down"}`}>
      {side === "buy" ? "Buy" : "Sell"}
    </span>
  );
}

/** Dates render in the trader's zone, which only the browser knows. */
function Time({ at }: { at: Date }) {
  const hydrated = useHydrated();
  return <>{hydrated ? formatDateTime(new Date(at)) : ""}</>;
}

function typeLabel(order: { type: string; postOnly: boolean; timeInForce: string }): string {
  if (order.type === "market") return "Market";
  if (order.postOnly) return "Limit · Post only";
  return order.timeInForce === "GTC" ? "Limit" : `Limit · ${order.timeInForce}`;
}

const CANCEL_REASONS: Record<string, string> = {
  user: "Cancelled",
  cancelAll: "Cancelled",
  expired: "Expired",
  selfTrade: "Cancelled (self-trade)",
};

function statusLabel(status: string, cancelReason: string | null): string {
  if (status === "FILLED") return "Filled";
  if (status === "CANCELLED") return CANCEL_REASONS[cancelReason ?? "user"] ?? "Cancelled";
  return status === "PARTIALLY_FILLED" ? "Partly filled" : "Open";
}

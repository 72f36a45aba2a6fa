import type { Balance } from "@exchange/contracts/balance";
import { channels, type PrivateTopic } from "@exchange/contracts/channels";
import type { OrderWire } from "@exchange/contracts/order";
import { type FillWire, isFillPush } from "@exchange/contracts/trade";
import type { WalletUpdateInput } from "@exchange/contracts/wallet";
import type { BusFanOut, BusListener } from "./bus-fan-out";
import {
  accountPositionEvent,
  balanceUpdateEvent,
  binanceOrderStatus,
  cancelExecutionType,
  executionReport,
  reportedFill,
  sameAmount,
  sumAmount,
} from "./user-events";

/** What an order's reports have said so far. */
interface OrderProgress {
  order: OrderWire;
  /** Filled quantity and quote reported so far; undefined when the order predates this feed. */
  reported: { quantity: string; quote: string } | undefined;
  /** The order was cancelled but its last fills have not been reported yet. */
  cancelPending: boolean;
}

/** How long a cancellation waits for the fills published with it before it is reported anyway. */
const CANCEL_WAIT_MS = 200;
/** Orders remembered at most per feed: the oldest finished ones are forgotten first. */
const ORDERS_KEPT = 2_000;
const TOPICS: readonly PrivateTopic[] = ["order", "account", "balance", "wallet"];

/**
 * One user's data stream in Binance's events, for one connection. The job publishes an order's
 * new state before the fills that caused it, so a fill becomes the `TRADE` report (with the
 * order as it now is, and the cumulative quantity counted fill by fill) and a cancellation is
 * reported once its fills have been.
 */
export class UserStreamFeed {
  private readonly orders = new Map<number, OrderProgress>();
  private readonly listeners = new Map<string, BusListener>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly bus: BusFanOut,
    private readonly userId: number,
    private readonly emit: (event: object) => void,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    const handlers: Record<string, (message: string) => void> = {
      order: (m) => this.onOrder(JSON.parse(m) as OrderWire),
      account: (m) => {
        const data: unknown = JSON.parse(m);
        // The channel also carries the trader's in-app notifications and loan changes, which
        // Binance has not.
        if (isFillPush(data)) this.onFill(data as FillWire);
      },
      balance: (m) => this.emit(accountPositionEvent(JSON.parse(m) as Balance, this.now())),
      wallet: (m) => {
        const event = balanceUpdateEvent(JSON.parse(m) as WalletUpdateInput, this.now());
        if (event) this.emit(event);
      },
    };
    await Promise.all(
      TOPICS.map((topic) => {
        const listener = handlers[topic] as BusListener;
        const busName = channels.user(this.userId, topic);
        this.listeners.set(busName, listener);
        return this.bus.listen(busName, listener);
      }),
    );
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const listeners = [...this.listeners];
    this.listeners.clear();
    await Promise.all(listeners.map(([busName, l]) => this.bus.unlisten(busName, l)));
  }

  private onOrder(order: OrderWire): void {
    let progress = this.orders.get(order.orderId);
    if (!progress) {
      const placedNow = Number(order.createdAt) === Number(order.updatedAt);
      progress = {
        order,
        reported: placedNow ? { quantity: "0", quote: "0" } : undefined,
        cancelPending: false,
      };
      this.remember(order.orderId, progress);
      if (placedNow) this.report(progress, "NEW", "NEW");
    }
    progress.order = order;
    if (order.status === "CANCELLED" && !progress.cancelPending) {
      progress.cancelPending = true;
      if (this.caughtUp(progress)) this.reportCancel(progress);
      else this.waitForFills(progress);
    }
  }

  private onFill(fillWire: FillWire): void {
    const progress = this.orders.get(fillWire.orderId);
    if (!progress) return;
    const fill = reportedFill(fillWire);
    const { order } = progress;
    const cumulative = progress.reported
      ? {
          quantity: sumAmount(progress.reported.quantity, fill.quantity),
          quote: sumAmount(progress.reported.quote, fill.quoteAmount),
        }
      : { quantity: order.filledQuantity, quote: order.filledQuote };
    progress.reported = cumulative;
    const last = this.caughtUp(progress);
    const status = last && order.status === "FILLED" ? "FILLED" : "PARTIALLY_FILLED";
    this.emit(
      executionReport({ order, execution: "TRADE", status, fill, cumulative, eventMs: this.now() }),
    );
    if (last && progress.cancelPending) this.reportCancel(progress);
    else if (status === "FILLED") this.orders.delete(order.orderId);
  }

  private caughtUp(progress: OrderProgress): boolean {
    const reported = progress.reported?.quantity ?? progress.order.filledQuantity;
    return sameAmount(reported, progress.order.filledQuantity);
  }

  private waitForFills(progress: OrderProgress): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (progress.cancelPending) this.reportCancel(progress);
    }, CANCEL_WAIT_MS);
    timer.unref();
    this.timers.add(timer);
  }

  private reportCancel(progress: OrderProgress): void {
    progress.cancelPending = false;
    const { order } = progress;
    progress.reported = { quantity: order.filledQuantity, quote: order.filledQuote };
    this.report(progress, cancelExecutionType(order), binanceOrderStatus(order));
    this.orders.delete(order.orderId);
  }

  private report(
    progress: OrderProgress,
    execution: "NEW" | ReturnType<typeof cancelExecutionType>,
    status: string,
  ): void {
    const cumulative = progress.reported ?? {
      quantity: progress.order.filledQuantity,
      quote: progress.order.filledQuote,
    };
    this.emit(
      executionReport({
        order: progress.order,
        execution,
        status,
        cumulative,
        eventMs: this.now(),
      }),
    );
  }

  private remember(orderId: number, progress: OrderProgress): void {
    this.orders.set(orderId, progress);
    if (this.orders.size <= ORDERS_KEPT) return;
    const oldest = this.orders.keys().next().value;
    if (oldest !== undefined) this.orders.delete(oldest);
  }
}

import type { OrderStatus } from "@exchange/contracts/order";
import { isFinal, progressOf, startOrderLife } from "@exchange/contracts/order-life";
import { fillsOfTrade, type UserFill } from "@exchange/contracts/trade";
import type {
  CancelReason,
  ExchangeCore,
  OrderType,
  Side,
  StopOrderType,
  TimeInForce,
} from "@exchange/core";
import type { WireCoreEvent } from "@exchange/protocol";
import type { OutcomeRecord } from "../projector/outcome-batch";
import { DepthBook, type DepthDiff } from "./depth-book";

type Event<T extends WireCoreEvent["type"]> = Extract<WireCoreEvent, { type: T }>;
export type TradeFact = Event<"trade"> & { seq: number };

/** An order as its owner follows it, in engine units. */
export interface OrderState {
  orderId: number;
  userId: number;
  symbol: string;
  clientOrderId: string | null;
  side: Side;
  orderType: OrderType;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  timeInForce: TimeInForce;
  postOnly: boolean;
  status: OrderStatus;
  filledLots: bigint;
  filledQuoteAtoms: bigint;
  cancelReason: CancelReason | null;
  stopOrderType: StopOrderType | null;
  stopPriceTicks: bigint | null;
  listId: number | null;
  /** False while a stop order waits for its trigger. */
  working: boolean;
  workingAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A user's funds in one asset after a change. */
export interface BalanceState {
  userId: number;
  asset: string;
  availableAtoms: bigint;
  frozenAtoms: bigint;
}

/** One side of a trade, as the user on that side sees it. */
export type FillFact = UserFill;

/** What one batch of outcomes changed, ready to be stored and published. */
export interface MarketDataBatch {
  /** Highest journal seq in the batch: the job's new offset. */
  lastSeq: number;
  depth: DepthDiff[];
  trades: TradeFact[];
  /** Each order touched, in its state after the batch. */
  orders: OrderState[];
  /** Each (user, asset) whose funds moved, after the batch. */
  balances: BalanceState[];
  fills: FillFact[];
  /** Markets the engine added in this batch. */
  addedMarkets: string[];
}

/**
 * The market-data job's view of the engine: every market's price levels, every open order and
 * every user's funds. Seeded from the engine's own state at the job's offset (`fromCore`), then
 * moved forward by outcomes; pure, so the same outcomes always give the same batch.
 */
export class MarketDataState {
  readonly books = new Map<string, DepthBook>();
  private readonly orders = new Map<number, OrderState>();
  private readonly balances = new Map<string, BalanceState>();

  /** The state as the engine's core holds it (after `recoverState` up to the job's offset). */
  static fromCore(core: ExchangeCore): MarketDataState {
    const state = new MarketDataState();
    for (const symbol of core.symbols()) {
      const depth = core.depth(symbol, Number.MAX_SAFE_INTEGER);
      if (!depth) continue;
      const book = new DepthBook(symbol, depth.seq);
      for (const level of depth.bids) book.setLevel("buy", level.priceTicks, level.qtyLots);
      for (const level of depth.asks) book.setLevel("sell", level.priceTicks, level.qtyLots);
      state.books.set(symbol, book);
    }
    const assets = core.assetCodes();
    for (const userId of core.userIds()) {
      for (const asset of assets) {
        const { availableAtoms, frozenAtoms } = core.balance(userId, asset);
        if (availableAtoms !== 0n || frozenAtoms !== 0n)
          state.balances.set(balanceKey(userId, asset), {
            userId,
            asset,
            availableAtoms,
            frozenAtoms,
          });
      }
      for (const o of core.openOrders(userId)) {
        state.orders.set(o.orderId, {
          orderId: o.orderId,
          userId: o.userId,
          symbol: o.symbol,
          clientOrderId: o.clientOrderId,
          side: o.side,
          // Only limit orders rest; a market order never outlives its command.
          orderType: "limit",
          priceTicks: o.priceTicks,
          qtyLots: o.qtyLots,
          quoteAtoms: 0n,
          timeInForce: o.timeInForce,
          postOnly: o.postOnly,
          status: o.filledLots > 0n ? "PARTIALLY_FILLED" : "OPEN",
          filledLots: o.filledLots,
          filledQuoteAtoms: o.filledQuoteAtoms,
          cancelReason: null,
          stopOrderType: o.stopOrderType,
          stopPriceTicks: o.stopPriceTicks,
          listId: o.listId,
          working: !o.waiting,
          // The core keeps a triggered order's trigger time as its time (its priority).
          workingAt: o.waiting ? null : o.ts,
          createdAt: o.ts,
          updatedAt: o.ts,
        });
      }
    }
    return state;
  }

  /** Number of orders still open (for tests and logs). */
  get openOrderCount(): number {
    return this.orders.size;
  }

  balance(userId: number, asset: string): BalanceState | undefined {
    return this.balances.get(balanceKey(userId, asset));
  }

  /**
   * Applies outcomes in journal order. Rejected commands and repeated balance commands changed
   * nothing in the engine and change nothing here.
   */
  apply(records: readonly OutcomeRecord[]): MarketDataBatch {
    const batch: MarketDataBatch = {
      lastSeq: 0,
      depth: [],
      trades: [],
      orders: [],
      balances: [],
      fills: [],
      addedMarkets: [],
    };
    const touchedOrders = new Map<number, OrderState>();
    const touchedBalances = new Map<string, BalanceState>();
    for (const record of records) {
      batch.lastSeq = Math.max(batch.lastSeq, record.seq);
      if (!record.outcome.ok || record.outcome.repeated) continue;
      for (const event of record.outcome.events) {
        this.applyEvent(event, record, batch, touchedOrders, touchedBalances);
      }
    }
    for (const book of this.books.values()) {
      const diff = book.takeDiff();
      if (diff) batch.depth.push(diff);
    }
    batch.orders = [...touchedOrders.values()].map((o) => ({ ...o }));
    batch.balances = [...touchedBalances.values()].map((b) => ({ ...b }));
    for (const order of touchedOrders.values()) {
      if (isFinal(order.status)) this.orders.delete(order.orderId);
    }
    return batch;
  }

  private applyEvent(
    event: WireCoreEvent,
    record: OutcomeRecord,
    batch: MarketDataBatch,
    touchedOrders: Map<number, OrderState>,
    touchedBalances: Map<string, BalanceState>,
  ): void {
    switch (event.type) {
      case "book.levelChanged":
        this.book(event.symbol).apply(event, record.ts);
        return;
      case "trade":
        batch.trades.push({ ...event, seq: record.seq });
        batch.fills.push(...fillsOfTrade(event));
        return;
      case "order.accepted": {
        const order = acceptedOrder(event, record.ts);
        this.orders.set(order.orderId, order);
        touchedOrders.set(order.orderId, order);
        return;
      }
      case "order.partiallyFilled":
      case "order.filled":
      case "order.cancelled": {
        const order = this.orders.get(event.orderId);
        // Unknown only if the state was seeded wrongly; the depth check would then fail too.
        if (!order) return;
        const { remainingLots: _remaining, ...progress } = progressOf(event);
        Object.assign(order, progress);
        order.updatedAt = record.ts;
        touchedOrders.set(order.orderId, order);
        return;
      }
      case "order.triggered":
      case "order.amended": {
        const order = this.orders.get(event.orderId);
        if (!order) return;
        Object.assign(order, changeOf(event), { updatedAt: record.ts });
        touchedOrders.set(order.orderId, order);
        return;
      }
      case "balance.changed":
        for (const posting of event.postings) {
          if (posting.account !== "available" && posting.account !== "frozen") continue;
          const key = balanceKey(posting.userId, posting.asset);
          const balance = this.balances.get(key) ?? {
            userId: posting.userId,
            asset: posting.asset,
            availableAtoms: 0n,
            frozenAtoms: 0n,
          };
          // Each posting carries the account's balance after it: copied, never recomputed.
          if (posting.account === "available") balance.availableAtoms = posting.balanceAtoms;
          else balance.frozenAtoms = posting.balanceAtoms;
          this.balances.set(key, balance);
          touchedBalances.set(key, balance);
        }
        return;
      case "market.added":
        this.book(event.symbol);
        batch.addedMarkets.push(event.symbol);
        return;
      default:
        return;
    }
  }

  private book(symbol: string): DepthBook {
    let book = this.books.get(symbol);
    if (!book) {
      book = new DepthBook(symbol, 0);
      this.books.set(symbol, book);
    }
    return book;
  }
}

function balanceKey(userId: number, asset: string): string {
  return `${userId}|${asset}`;
}

/**
 * What a trigger or an amendment changes: a triggered stop order starts working; a kept-priority
 * amendment lowers the quantity in place (a replacing one cancels the order and a new one follows,
 * each with its own event).
 */
function changeOf(event: Event<"order.triggered"> | Event<"order.amended">): Partial<OrderState> {
  if (event.type === "order.triggered") return { working: true, workingAt: event.ts };
  if (!event.keptPriority) return {};
  return { qtyLots: event.qtyLots, priceTicks: event.priceTicks };
}

function acceptedOrder(event: Event<"order.accepted">, ts: number): OrderState {
  const { status, filledLots, filledQuoteAtoms, cancelReason, working } = startOrderLife(event);
  return {
    orderId: event.orderId,
    userId: event.userId,
    symbol: event.symbol,
    clientOrderId: event.clientOrderId,
    side: event.side,
    orderType: event.orderType,
    priceTicks: event.priceTicks,
    qtyLots: event.qtyLots,
    quoteAtoms: event.quoteAtoms,
    timeInForce: event.timeInForce,
    postOnly: event.postOnly,
    status,
    filledLots,
    filledQuoteAtoms,
    cancelReason,
    stopOrderType: event.stopOrderType ?? null,
    stopPriceTicks: event.stopPriceTicks ?? null,
    listId: event.listId ?? null,
    working,
    workingAt: working ? ts : null,
    createdAt: ts,
    updatedAt: ts,
  };
}

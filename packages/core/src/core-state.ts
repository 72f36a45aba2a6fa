import { assert } from "./assert";
import type { AcceptedResult, CoreEvent } from "./events";
import { IdMap } from "./id-map";
import { Account, type Asset, FeeTier, type Market, Order, type Withdrawal } from "./model";
import { FuturesAccount } from "./modules/derivatives/futures-account";
import type { IndexPrice, Loan } from "./modules/lending/loan";
import type { SavingsPosition } from "./modules/savings/position";
import { FastBook } from "./modules/spot/book/fast-book";
import { NaiveBook } from "./modules/spot/book/naive-book";
import type { BookKind, OrderBook } from "./modules/spot/book/order-book";
import {
  NaiveTriggerBook,
  SortedTriggerBook,
  type TriggerBook,
} from "./modules/spot/book/trigger-book";
import type { RejectCode } from "./reject-code";
import type { OrderType, SelfTradePrevention, Side, TimeInForce } from "./types";

/** Most recycled orders kept for reuse; beyond it, finished orders are left to the collector. */
const MAX_SPARE_ORDERS = 1 << 16;

/** Why a command was refused; handlers return one instead of throwing. */
export class Rejection {
  readonly code: RejectCode;
  readonly message: string;

  constructor(code: RejectCode, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** Shorthand for handlers: `return reject(RejectCode.X, "why")`. */
export function reject(code: RejectCode, message: string): Rejection {
  return new Rejection(code, message);
}

/** Everything the core knows. Handlers read and change it; nothing else does. */
export class CoreState {
  readonly bookKind: BookKind;
  readonly assets = new Map<string, Asset>();
  /** Assets in the order they were added; `Asset.index` points here. */
  readonly assetList: Asset[] = [];
  readonly markets = new Map<string, Market>();
  readonly feeTiers = new Map<number, FeeTier>();
  readonly accounts = new IdMap<Account>();
  /** Resting orders by id. */
  readonly orders = new IdMap<Order>();
  /** Pending withdrawals by id. */
  readonly withdrawals = new Map<string, Withdrawal>();
  /** First accepted result of each business key (balance and savings commands). */
  readonly receipts = new Map<string, AcceptedResult>();
  /** Open savings positions by subscription id (the savings module's). */
  readonly savingsPositions = new Map<string, SavingsPosition>();
  /** Every loan by id, open or ended (the lending module's). */
  readonly loans = new Map<string, Loan>();
  /** The latest index price per asset and quote (`indexKey`), the lending module's. */
  readonly indexPrices = new Map<string, IndexPrice>();
  /**
   * First accepted result of each lending business key. Apart from `receipts` because a
   * lending result carries more than `balance.changed` (loan, index and a slice's order events).
   */
  readonly lendingReceipts = new Map<string, AcceptedResult>();
  /** Futures accounts by user id (the derivatives module's). */
  readonly futuresAccounts = new IdMap<FuturesAccount>();
  /**
   * Futures accounts with cross positions in more than one contract: a mark of any contract
   * moves their liquidation prices in the others (kept by `emitPosition`).
   */
  readonly crossInSeveralContracts = new Set<FuturesAccount>();
  /** First accepted result of each derivatives business key. */
  readonly derivativesReceipts = new Map<string, AcceptedResult>();
  nextOrderId = 1;
  nextTradeId = 1;
  /** See `findMarket`; "" before any market is found, which no symbol equals. */
  private lastSymbol = "";
  private lastMarket: Market | undefined = undefined;
  /**
   * Finished orders nothing refers to any more, for `takeOrder` to reuse (see `Order`): a stack
   * of `spareCount` entries, kept by index because `push`/`pop` here compile to builtin calls.
   */
  private readonly spareOrders: Order[] = [];
  private spareCount = 0;

  constructor(bookKind: BookKind) {
    this.bookKind = bookKind;
    this.feeTiers.set(0, new FeeTier(0, 1_000_000, 1_000_000));
  }

  /** The market of `symbol`; remembers the last one found, as commands mostly repeat it. */
  findMarket(symbol: unknown): Market | undefined {
    // Markets are never removed, so a remembered market stays valid.
    if (symbol === this.lastSymbol) return this.lastMarket;
    const market = this.markets.get(symbol as string);
    if (market !== undefined) {
      this.lastSymbol = market.symbol;
      this.lastMarket = market;
    }
    return market;
  }

  createBook(): OrderBook {
    return this.bookKind === "fast" ? new FastBook() : new NaiveBook();
  }

  /** The reference core pairs the naive book with the naive trigger book. */
  createTriggerBook(): TriggerBook {
    return this.bookKind === "fast" ? new SortedTriggerBook() : new NaiveTriggerBook();
  }

  defaultFeeTier(): FeeTier {
    const tier = this.feeTiers.get(0);
    assert(tier !== undefined, "fee tier 0 missing");
    return tier;
  }

  /** A new order with the next order id: a recycled one when there is one, else a fresh one. */
  takeOrder(
    account: Account,
    market: Market,
    side: Side,
    orderType: OrderType,
    priceTicks: bigint,
    qtyLots: bigint,
    quoteAtoms: bigint,
    timeInForce: TimeInForce,
    postOnly: boolean,
    stp: SelfTradePrevention,
    clientOrderId: string | null,
    ts: number,
  ): Order {
    const id = this.nextOrderId++;
    if (this.spareCount === 0) {
      return new Order(id, account, market, {
        side,
        orderType,
        priceTicks,
        qtyLots,
        quoteAtoms,
        timeInForce,
        postOnly,
        stp,
        clientOrderId,
        ts,
      });
    }
    // Entries above `spareCount` are stale copies of orders in use, overwritten on recycling.
    const spare = this.spareOrders[--this.spareCount] as Order;
    spare.reset(
      id,
      account,
      market,
      side,
      orderType,
      priceTicks,
      qtyLots,
      quoteAtoms,
      timeInForce,
      postOnly,
      stp,
      clientOrderId,
      ts,
    );
    return spare;
  }

  /**
   * Hands back an order that is off the book, out of every index and that this command will not
   * read again. Only `takeOrder`, at the start of a later placement, reuses it.
   */
  recycleOrder(order: Order): void {
    const count = this.spareCount;
    if (count === MAX_SPARE_ORDERS) return;
    const spares = this.spareOrders;
    if (count === spares.length) spares.push(order);
    else spares[count] = order;
    this.spareCount = count + 1;
  }

  /** The user's futures account, created empty on first use. */
  futuresAccountFor(userId: number): FuturesAccount {
    const existing = this.futuresAccounts.get(userId);
    if (existing !== undefined) return existing;
    const created = new FuturesAccount(userId);
    this.futuresAccounts.set(userId, created);
    return created;
  }

  /** The user's account, created (tier 0, no balances) on first use. */
  accountFor(userId: number): Account {
    const existing = this.accounts.get(userId);
    if (existing !== undefined) return existing;
    const created = new Account(userId, this.defaultFeeTier());
    this.accounts.set(userId, created);
    return created;
  }
}

/** Emits a `book.levelChanged` event with the market's next sequence number. */
export function emitLevel(
  market: Market,
  side: Side,
  priceTicks: bigint,
  qtyLots: bigint,
  events: CoreEvent[],
): void {
  market.bookSeq += 1;
  events.push({
    type: "book.levelChanged",
    symbol: market.symbol,
    side,
    priceTicks,
    qtyLots,
    seq: market.bookSeq,
  });
}

/** A positive safe integer, as user ids and order ids must be. */
export function isPositiveId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/** A non-empty string of at most `maxLength` characters. */
export function isShortText(value: unknown, maxLength: number): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= maxLength;
}

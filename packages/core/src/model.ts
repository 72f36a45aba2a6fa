import type { Perpetual } from "./modules/derivatives/perpetual";
import type { OrderBook } from "./modules/spot/book/order-book";
import type { TriggerBook } from "./modules/spot/book/trigger-book";
import type {
  MarketConfig,
  MarketStatus,
  OrderType,
  SelfTradePrevention,
  Side,
  SystemAccount,
  TimeInForce,
} from "./types";

/** An asset and the exchange's own accounts in it. */
export class Asset {
  readonly code: string;
  readonly precision: number;
  /** Largest balance (available + frozen) a credit may leave a user with. */
  readonly maxAmountAtoms: bigint;
  /** Position in the core's asset list; user balances are an array indexed by it. */
  readonly index: number;
  /** Balances of the system accounts in this asset (may be negative). */
  readonly system: Record<SystemAccount, bigint> = {
    fee: 0n,
    rounding: 0n,
    deposit: 0n,
    withdrawal: 0n,
    adjustment: 0n,
    operator: 0n,
    savings: 0n,
    loan: 0n,
    insurance: 0n,
    savingsInterest: 0n,
    loanCollateral: 0n,
    loanIncome: 0n,
    futuresMargin: 0n,
    futuresPnl: 0n,
  };

  constructor(code: string, precision: number, maxAmountAtoms: bigint, index: number) {
    this.code = code;
    this.precision = precision;
    this.maxAmountAtoms = maxAmountAtoms;
    this.index = index;
  }
}

/** A user's holdings of one asset. Neither field is ever negative. */
export class Balance {
  declare available: bigint;
  declare frozen: bigint;

  constructor() {
    this.available = 0n;
    this.frozen = 0n;
  }
}

/** A fee tier with its scales as bigints, ready for fee arithmetic. */
export class FeeTier {
  readonly tier: number;
  readonly makerScalePpm: number;
  readonly takerScalePpm: number;
  readonly makerScale: bigint;
  readonly takerScale: bigint;

  constructor(tier: number, makerScalePpm: number, takerScalePpm: number) {
    this.tier = tier;
    this.makerScalePpm = makerScalePpm;
    this.takerScalePpm = takerScalePpm;
    this.makerScale = BigInt(makerScalePpm);
    this.takerScale = BigInt(takerScalePpm);
  }
}

/** A user: balances per asset, fee tier and open orders (an intrusive list, oldest first). */
export class Account {
  readonly userId: number;
  /** Indexed by `Asset.index`; a hole until the user first touches the asset. */
  readonly balances: (Balance | undefined)[] = [];
  feeTier: FeeTier;
  firstOrder: Order | null = null;
  lastOrder: Order | null = null;
  /** Open orders by client order id; created on first use. */
  clientOrderIds: Map<string, Order> | null = null;
  /** Number of open orders per market, indexed by `Market.index`; a hole reads as none. */
  readonly openOrderCounts: number[] = [];

  constructor(userId: number, feeTier: FeeTier) {
    this.userId = userId;
    this.feeTier = feeTier;
  }

  /** The balance of `asset`, created empty on first use. */
  balanceOf(asset: Asset): Balance {
    const existing = this.balances[asset.index];
    if (existing !== undefined) return existing;
    const created = new Balance();
    this.balances[asset.index] = created;
    return created;
  }
}

/** A market with its config, derived constants, status and book. */
export class Market {
  readonly config: MarketConfig;
  readonly symbol: string;
  readonly base: Asset;
  readonly quote: Asset;
  /** Position among the core's markets; per-market counters of an account are indexed by it. */
  readonly index: number;
  readonly lotSizeAtoms: bigint;
  /** Quote atoms of one lot at one tick: the exact factor from ticks × lots to quote atoms. */
  readonly quotePerTickLot: bigint;
  /** `quotePerTickLot === 1n`, decided once: a bigint comparison costs dozens of instructions. */
  readonly quotePerTickLotIsOne: boolean;
  readonly minQtyLots: bigint;
  readonly maxQtyLots: bigint;
  readonly maxPriceTicks: bigint;
  readonly minNotionalAtoms: bigint;
  readonly maxNotionalAtoms: bigint;
  readonly maxOpenOrders: number;
  /** Whether a minimum notional applies (no order's value, never negative, is below 0 or less). */
  readonly checksMinNotional: boolean;
  readonly makerPpm: bigint;
  readonly takerPpm: bigint;
  /** Maker rate in parts per 10^12 at full tier scale: makerPpm × 10^6. */
  readonly makerRate: bigint;
  /** Taker rate in parts per 10^12 at full tier scale. */
  readonly takerRate: bigint;
  readonly book: OrderBook;
  status: MarketStatus;
  /** Sequence number of the last `book.levelChanged` event of this market. */
  bookSeq = 0;
  /** Price of the market's last trade, 0 before any (what stop orders trigger on). */
  lastPriceTicks = 0n;
  /**
   * Untriggered stop and take-profit orders, by trigger price (see `TriggerBook`);
   * `triggerCount` is its size, kept here so the fill path tests a number, not a call.
   */
  readonly triggers: TriggerBook;
  triggerCount = 0;
  /**
   * The perpetual contract this market's book trades (the derivatives module's), or null for a
   * spot market. Its fills settle into positions instead of exchanging base for quote, and its
   * orders reserve margin in the futures wallet instead of freezing a balance.
   */
  perpetual: Perpetual | null = null;
  /**
   * The range of trade prices since triggers were last checked, kept only while the market has
   * untriggered orders (`swung` false: no trade since). Stops trigger on any trade that crossed
   * them, not only on the last one (a command's fills can move the price both ways).
   */
  swung = false;
  swingLowTicks = 0n;
  swingHighTicks = 0n;

  constructor(
    config: MarketConfig,
    base: Asset,
    quote: Asset,
    book: OrderBook,
    index: number,
    triggers: TriggerBook,
  ) {
    this.config = config;
    this.symbol = config.symbol;
    this.base = base;
    this.quote = quote;
    this.index = index;
    this.lotSizeAtoms = config.lotSizeAtoms;
    this.quotePerTickLot =
      (config.tickSizeAtoms * config.lotSizeAtoms) / 10n ** BigInt(base.precision);
    this.quotePerTickLotIsOne = this.quotePerTickLot === 1n;
    this.minQtyLots = config.minQtyLots;
    this.maxQtyLots = config.maxQtyLots;
    this.maxPriceTicks = config.maxPriceTicks;
    this.minNotionalAtoms = config.minNotionalAtoms;
    this.maxNotionalAtoms = config.maxNotionalAtoms;
    this.maxOpenOrders = config.maxOpenOrders;
    this.checksMinNotional = config.minNotionalAtoms > 0n;
    this.makerPpm = BigInt(config.makerFeePpm);
    this.takerPpm = BigInt(config.takerFeePpm);
    this.makerRate = this.makerPpm * 1_000_000n;
    this.takerRate = this.takerPpm * 1_000_000n;
    this.book = book;
    this.triggers = triggers;
    this.status = config.status;
  }
}

/** An order's terms as placed; grouped so the constructor takes one object. */
export interface OrderTerms {
  side: Side;
  orderType: OrderType;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  timeInForce: TimeInForce;
  postOnly: boolean;
  stp: SelfTradePrevention;
  clientOrderId: string | null;
  ts: number;
}

/**
 * An order, taker or resting. It carries the links of two intrusive lists so resting needs no
 * allocation: its price level's queue (`prev`/`next`, used by the fast book) and its owner's open
 * orders (`userPrev`/`userNext`).
 *
 * Orders are recycled (see `CoreState.takeOrder`): once an order has left the book, or a taker
 * has finished without resting, nothing refers to it any more and `reset` makes it a new order.
 * A long-lived, already promoted object rewritten in place costs the garbage collector nothing,
 * where a fresh one per command is copied by every scavenge it survives. The terms fields are
 * therefore not `readonly`, but only `reset` (and the constructor) may write them.
 */
export class Order {
  // Fields are `declare`d and assigned in the constructor: a class field with define semantics
  // costs an IC call per field on every construction in this V8.
  declare id: number;
  declare userId: number;
  declare account: Account;
  declare market: Market;
  declare side: Side;
  declare orderType: OrderType;
  /** Limit price; for a market order the protection price, or the side's unbounded sentinel. */
  declare priceTicks: bigint;
  declare qtyLots: bigint;
  /** Quote budget of a market buy by quote amount, else 0. */
  declare quoteAtoms: bigint;
  declare timeInForce: TimeInForce;
  declare postOnly: boolean;
  declare stp: SelfTradePrevention;
  declare clientOrderId: string | null;
  declare ts: number;
  /** The balance this order freezes from: quote for a buy, base for a sell. */
  declare payBalance: Balance;
  /** The balance fills credit: base for a buy, quote for a sell. */
  declare receiveBalance: Balance;

  declare remainingLots: bigint;
  declare filledLots: bigint;
  declare filledQuoteAtoms: bigint;
  /** Atoms still frozen for this order; exactly what it holds (see the auditor). */
  declare frozenAtoms: bigint;

  declare prev: Order | null;
  declare next: Order | null;
  /** The fast book's level while resting there (opaque to everything else). */
  declare level: unknown;
  declare userPrev: Order | null;
  declare userNext: Order | null;

  /** Trigger price of a stop or take-profit order, else 0. Kept after it triggered. */
  declare stopPriceTicks: bigint;
  /** `STOP_NONE`, `STOP_LOSS` or `TAKE_PROFIT` (see `StopOrderType`). */
  declare stopKind: number;
  /** True while a stop order waits in its market's trigger book (not on the order book). */
  declare waiting: boolean;
  /**
   * Queue priority: the order id, or for a triggered order the id counter's value when it
   * triggered (a number no order then open has and every later order exceeds). A snapshot
   * re-rests orders in this order, so a triggered order keeps its place behind older ones.
   */
  declare priority: number;
  /** The other order of its OCO list while both are open, else null. */
  declare peer: Order | null;
  /** Its OCO list's id (the list's limit order's id), or 0. */
  declare listId: number;

  constructor(id: number, account: Account, market: Market, terms: OrderTerms) {
    const isBuy = terms.side === "buy";
    this.id = id;
    this.userId = account.userId;
    this.account = account;
    this.market = market;
    this.side = terms.side;
    this.orderType = terms.orderType;
    this.priceTicks = terms.priceTicks;
    this.qtyLots = terms.qtyLots;
    this.quoteAtoms = terms.quoteAtoms;
    this.timeInForce = terms.timeInForce;
    this.postOnly = terms.postOnly;
    this.stp = terms.stp;
    this.clientOrderId = terms.clientOrderId;
    this.ts = terms.ts;
    this.payBalance = account.balanceOf(isBuy ? market.quote : market.base);
    this.receiveBalance = account.balanceOf(isBuy ? market.base : market.quote);
    this.remainingLots = terms.qtyLots;
    this.filledLots = 0n;
    this.filledQuoteAtoms = 0n;
    this.frozenAtoms = 0n;
    this.prev = null;
    this.next = null;
    this.level = null;
    this.userPrev = null;
    this.userNext = null;
    this.stopPriceTicks = 0n;
    this.stopKind = STOP_NONE;
    this.waiting = false;
    this.priority = id;
    this.peer = null;
    this.listId = 0;
  }

  /** Makes a recycled order a new one: every field as the constructor would set it. */
  reset(
    id: number,
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
  ): void {
    const isBuy = side === "buy";
    this.id = id;
    this.userId = account.userId;
    this.account = account;
    this.market = market;
    this.side = side;
    this.orderType = orderType;
    this.priceTicks = priceTicks;
    this.qtyLots = qtyLots;
    this.quoteAtoms = quoteAtoms;
    this.timeInForce = timeInForce;
    this.postOnly = postOnly;
    this.stp = stp;
    this.clientOrderId = clientOrderId;
    this.ts = ts;
    this.payBalance = account.balanceOf(isBuy ? market.quote : market.base);
    this.receiveBalance = account.balanceOf(isBuy ? market.base : market.quote);
    this.remainingLots = qtyLots;
    this.filledLots = 0n;
    this.filledQuoteAtoms = 0n;
    this.frozenAtoms = 0n;
    this.prev = null;
    this.next = null;
    this.level = null;
    this.userPrev = null;
    this.userNext = null;
    this.stopPriceTicks = 0n;
    this.stopKind = STOP_NONE;
    this.waiting = false;
    this.priority = id;
    this.peer = null;
    this.listId = 0;
  }
}

/** `Order.stopKind`: a plain order. */
export const STOP_NONE = 0;
/** `Order.stopKind`: a stop-loss limit order. */
export const STOP_LOSS = 1;
/** `Order.stopKind`: a take-profit limit order. */
export const TAKE_PROFIT = 2;

/** True when the order triggers on a rise (last ≥ stop), false on a fall (last ≤ stop). */
export function triggersOnRise(order: Order): boolean {
  return (order.stopKind === STOP_LOSS) === (order.side === "buy");
}

/** A withdrawal between freeze and settle / release. */
export interface Withdrawal {
  readonly withdrawalId: string;
  readonly account: Account;
  readonly asset: Asset;
  readonly amountAtoms: bigint;
}

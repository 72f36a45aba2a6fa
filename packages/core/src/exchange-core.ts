import type { Command } from "./commands";
import { CoreState, reject } from "./core-state";
import type { CommandResult } from "./events";
import { type Order, STOP_NONE } from "./model";
import { COMMAND_RUNNERS, runCancelOrder, runPlaceOrder } from "./modules";
import { checkEnvelope, rejected } from "./modules/command-runner";
import type { MarginMode } from "./modules/derivatives/perpetual";
import { indexKey, type LoanStatus } from "./modules/lending/loan";
import type { BookKind, BookLevel } from "./modules/spot/book/order-book";
import { stopOrderType } from "./modules/spot/stop-orders";
import { RejectCode } from "./reject-code";
import { type CoreSnapshot, restoreState, takeSnapshot } from "./snapshot";
import { hashText } from "./state-hash";
import type {
  AssetConfig,
  MarketConfig,
  MarketStatus,
  SelfTradePrevention,
  Side,
  StopOrderType,
  SystemAccount,
  TimeInForce,
} from "./types";

export interface CoreOptions {
  /** Book implementation; `"fast"` unless testing against the reference. */
  book?: BookKind;
}

/** A user's balance of one asset. */
export interface BalanceView {
  availableAtoms: bigint;
  frozenAtoms: bigint;
}

/** A perpetual position as queries return it (see `Position`). */
export interface PositionView {
  userId: number;
  symbol: string;
  qtyLots: bigint;
  costAtoms: bigint;
  mode: MarginMode;
  leverage: number;
  isolatedMarginAtoms: bigint;
  orderMarginAtoms: bigint;
  realisedPnlAtoms: bigint;
  /** Where the liquidation index holds it (0 when flat or never liquidated). */
  liquidationPriceTicks: bigint;
}

export interface ContractView {
  symbol: string;
  markTicks: bigint;
  indexTicks: bigint;
  markAt: number;
  lastFundingTime: number;
  /** Settle atoms per tick per lot. */
  k: bigint;
}

/** A resting order as queries return it. */
export interface OrderView {
  orderId: number;
  userId: number;
  symbol: string;
  side: Side;
  priceTicks: bigint;
  qtyLots: bigint;
  remainingLots: bigint;
  filledLots: bigint;
  filledQuoteAtoms: bigint;
  frozenAtoms: bigint;
  timeInForce: TimeInForce;
  postOnly: boolean;
  stp: SelfTradePrevention;
  clientOrderId: string | null;
  /** Placement time, or for a triggered stop order the time it triggered (its working time). */
  ts: number;
  /** A stop or take-profit order's kind and stop price; null for a plain order. */
  stopOrderType: StopOrderType | null;
  stopPriceTicks: bigint | null;
  /** True while a stop order waits for its trigger (Binance shows it NEW, not working). */
  waiting: boolean;
  /** Its OCO list's id, or null; the other order's id while both are open, or null. */
  listId: number | null;
  peerOrderId: number | null;
}

export interface WithdrawalView {
  withdrawalId: string;
  userId: number;
  asset: string;
  amountAtoms: bigint;
}

/** An open savings position. */
export interface SavingsPositionView {
  subscriptionId: string;
  userId: number;
  asset: string;
  principalAtoms: bigint;
  interestPaidAtoms: bigint;
}

/** A loan as the engine holds it (open or ended). */
export interface LoanView {
  loanId: string;
  userId: number;
  collateralAsset: string;
  loanAsset: string;
  status: LoanStatus;
  initialLtvPpm: bigint;
  warningLinePpm: bigint;
  liquidationLinePpm: bigint;
  liquidationFeePpm: bigint;
  maturesAt: number;
  collateralAtoms: bigint;
  principalAtoms: bigint;
  interestAtoms: bigint;
  proceedsAtoms: bigint;
  slicesSold: number;
}

/** An index price: quote atoms per one whole unit of the asset, sampled at `at`. */
export interface IndexPriceView {
  asset: string;
  quote: string;
  priceAtoms: bigint;
  at: number;
}

export interface MarketView extends MarketConfig {
  /** Quote atoms of one lot at one tick. */
  quotePerTickLot: bigint;
  /** Sequence number of the last `book.levelChanged` event. */
  bookSeq: number;
  status: MarketStatus;
  /** Price of the last trade (what stop orders trigger on), or null before any. */
  lastPriceTicks: bigint | null;
}

export interface DepthView {
  symbol: string;
  /** The `bookSeq` these levels are consistent with. */
  seq: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

/**
 * The exchange's matching and balance engine: a pure function of its command log. `apply` takes
 * one command and returns whether it was accepted, with the events it produced; nothing else
 * changes state. No clock, no randomness, no I/O: the same commands give the same events and the
 * same `stateHash()` byte for byte, and `restore(snapshot())` continues identically.
 */
export class ExchangeCore {
  private state: CoreState;

  constructor(options: CoreOptions = {}) {
    this.state = new CoreState(options.book ?? "fast");
  }

  /** Rebuilds a core from `snapshot()` output (after any JSON round trip). */
  static restore(snapshot: CoreSnapshot, options: CoreOptions = {}): ExchangeCore {
    const core = new ExchangeCore(options);
    core.state = restoreState(snapshot, options.book ?? "fast");
    return core;
  }

  /**
   * Runs one command through its module's runner (`modules/index.ts`). Commands come in many
   * shapes, so a read of a field they share is megamorphic (a stub-cache probe each time): read
   * `type` once, and send the hot types, `order.place` and `order.cancel`, straight to their
   * runners; the table's lookup by a varying key is a megamorphic keyed load (measured at
   * about 100 instructions per cancel, README "Modules").
   */
  apply(command: Command): CommandResult {
    const type = command.type;
    if (type === "order.place") return runPlaceOrder(this.state, command);
    if (type === "order.cancel") return runCancelOrder(this.state, command);
    const run = COMMAND_RUNNERS[type];
    if (run !== undefined) return run(this.state, command);
    return unknownCommand(command);
  }

  /** Hash of the canonical snapshot: equal for equal states, after restore or replay. */
  stateHash(): string {
    return hashText(JSON.stringify(this.snapshot()));
  }

  snapshot(): CoreSnapshot {
    return takeSnapshot(this.state);
  }

  balance(userId: number, asset: string): BalanceView {
    const index = this.state.assets.get(asset)?.index ?? -1;
    const balance = this.state.accounts.get(userId)?.balances[index];
    return { availableAtoms: balance?.available ?? 0n, frozenAtoms: balance?.frozen ?? 0n };
  }

  /** Balance of a system account in an asset (0 for an unknown asset). */
  systemBalance(asset: string, account: SystemAccount): bigint {
    return this.state.assets.get(asset)?.system[account] ?? 0n;
  }

  /** The user's resting orders, oldest first. */
  openOrders(userId: number): OrderView[] {
    const views: OrderView[] = [];
    let order = this.state.accounts.get(userId)?.firstOrder ?? null;
    while (order !== null) {
      views.push(viewOrder(order));
      order = order.userNext;
    }
    return views;
  }

  order(orderId: number): OrderView | undefined {
    const order = this.state.orders.get(orderId);
    return order === undefined ? undefined : viewOrder(order);
  }

  /** Pending withdrawals, of one user or of everyone. */
  pendingWithdrawals(userId?: number): WithdrawalView[] {
    const views: WithdrawalView[] = [];
    for (const w of this.state.withdrawals.values()) {
      if (userId !== undefined && w.account.userId !== userId) continue;
      views.push({
        withdrawalId: w.withdrawalId,
        userId: w.account.userId,
        asset: w.asset.code,
        amountAtoms: w.amountAtoms,
      });
    }
    return views;
  }

  /** Open savings positions, of one user or of everyone, by subscription id. */
  savingsPositions(userId?: number): SavingsPositionView[] {
    const views: SavingsPositionView[] = [];
    for (const p of this.state.savingsPositions.values()) {
      if (userId !== undefined && p.account.userId !== userId) continue;
      views.push({
        subscriptionId: p.subscriptionId,
        userId: p.account.userId,
        asset: p.asset.code,
        principalAtoms: p.principalAtoms,
        interestPaidAtoms: p.interestPaidAtoms,
      });
    }
    return views.sort((a, b) =>
      a.subscriptionId < b.subscriptionId ? -1 : a.subscriptionId > b.subscriptionId ? 1 : 0,
    );
  }

  /** Loans, of one user or of everyone, by loan id. */
  loans(userId?: number): LoanView[] {
    const views: LoanView[] = [];
    for (const l of this.state.loans.values()) {
      if (userId !== undefined && l.account.userId !== userId) continue;
      const { account, collateralAsset, loanAsset, ...terms } = l;
      views.push({
        ...terms,
        userId: account.userId,
        collateralAsset: collateralAsset.code,
        loanAsset: loanAsset.code,
      });
    }
    return views.sort((a, b) => (a.loanId < b.loanId ? -1 : a.loanId > b.loanId ? 1 : 0));
  }

  /** The user's futures wallet in `asset` (a settle asset), 0 when they have none. */
  futuresWallet(userId: number, asset: string): bigint {
    const settle = this.state.assets.get(asset);
    if (settle === undefined) return 0n;
    return this.state.futuresAccounts.get(userId)?.walletOf(settle) ?? 0n;
  }

  /** A user's position in a perpetual contract, if they have one (flat ones included). */
  position(userId: number, symbol: string): PositionView | undefined {
    const position = this.state.markets.get(symbol)?.perpetual?.positions.get(userId);
    if (position === undefined) return undefined;
    return {
      userId,
      symbol,
      qtyLots: position.qtyLots,
      costAtoms: position.costAtoms,
      mode: position.mode,
      leverage: position.leverage,
      isolatedMarginAtoms: position.isolatedMarginAtoms,
      orderMarginAtoms: position.orderMarginAtoms,
      realisedPnlAtoms: position.realisedPnlAtoms,
      liquidationPriceTicks: position.perpetual.liquidations.priceOf(userId),
    };
  }

  /** Every open position of a perpetual contract, by user id. */
  openPositions(symbol: string): PositionView[] {
    const perpetual = this.state.markets.get(symbol)?.perpetual;
    if (perpetual === undefined || perpetual === null) return [];
    return [...perpetual.positions.keys()]
      .sort((a, b) => a - b)
      .map((userId) => this.position(userId, symbol) as PositionView)
      .filter((p) => p.qtyLots !== 0n);
  }

  /** A perpetual contract's mark, index and last funding time, if `symbol` is one. */
  contract(symbol: string): ContractView | undefined {
    const perpetual = this.state.markets.get(symbol)?.perpetual;
    if (perpetual === undefined || perpetual === null) return undefined;
    return {
      symbol,
      markTicks: perpetual.markTicks,
      indexTicks: perpetual.indexTicks,
      markAt: perpetual.markAt,
      lastFundingTime: perpetual.lastFundingTime,
      k: perpetual.k,
    };
  }

  /** The index price held for `asset` in `quote`, if any. */
  indexPrice(asset: string, quote: string): IndexPriceView | undefined {
    const p = this.state.indexPrices.get(indexKey(asset, quote));
    if (p === undefined) return undefined;
    return { asset: p.asset.code, quote: p.quote.code, priceAtoms: p.priceAtoms, at: p.at };
  }

  userIds(): number[] {
    return this.state.accounts.ids().sort((a, b) => a - b);
  }

  assetCodes(): string[] {
    return this.state.assetList.map((asset) => asset.code);
  }

  asset(code: string): AssetConfig | undefined {
    const asset = this.state.assets.get(code);
    if (asset === undefined) return undefined;
    return { code: asset.code, precision: asset.precision, maxAmountAtoms: asset.maxAmountAtoms };
  }

  symbols(): string[] {
    return [...this.state.markets.keys()];
  }

  market(symbol: string): MarketView | undefined {
    const market = this.state.markets.get(symbol);
    if (market === undefined) return undefined;
    return {
      ...market.config,
      status: market.status,
      quotePerTickLot: market.quotePerTickLot,
      bookSeq: market.bookSeq,
      lastPriceTicks: market.lastPriceTicks === 0n ? null : market.lastPriceTicks,
    };
  }

  /** Up to `limit` levels per side, best first. */
  depth(symbol: string, limit: number): DepthView | undefined {
    const market = this.state.markets.get(symbol);
    if (market === undefined) return undefined;
    return {
      symbol,
      seq: market.bookSeq,
      bids: market.book.depth("buy", limit),
      asks: market.book.depth("sell", limit),
    };
  }

  /** Total lots resting at one price (0 when there is no such level). */
  levelLots(symbol: string, side: Side, priceTicks: bigint): bigint {
    return this.state.markets.get(symbol)?.book.levelLots(side, priceTicks) ?? 0n;
  }

  /** Best resting price of a side, or null when the side is empty. */
  bestPrice(symbol: string, side: Side): bigint | null {
    return this.state.markets.get(symbol)?.book.best(side)?.priceTicks ?? null;
  }
}

/** A command of no module's type; a bad envelope is reported first, as for any command. */
function unknownCommand(command: Command): CommandResult {
  const bad =
    checkEnvelope(command.id, command.ts) ??
    reject(
      RejectCode.UnknownCommandType,
      `unknown command type ${String((command as { type: unknown }).type)}`,
    );
  return rejected(command, bad);
}

function viewOrder(o: Order): OrderView {
  return {
    orderId: o.id,
    userId: o.userId,
    symbol: o.market.symbol,
    side: o.side,
    priceTicks: o.priceTicks,
    qtyLots: o.qtyLots,
    remainingLots: o.remainingLots,
    filledLots: o.filledLots,
    filledQuoteAtoms: o.filledQuoteAtoms,
    frozenAtoms: o.frozenAtoms,
    timeInForce: o.timeInForce,
    postOnly: o.postOnly,
    stp: o.stp,
    clientOrderId: o.clientOrderId,
    ts: o.ts,
    stopOrderType: o.stopKind === STOP_NONE ? null : stopOrderType(o),
    stopPriceTicks: o.stopKind === STOP_NONE ? null : o.stopPriceTicks,
    waiting: o.waiting,
    listId: o.listId === 0 ? null : o.listId,
    peerOrderId: o.peer === null ? null : o.peer.id,
  };
}

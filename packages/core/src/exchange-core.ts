import { assert } from "./assert";
import type {
  BalanceCommand,
  CancelAllOrdersCommand,
  CancelOrderCommand,
  Command,
  PlaceOrderCommand,
} from "./commands";
import { CoreState, isShortText, type Rejection, reject } from "./core-state";
import type { AcceptedResult, CommandResult, CoreEvent, RejectedResult } from "./events";
import type { Order } from "./model";
import {
  adjustBalance,
  businessKey,
  checkBusinessKey,
  deposit,
  transfer,
  withdrawFreeze,
  withdrawRelease,
  withdrawSettle,
} from "./modules/accounts/balance-commands";
import type { BookKind, BookLevel } from "./modules/spot/book/order-book";
import { cancelAllOrders, cancelOrder } from "./modules/spot/cancel-order";
import { placeOrder } from "./modules/spot/place-order";
import {
  addAsset,
  addMarket,
  assignFeeTier,
  setFeeTier,
  setMarketStatus,
} from "./modules/spot/reference-commands";
import { RejectCode } from "./reject-code";
import { type CoreSnapshot, restoreState, takeSnapshot } from "./snapshot";
import { hashText } from "./state-hash";
import type {
  AssetConfig,
  MarketConfig,
  MarketStatus,
  SelfTradePrevention,
  Side,
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
  ts: number;
}

export interface WithdrawalView {
  withdrawalId: string;
  userId: number;
  asset: string;
  amountAtoms: bigint;
}

export interface MarketView extends MarketConfig {
  /** Quote atoms of one lot at one tick. */
  quotePerTickLot: bigint;
  /** Sequence number of the last `book.levelChanged` event. */
  bookSeq: number;
  status: MarketStatus;
}

export interface DepthView {
  symbol: string;
  /** The `bookSeq` these levels are consistent with. */
  seq: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

const MAX_COMMAND_ID_LENGTH = 128;

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

  apply(command: Command): CommandResult {
    // Commands come in many shapes, so a read of a field they share is megamorphic (a stub-cache
    // probe each time): read `type` once, then the envelope from the branch's own shapes.
    const type = command.type;
    if (type === "order.place") {
      const c = command as PlaceOrderCommand;
      const id = c.id;
      const bad = checkEnvelope(id, c.ts);
      if (bad !== null) return rejected(c, bad);
      const events: CoreEvent[] = [];
      return finish(c, id, placeOrder(this.state, c, events), events);
    }
    if (type === "order.cancel") {
      const c = command as CancelOrderCommand;
      const id = c.id;
      const bad = checkEnvelope(id, c.ts);
      if (bad !== null) return rejected(c, bad);
      const events: CoreEvent[] = [];
      return finish(c, id, cancelOrder(this.state, c, events), events);
    }
    const id = command.id;
    const bad = checkEnvelope(id, command.ts);
    if (bad !== null) return rejected(command, bad);
    const events: CoreEvent[] = [];
    switch (type) {
      case "order.cancelAll":
        return finish(
          command,
          id,
          cancelAllOrders(this.state, command as CancelAllOrdersCommand, events),
          events,
        );
      case "balance.deposit":
      case "balance.withdrawFreeze":
      case "balance.withdrawSettle":
      case "balance.withdrawRelease":
      case "balance.transfer":
      case "balance.adjust":
        return this.applyBalance(command as BalanceCommand);
      default:
        return finish(command, id, applyReference(this.state, command, events), events);
    }
  }

  /** Balance commands are idempotent: a repeated business key returns the first result. */
  private applyBalance(c: BalanceCommand): CommandResult {
    const bad = checkBusinessKey(c);
    if (bad !== null) return rejected(c, bad);
    const key = businessKey(c);
    const first = this.state.receipts.get(key);
    if (first !== undefined) return { ...first, repeated: true };
    const events: CoreEvent[] = [];
    const rejection = runBalanceCommand(this.state, c, events);
    if (rejection !== null) return rejected(c, rejection);
    const result: AcceptedResult = { accepted: true, commandId: c.id, repeated: false, events };
    this.state.receipts.set(key, result);
    return result;
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

/** Reference-data commands, and the rejection of unknown types. */
function applyReference(s: CoreState, command: Command, events: CoreEvent[]): Rejection | null {
  switch (command.type) {
    case "asset.add":
      return addAsset(s, command, events);
    case "market.add":
      return addMarket(s, command, events);
    case "market.setStatus":
      return setMarketStatus(s, command, events);
    case "feeTier.set":
      return setFeeTier(s, command, events);
    case "feeTier.assign":
      return assignFeeTier(s, command, events);
    default:
      return reject(
        RejectCode.UnknownCommandType,
        `unknown command type ${String((command as { type: unknown }).type)}`,
      );
  }
}

function checkEnvelope(id: unknown, ts: unknown): Rejection | null {
  if (!isShortText(id, MAX_COMMAND_ID_LENGTH)) {
    return reject(
      RejectCode.InvalidCommand,
      `command id must be 1-${MAX_COMMAND_ID_LENGTH} characters`,
    );
  }
  if (!Number.isSafeInteger(ts) || (ts as number) < 0) {
    return reject(RejectCode.InvalidCommand, "ts must be a non-negative integer of epoch ms");
  }
  return null;
}

function runBalanceCommand(s: CoreState, c: BalanceCommand, events: CoreEvent[]): Rejection | null {
  switch (c.type) {
    case "balance.deposit":
      return deposit(s, c, events);
    case "balance.withdrawFreeze":
      return withdrawFreeze(s, c, events);
    case "balance.withdrawSettle":
      return withdrawSettle(s, c, events);
    case "balance.withdrawRelease":
      return withdrawRelease(s, c, events);
    case "balance.transfer":
      return transfer(s, c, events);
    case "balance.adjust":
      return adjustBalance(s, c, events);
  }
}

/** The result of a handler that returned `rejection` (or null) after emitting `events`. */
function finish(
  command: Command,
  commandId: string,
  rejection: Rejection | null,
  events: CoreEvent[],
): CommandResult {
  if (rejection !== null) {
    assert(events.length === 0, "a rejected command emitted events");
    return rejected(command, rejection);
  }
  return { accepted: true, commandId, repeated: false, events };
}

function rejected(command: Command, rejection: Rejection): RejectedResult {
  const events: CoreEvent[] = [];
  if (command.type === "order.place") events.push(orderRejected(command, rejection));
  return {
    accepted: false,
    commandId: command.id,
    code: rejection.code,
    message: rejection.message,
    events,
  };
}

function orderRejected(c: PlaceOrderCommand, rejection: Rejection): CoreEvent {
  return {
    type: "order.rejected",
    symbol: c.symbol,
    userId: c.userId,
    clientOrderId: c.clientOrderId ?? null,
    code: rejection.code,
    message: rejection.message,
  };
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
  };
}

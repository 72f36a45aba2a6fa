import type { MarketStatus } from "@exchange/contracts/market";
import type { OrderStatus } from "@exchange/contracts/order";
import { progressOf, startOrderLife } from "@exchange/contracts/order-life";
import { TABLE_STATUS } from "@exchange/domains/markets/market-config";
import type { WireCoreEvent } from "@exchange/protocol";
import type { OutcomeRecord } from "./outcome-batch";

type Event<T extends WireCoreEvent["type"]> = Extract<WireCoreEvent, { type: T }>;

export interface OrderRow {
  orderId: number;
  userId: number;
  symbol: string;
  side: string;
  orderType: string;
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  timeInForce: string;
  postOnly: boolean;
  clientOrderId: string | null;
  status: OrderStatus;
  filledLots: bigint;
  remainingLots: bigint;
  filledQuoteAtoms: bigint;
  cancelReason: string | null;
  stopOrderType: string | null;
  stopPriceTicks: bigint | null;
  listId: number | null;
  working: boolean;
  workingAt: Date | null;
  acceptedSeq: number;
  updatedSeq: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What later events changed in an order accepted in an earlier batch. A fill or cancel states
 * the progress fields (cumulative); a trigger states `working`; a kept-priority amendment the
 * quantity, price and remaining quantity. A field left out is unchanged.
 */
export type OrderProgressRow = Pick<OrderRow, "orderId" | "updatedSeq" | "updatedAt"> &
  Partial<
    Pick<
      OrderRow,
      | "status"
      | "filledLots"
      | "remainingLots"
      | "filledQuoteAtoms"
      | "cancelReason"
      | "qtyLots"
      | "priceTicks"
      | "working"
      | "workingAt"
    >
  >;

export interface TradeRow extends Omit<Event<"trade">, "type" | "ts"> {
  seq: number;
  executedAt: Date;
}

export interface PostingRow {
  seq: number;
  eventIndex: number;
  postingIndex: number;
  userId: number;
  account: string;
  asset: string;
  amountAtoms: bigint;
  balanceAtoms: bigint;
  cause: string;
  orderId: number;
  tradeId: number;
  business: string;
  businessId: string;
  postedAt: Date;
}

export interface AccountBalanceRow {
  userId: number;
  account: string;
  asset: string;
  balanceAtoms: bigint;
  updatedSeq: number;
  updatedAt: Date;
}

/** A loan as its latest `loan.changed` in the batch leaves it (the engine's numbers). */
export interface LoanRow {
  loanId: string;
  /** The borrower, told of the change once it is stored (`@account`). */
  userId: number;
  status: "OPEN" | "LIQUIDATING" | "CLOSED" | "LIQUIDATED";
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  proceedsAtoms: bigint;
  at: Date;
}

/** The `LoanEventKind` a `loan.changed` of this cause records in the loan's history. */
type LoanEventKind =
  | "OPENED"
  | "ACCRUED"
  | "REPAID"
  | "COLLATERAL_ADDED"
  | "LIQUIDATION_STARTED"
  | "LIQUIDATION_SLICE"
  | "LIQUIDATED"
  | "CLOSED";

/**
 * One line of a loan's history. Its amounts are the loan's state AFTER the command (what the
 * event carries); a step's own amount is the difference from the line before it. `eventKey`
 * is the journal position, so a re-projected batch writes it once.
 */
export interface LoanEventRow extends Omit<LoanRow, "status"> {
  kind: LoanEventKind;
  eventKey: string;
  /** The spot order a liquidation slice placed in the borrower's name. */
  orderId: number | null;
}

/** A perpetual contract as `contract.added` lists it (its market row exists already). */
export interface ContractRow {
  symbol: string;
  maxLeverage: number;
  /** The tiers as stored (JSON): bounds as decimal text. */
  riskTiers: { maxNotionalAtoms: string; maintenanceMarginPpm: number; maxLeverage: number }[];
  fundingIntervalMs: number;
  fundingCapPpm: number;
  interestPpm: number;
  seq: number;
  at: Date;
}

/** What later events changed in a contract's row: its mark, its last funding. */
export interface ContractProgressRow {
  symbol: string;
  markPriceTicks?: bigint;
  indexPriceTicks?: bigint;
  markAt?: Date;
  lastFundingTime?: Date;
  lastFundingRatePpm?: number;
  updatedSeq: number;
  updatedAt: Date;
}

export interface FuturesWalletRow {
  userId: number;
  asset: string;
  walletAtoms: bigint;
  updatedSeq: number;
  updatedAt: Date;
}

/**
 * A position as its latest `position.changed` in the batch leaves it. `realisedPnlAtoms` is what
 * the batch's changes realised together; the row adds it to the position's running total.
 */
export interface PositionRow {
  userId: number;
  symbol: string;
  qtyLots: bigint;
  costAtoms: bigint;
  mode: "CROSS" | "ISOLATED";
  leverage: number;
  isolatedMarginAtoms: bigint;
  realisedPnlAtoms: bigint;
  /** Null when the engine indexes none (flat). */
  liquidationPriceTicks: bigint | null;
  updatedSeq: number;
  updatedAt: Date;
}

export type PositionEventKind = "TRADE" | "FUNDING" | "LIQUIDATION" | "DELEVERAGE" | "SETTINGS";

/** One line of a position's history: its state after the step (see `position_events`). */
export interface PositionEventRow {
  userId: number;
  symbol: string;
  kind: PositionEventKind;
  qtyLots: bigint;
  costAtoms: bigint;
  realisedPnlAtoms: bigint;
  fundingAtoms: bigint | null;
  priceTicks: bigint | null;
  eventKey: string;
  seq: number;
  commandId: string;
  at: Date;
}

export interface FundingSettlementRow extends Omit<Event<"funding.settled">, "type"> {
  seq: number;
  at: Date;
}

export interface LiquidationRow extends Omit<Event<"position.liquidated">, "type"> {
  eventKey: string;
  seq: number;
  commandId: string;
  at: Date;
}

/** Everything one batch of outcomes changes in the read models, collapsed to final values. */
export interface ProjectionChanges {
  /** Orders first seen in this batch, with any progress they made in it. */
  newOrders: Map<number, OrderRow>;
  /** Latest progress of orders accepted in earlier batches. */
  progress: Map<number, OrderProgressRow>;
  trades: TradeRow[];
  postings: PostingRow[];
  /** Latest balance of each account touched, keyed by `userId|account|asset`. */
  balances: Map<string, AccountBalanceRow>;
  /** Latest status of each market whose status changed, by symbol, as the markets table names it. */
  marketStatuses: Map<string, MarketStatus>;
  /** Latest state of each loan a lending command touched, by loan id. */
  loans: Map<string, LoanRow>;
  /** Every step of those loans, in journal order. */
  loanEvents: LoanEventRow[];
  /** Perpetual contracts listed in this batch, by symbol. */
  contracts: Map<string, ContractRow>;
  /** Latest mark and funding of each contract, by symbol. */
  contractProgress: Map<string, ContractProgressRow>;
  /** Latest futures wallet of each user, keyed by `userId|asset`. */
  futuresWallets: Map<string, FuturesWalletRow>;
  /** Latest state of each position, keyed by `userId|symbol`. */
  positions: Map<string, PositionRow>;
  /** Every step of those positions, in journal order. */
  positionEvents: PositionEventRow[];
  fundingSettlements: FundingSettlementRow[];
  liquidations: LiquidationRow[];
  /** Highest seq in the batch: the new offset. */
  lastSeq: number;
}

/**
 * Turns outcomes into read-model rows. Pure: no I/O, and no balance arithmetic either — every
 * posting carries its account's balance after it, so the projection copies the engine's numbers
 * rather than recomputing them. Rejected commands and repeated balance commands change nothing.
 */
export function projectOutcomes(records: readonly OutcomeRecord[]): ProjectionChanges {
  const changes: ProjectionChanges = {
    newOrders: new Map(),
    progress: new Map(),
    trades: [],
    postings: [],
    balances: new Map(),
    marketStatuses: new Map(),
    loans: new Map(),
    loanEvents: [],
    contracts: new Map(),
    contractProgress: new Map(),
    futuresWallets: new Map(),
    positions: new Map(),
    positionEvents: [],
    fundingSettlements: [],
    liquidations: [],
    lastSeq: 0,
  };
  for (const record of records) {
    changes.lastSeq = Math.max(changes.lastSeq, record.seq);
    if (!record.outcome.ok || record.outcome.repeated) continue;
    const at = new Date(record.ts);
    const { events } = record.outcome;
    for (let eventIndex = 0; eventIndex < events.length; eventIndex++) {
      const place = { seq: record.seq, eventIndex, at, commandId: record.commandId };
      const event = events[eventIndex] as WireCoreEvent;
      if (event.type === "loan.changed")
        recordLoan(changes, event, events as WireCoreEvent[], place);
      else if (event.type === "position.changed")
        recordPosition(changes, event, events as WireCoreEvent[], place);
      else projectEvent(changes, event, place);
    }
  }
  return changes;
}

interface EventPlace {
  seq: number;
  eventIndex: number;
  at: Date;
  commandId: string;
}

const eventKeyOf = (place: EventPlace) => `journal:${place.seq}:${place.eventIndex}`;

const LOAN_STATUS = {
  open: "OPEN",
  liquidating: "LIQUIDATING",
  closed: "CLOSED",
  liquidated: "LIQUIDATED",
} as const;

const LOAN_EVENT_KIND = {
  "loan.open": "OPENED",
  "loan.repay": "REPAID",
  "loan.addCollateral": "COLLATERAL_ADDED",
  "loan.accrue": "ACCRUED",
  "loan.liquidate": "LIQUIDATION_STARTED",
  "loan.liquidationSell": "LIQUIDATION_SLICE",
} as const;

/** What a loan's step is called: the last repayment closes it, the last slice settles it. */
function loanEventKind(event: Event<"loan.changed">): LoanEventKind {
  if (event.status === "closed") return "CLOSED";
  if (event.status === "liquidated") return "LIQUIDATED";
  return LOAN_EVENT_KIND[event.cause];
}

/**
 * A loan's new state and its history line. A liquidation slice's order is the borrower's order
 * accepted earlier in the same command's events.
 */
function recordLoan(
  changes: ProjectionChanges,
  event: Event<"loan.changed">,
  events: readonly WireCoreEvent[],
  place: EventPlace,
): void {
  const state = {
    loanId: event.loanId,
    userId: event.userId,
    principalAtoms: event.principalAtoms,
    interestAtoms: event.interestAtoms,
    collateralAtoms: event.collateralAtoms,
    proceedsAtoms: event.proceedsAtoms,
    at: place.at,
  };
  changes.loans.set(event.loanId, { ...state, status: LOAN_STATUS[event.status] });
  const order = events
    .slice(0, place.eventIndex)
    .find((e) => e.type === "order.accepted" && e.userId === event.userId);
  changes.loanEvents.push({
    ...state,
    kind: loanEventKind(event),
    eventKey: eventKeyOf(place),
    orderId: order?.type === "order.accepted" ? order.orderId : null,
  });
}

/** The history line a position change of this cause records; none for a wallet-only cause. */
const POSITION_EVENT_KIND: Record<Event<"position.changed">["cause"], PositionEventKind | null> = {
  trade: "TRADE",
  "position.setLeverage": "SETTINGS",
  "position.setMarginMode": "SETTINGS",
  funding: "FUNDING",
  liquidation: "LIQUIDATION",
  deleverage: "DELEVERAGE",
  "futures.transfer": null,
};

/**
 * A position's new state and its history line. A funding line carries what the position paid
 * (the `position.funded` before it in the command's events); a deleveraging line the price it
 * was reduced at (the `position.deleveraged` after it).
 */
function recordPosition(
  changes: ProjectionChanges,
  event: Event<"position.changed">,
  events: readonly WireCoreEvent[],
  place: EventPlace,
): void {
  const key = `${event.userId}|${event.symbol}`;
  const realisedBefore = changes.positions.get(key)?.realisedPnlAtoms ?? 0n;
  changes.positions.set(key, {
    userId: event.userId,
    symbol: event.symbol,
    qtyLots: event.qtyLots,
    costAtoms: event.costAtoms,
    mode: event.mode === "cross" ? "CROSS" : "ISOLATED",
    leverage: event.leverage,
    isolatedMarginAtoms: event.isolatedMarginAtoms,
    realisedPnlAtoms: realisedBefore + event.realisedPnlAtoms,
    liquidationPriceTicks: event.liquidationPriceTicks === 0n ? null : event.liquidationPriceTicks,
    updatedSeq: place.seq,
    updatedAt: place.at,
  });
  const kind = POSITION_EVENT_KIND[event.cause];
  if (kind === null) return;
  const mine = (e: WireCoreEvent) =>
    "userId" in e && e.userId === event.userId && "symbol" in e && e.symbol === event.symbol;
  const funded =
    kind === "FUNDING"
      ? events.slice(0, place.eventIndex).findLast((e) => e.type === "position.funded" && mine(e))
      : undefined;
  const deleveraged =
    kind === "DELEVERAGE"
      ? events.slice(place.eventIndex + 1).find((e) => e.type === "position.deleveraged" && mine(e))
      : undefined;
  changes.positionEvents.push({
    userId: event.userId,
    symbol: event.symbol,
    kind,
    qtyLots: event.qtyLots,
    costAtoms: event.costAtoms,
    realisedPnlAtoms: event.realisedPnlAtoms,
    fundingAtoms: funded?.type === "position.funded" ? funded.paidAtoms : null,
    priceTicks: deleveraged?.type === "position.deleveraged" ? deleveraged.priceTicks : null,
    eventKey: eventKeyOf(place),
    seq: place.seq,
    commandId: place.commandId,
    at: place.at,
  });
}

function contractRow(event: Event<"contract.added">, place: EventPlace): ContractRow {
  return {
    symbol: event.symbol,
    maxLeverage: event.maxLeverage,
    riskTiers: event.riskTiers.map((t) => ({
      maxNotionalAtoms: t.maxNotionalAtoms.toString(),
      maintenanceMarginPpm: t.maintenanceMarginPpm,
      maxLeverage: t.maxLeverage,
    })),
    fundingIntervalMs: event.fundingIntervalMs,
    fundingCapPpm: event.fundingCapPpm,
    interestPpm: event.interestPpm,
    seq: place.seq,
    at: place.at,
  };
}

/** Merges a mark or funding into the contract's pending update (one row per contract a batch). */
function recordContract(
  changes: ProjectionChanges,
  symbol: string,
  change: Omit<ContractProgressRow, "symbol" | "updatedSeq" | "updatedAt">,
  place: EventPlace,
): void {
  const pending = changes.contractProgress.get(symbol);
  changes.contractProgress.set(symbol, {
    ...pending,
    ...change,
    symbol,
    updatedSeq: place.seq,
    updatedAt: place.at,
  });
}

function projectEvent(changes: ProjectionChanges, event: WireCoreEvent, place: EventPlace): void {
  switch (event.type) {
    case "order.accepted":
      changes.newOrders.set(event.orderId, newOrderRow(event, place));
      return;
    case "order.partiallyFilled":
    case "order.filled":
    case "order.cancelled":
      recordProgress(changes, event.orderId, progressOf(event), place);
      return;
    case "order.triggered":
      // It works from the triggering command's time, its priority from now on.
      recordProgress(changes, event.orderId, { working: true, workingAt: place.at }, place);
      return;
    case "order.amended":
      // A replacing amendment is the old order's cancel and a new order's acceptance, each
      // with its own event; only a quantity reduction changes the order in place.
      if (event.keptPriority) {
        const { qtyLots, priceTicks, remainingLots } = event;
        recordProgress(changes, event.orderId, { qtyLots, priceTicks, remainingLots }, place);
      }
      return;
    case "trade":
      changes.trades.push(tradeRow(event, place));
      return;
    case "balance.changed":
      recordPostings(changes, event, place);
      return;
    case "market.statusChanged":
      changes.marketStatuses.set(event.symbol, TABLE_STATUS[event.status]);
      return;
    case "contract.added":
      changes.contracts.set(event.symbol, contractRow(event, place));
      return;
    case "mark.changed": {
      const { markPriceTicks, indexPriceTicks } = event;
      const markAt = new Date(event.at);
      recordContract(changes, event.symbol, { markPriceTicks, indexPriceTicks, markAt }, place);
      return;
    }
    case "funding.settled": {
      const { type: _, ...settlement } = event;
      changes.fundingSettlements.push({ ...settlement, seq: place.seq, at: place.at });
      const progress = {
        lastFundingTime: new Date(event.fundingTime),
        lastFundingRatePpm: event.ratePpm,
      };
      recordContract(changes, event.symbol, progress, place);
      return;
    }
    case "futures.walletChanged":
      changes.futuresWallets.set(`${event.userId}|${event.asset}`, {
        userId: event.userId,
        asset: event.asset,
        walletAtoms: event.walletAtoms,
        updatedSeq: place.seq,
        updatedAt: place.at,
      });
      return;
    case "position.liquidated": {
      const { type: _, ...liquidation } = event;
      changes.liquidations.push({
        ...liquidation,
        eventKey: eventKeyOf(place),
        seq: place.seq,
        commandId: place.commandId,
        at: place.at,
      });
      return;
    }
    default:
      // Book levels feed market data; new assets and markets are written by the service that
      // created them, once the engine took them. A position's funding payment and
      // auto-deleveraging are read with the `position.changed` that reports them.
      return;
  }
}

/** The trade's fields written out: a rest spread copies through the runtime's slow path. */
function tradeRow(event: Event<"trade">, place: EventPlace): TradeRow {
  return {
    symbol: event.symbol,
    tradeId: event.tradeId,
    priceTicks: event.priceTicks,
    qtyLots: event.qtyLots,
    quoteAtoms: event.quoteAtoms,
    takerSide: event.takerSide,
    takerOrderId: event.takerOrderId,
    takerUserId: event.takerUserId,
    takerFeeAtoms: event.takerFeeAtoms,
    takerFeeAsset: event.takerFeeAsset,
    makerOrderId: event.makerOrderId,
    makerUserId: event.makerUserId,
    makerFeeAtoms: event.makerFeeAtoms,
    makerFeeAsset: event.makerFeeAsset,
    seq: place.seq,
    executedAt: place.at,
  };
}

function recordPostings(
  changes: ProjectionChanges,
  event: Event<"balance.changed">,
  place: EventPlace,
): void {
  const { postings } = event;
  for (let postingIndex = 0; postingIndex < postings.length; postingIndex++) {
    const posting = postings[postingIndex] as (typeof postings)[number];
    changes.postings.push({
      seq: place.seq,
      eventIndex: place.eventIndex,
      postingIndex,
      account: posting.account,
      userId: posting.userId,
      asset: posting.asset,
      amountAtoms: posting.amountAtoms,
      balanceAtoms: posting.balanceAtoms,
      cause: event.cause,
      orderId: event.orderId,
      tradeId: event.tradeId,
      business: event.business,
      businessId: event.businessId,
      postedAt: place.at,
    });
    changes.balances.set(`${posting.userId}|${posting.account}|${posting.asset}`, {
      userId: posting.userId,
      account: posting.account,
      asset: posting.asset,
      balanceAtoms: posting.balanceAtoms,
      updatedSeq: place.seq,
      updatedAt: place.at,
    });
  }
}

function newOrderRow(event: Event<"order.accepted">, place: EventPlace): OrderRow {
  return {
    orderId: event.orderId,
    userId: event.userId,
    symbol: event.symbol,
    side: event.side,
    orderType: event.orderType,
    priceTicks: event.priceTicks,
    qtyLots: event.qtyLots,
    quoteAtoms: event.quoteAtoms,
    timeInForce: event.timeInForce,
    postOnly: event.postOnly,
    clientOrderId: event.clientOrderId,
    ...progressAtStart(event),
    stopOrderType: event.stopOrderType ?? null,
    stopPriceTicks: event.stopPriceTicks ?? null,
    listId: event.listId ?? null,
    working: event.stopPriceTicks === undefined,
    workingAt: event.stopPriceTicks === undefined ? place.at : null,
    acceptedSeq: place.seq,
    updatedSeq: place.seq,
    createdAt: place.at,
    updatedAt: place.at,
  };
}

/** Merges a change into the order's row (accepted in this batch) or its pending update. */
function recordProgress(
  changes: ProjectionChanges,
  orderId: number,
  change: Omit<OrderProgressRow, "orderId" | "updatedSeq" | "updatedAt">,
  place: EventPlace,
): void {
  const progress = { ...change, updatedSeq: place.seq, updatedAt: place.at };
  const fresh = changes.newOrders.get(orderId);
  if (fresh) {
    Object.assign(fresh, progress);
    return;
  }
  const pending = changes.progress.get(orderId);
  changes.progress.set(orderId, { ...pending, orderId, ...progress });
}

/** Where an order stands the moment it is accepted (the same fold the API and market data use). */
function progressAtStart(event: Event<"order.accepted">) {
  const { status, filledLots, remainingLots, filledQuoteAtoms, cancelReason } =
    startOrderLife(event);
  return { status, filledLots, remainingLots, filledQuoteAtoms, cancelReason };
}

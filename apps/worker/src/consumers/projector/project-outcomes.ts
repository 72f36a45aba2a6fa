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
    lastSeq: 0,
  };
  for (const record of records) {
    changes.lastSeq = Math.max(changes.lastSeq, record.seq);
    if (!record.outcome.ok || record.outcome.repeated) continue;
    const at = new Date(record.ts);
    const { events } = record.outcome;
    for (let eventIndex = 0; eventIndex < events.length; eventIndex++) {
      const place = { seq: record.seq, eventIndex, at };
      const event = events[eventIndex] as WireCoreEvent;
      if (event.type === "loan.changed")
        recordLoan(changes, event, events as WireCoreEvent[], place);
      else projectEvent(changes, event, place);
    }
  }
  return changes;
}

interface EventPlace {
  seq: number;
  eventIndex: number;
  at: Date;
}

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
    eventKey: `journal:${place.seq}:${place.eventIndex}`,
    orderId: order?.type === "order.accepted" ? order.orderId : null,
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
    default:
      // Book levels feed market data; new assets and markets are written by the service that
      // created them, once the engine took them.
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

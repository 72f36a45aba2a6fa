import type {
  BalanceChangedEvent,
  CancelReason,
  OrderAcceptedEvent,
  OrderAmendedEvent,
  OrderCancelledEvent,
  OrderFillEvent,
  OrderTriggeredEvent,
  TradeEvent,
} from "@exchange/core";
import type { OrderStatus } from "./order";

/**
 * An order's life as its owner follows it, worked out from the engine's events alone: the API's
 * reply to a placement, the projector's orders read model and the market-data job's `@order`
 * pushes all fold the same events through `advanceOrderLife`, so they cannot disagree.
 *
 * It lives here, not in the core: the core keeps the order itself and never needs this fold;
 * what the fold produces (the status names, what "filled" means to a trader) is public.
 */
export interface OrderLife {
  orderId: number;
  userId: number;
  side: OrderAcceptedEvent["side"];
  /** Ordered quantity, or 0 for a market buy by quote amount. */
  qtyLots: bigint;
  status: OrderStatus;
  filledLots: bigint;
  /** Quantity still open (0 once final, and always 0 for a market buy by quote amount). */
  remainingLots: bigint;
  filledQuoteAtoms: bigint;
  /** What the order still holds frozen: quote atoms for a buy, base atoms for a sell. */
  frozenAtoms: bigint;
  cancelReason: CancelReason | null;
  /**
   * A sell's base atoms per lot (0 for a buy): a sell freezes exactly its quantity in base
   * (packages/core place-order.ts), so this is what it froze over what it ordered.
   */
  baseAtomsPerLot: bigint;
  /** A stop or take-profit order's trigger price; null for any other order. */
  stopPriceTicks: bigint | null;
  /**
   * False while a stop order waits for its trigger: its status is then `OPEN` (Binance shows it
   * `NEW`, with `isWorking` false). True for every other order, and for a stop once triggered.
   */
  working: boolean;
  /** When it started working: its acceptance time, or a stop order's trigger time. */
  workingTs: number;
  /** Its OCO list's id, or null. */
  listId: number | null;
}

/** The events that move an order's life; any other event leaves it as it is. */
export type OrderLifeEvent =
  | OrderFillEvent
  | OrderCancelledEvent
  | OrderTriggeredEvent
  | OrderAmendedEvent
  | TradeEvent
  | BalanceChangedEvent
  | { type: string };

/** An order's life the moment the engine accepted it. */
export function startOrderLife(accepted: OrderAcceptedEvent): OrderLife {
  return {
    orderId: accepted.orderId,
    userId: accepted.userId,
    side: accepted.side,
    qtyLots: accepted.qtyLots,
    status: "OPEN",
    filledLots: 0n,
    remainingLots: accepted.qtyLots,
    filledQuoteAtoms: 0n,
    frozenAtoms: accepted.frozenAtoms,
    cancelReason: null,
    baseAtomsPerLot:
      accepted.side === "sell" && accepted.qtyLots > 0n
        ? accepted.frozenAtoms / accepted.qtyLots
        : 0n,
    stopPriceTicks: accepted.stopPriceTicks ?? null,
    working: accepted.stopPriceTicks === undefined,
    workingTs: accepted.ts,
    listId: accepted.listId ?? null,
  };
}

/** The life after one more of the engine's events, in journal order. Pure: `life` is not changed. */
export function advanceOrderLife(life: OrderLife, event: OrderLifeEvent): OrderLife {
  if (isProgress(event)) {
    if (event.orderId !== life.orderId) return life;
    return { ...life, ...progressOf(event) };
  }
  if (isTrade(event)) return settle(life, event);
  if (isBalanceChanged(event)) return release(life, event);
  if (event.type === "order.triggered") return trigger(life, event as OrderTriggeredEvent);
  if (event.type === "order.amended") return amend(life, event as OrderAmendedEvent);
  return life;
}

/**
 * A stop order starts working and states what it holds (an OCO's stop order takes its limit
 * order's hold over: that order then holds nothing, and its cancel releases nothing).
 */
function trigger(life: OrderLife, event: OrderTriggeredEvent): OrderLife {
  if (event.orderId === life.orderId) {
    // An OCO sell's stop order may have frozen nothing of its own; it now holds its quantity.
    const baseAtomsPerLot =
      life.side === "sell" && life.remainingLots > 0n
        ? event.frozenAtoms / life.remainingLots
        : life.baseAtomsPerLot;
    return {
      ...life,
      working: true,
      workingTs: event.ts,
      frozenAtoms: event.frozenAtoms,
      baseAtomsPerLot,
    };
  }
  if (event.takenOverFromOrderId === life.orderId) return { ...life, frozenAtoms: 0n };
  return life;
}

/**
 * A kept-priority amendment lowers the quantity in place (its release follows as a
 * `balance.changed`); a replacing one is followed by the old order's cancel and a new order.
 */
function amend(life: OrderLife, event: OrderAmendedEvent): OrderLife {
  if (event.orderId !== life.orderId || !event.keptPriority) return life;
  return { ...life, qtyLots: event.qtyLots, remainingLots: event.remainingLots };
}

/** Status, fills and remaining quantity as a fill or cancel event states them (cumulative). */
export function progressOf(
  event: OrderFillEvent | OrderCancelledEvent,
): Pick<
  OrderLife,
  "status" | "filledLots" | "remainingLots" | "filledQuoteAtoms" | "cancelReason"
> {
  return {
    status:
      event.type === "order.cancelled"
        ? "CANCELLED"
        : event.type === "order.filled"
          ? "FILLED"
          : "PARTIALLY_FILLED",
    filledLots: event.filledLots,
    remainingLots: event.remainingLots,
    filledQuoteAtoms: event.filledQuoteAtoms,
    cancelReason: event.type === "order.cancelled" ? event.reason : null,
  };
}

/** Whether the order will never change again. */
export function isFinal(status: OrderStatus): boolean {
  return status === "FILLED" || status === "CANCELLED";
}

/** A trade spends from the frozen funds of both its orders: the buyer pays the quote, the seller the base. */
function settle(life: OrderLife, trade: TradeEvent): OrderLife {
  if (trade.takerOrderId !== life.orderId && trade.makerOrderId !== life.orderId) return life;
  const spent = life.side === "buy" ? trade.quoteAtoms : trade.qtyLots * life.baseAtomsPerLot;
  return { ...life, frozenAtoms: life.frozenAtoms - spent };
}

/** Funds the order no longer needs go back to available (cancel, unused remainder). */
function release(life: OrderLife, event: BalanceChangedEvent): OrderLife {
  if (event.cause !== "order.release" || event.orderId !== life.orderId) return life;
  let frozen = life.frozenAtoms;
  for (const posting of event.postings) {
    if (posting.account === "frozen" && posting.userId === life.userId) {
      frozen += posting.amountAtoms;
    }
  }
  return { ...life, frozenAtoms: frozen };
}

function isProgress(event: OrderLifeEvent): event is OrderFillEvent | OrderCancelledEvent {
  return (
    event.type === "order.filled" ||
    event.type === "order.partiallyFilled" ||
    event.type === "order.cancelled"
  );
}

function isTrade(event: OrderLifeEvent): event is TradeEvent {
  return event.type === "trade";
}

function isBalanceChanged(event: OrderLifeEvent): event is BalanceChangedEvent {
  return event.type === "balance.changed";
}

/** The life of the order `accepted` names after `events` (its own and any others, in journal order). */
export function foldOrderLife(
  accepted: OrderAcceptedEvent,
  events: readonly OrderLifeEvent[],
): OrderLife {
  return events.reduce(advanceOrderLife, startOrderLife(accepted));
}

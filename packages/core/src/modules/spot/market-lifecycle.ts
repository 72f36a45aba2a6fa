import { type CoreState, type Rejection, reject } from "../../core-state";
import type { CoreEvent } from "../../events";
import type { Market, Order } from "../../model";
import { RejectCode } from "../../reject-code";
import type { MarketStatus } from "../../types";
import { cancelOpenOrder } from "./match-order";

/**
 * A market's life: pre-open → trading ⇄ cancel-only ⇄ halted → closed. Trading, cancel-only and
 * halted move freely between each other (an incident halts a trading market at once); any of
 * them, or a market that never opened, may close; closed is final.
 */

/** Every status, in the order of a market's life. */
export const MARKET_STATUSES: readonly MarketStatus[] = [
  "preOpen",
  "trading",
  "cancelOnly",
  "halted",
  "closed",
];

const NEXT_STATUSES: Readonly<Record<MarketStatus, readonly MarketStatus[]>> = {
  preOpen: ["trading", "closed"],
  trading: ["cancelOnly", "halted", "closed"],
  cancelOnly: ["trading", "halted", "closed"],
  halted: ["trading", "cancelOnly", "closed"],
  closed: [],
};

export function isMarketStatus(value: unknown): value is MarketStatus {
  return MARKET_STATUSES.includes(value as MarketStatus);
}

/** Whether a market may move from `from` to `to` (staying where it is always may). */
export function canChangeMarketStatus(from: MarketStatus, to: MarketStatus): boolean {
  return from === to || NEXT_STATUSES[from].includes(to);
}

/** Why the market takes no new order, or null when it trades. */
export function refuseNewOrder(market: Market): Rejection | null {
  switch (market.status) {
    case "trading":
      return null;
    case "cancelOnly":
      return reject(RejectCode.MarketCancelOnly, `market ${market.symbol} accepts cancels only`);
    case "halted":
      return reject(RejectCode.MarketHalted, `market ${market.symbol} is halted`);
    case "preOpen":
      return reject(RejectCode.MarketPreOpen, `market ${market.symbol} has not opened yet`);
    case "closed":
      return reject(RejectCode.MarketClosed, `market ${market.symbol} is closed`);
  }
}

/** Why the market takes no cancel or amendment, or null when it does. */
export function refuseOrderChange(market: Market): Rejection | null {
  if (market.status === "halted") {
    return reject(RejectCode.MarketHalted, `market ${market.symbol} is halted`);
  }
  if (market.status === "closed") {
    return reject(RejectCode.MarketClosed, `market ${market.symbol} is closed`);
  }
  return null;
}

/**
 * Cancels every open order of the market — resting, waiting stop orders and both orders of each
 * OCO list — oldest first, releasing their funds. Orders are listed from every account, then
 * sorted by id, so the events do not depend on the account table's layout.
 */
export function cancelEveryOrder(s: CoreState, market: Market, events: CoreEvent[]): void {
  const chosen: Order[] = [];
  for (const account of s.accounts.values()) {
    for (let order = account.firstOrder; order !== null; order = order.userNext) {
      if (order.market === market) chosen.push(order);
    }
  }
  chosen.sort((a, b) => a.id - b.id);
  for (const open of chosen) {
    // Still open: not the peer of an OCO order cancelled before it (which took it along).
    if (s.orders.get(open.id) === open) cancelOpenOrder(s, open, "marketClosed", events);
  }
}

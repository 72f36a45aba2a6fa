import type { CoreState } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import type { Order } from "../../model";
import { orderBalanceChanged, postSystem } from "../accounts/ledger";
import { cancelOpenOrder, executeOrder } from "../spot/match-order";
import { acceptOrder } from "../spot/place-order";
import { crossMarginBalanceAtoms, crossTotals, markPnlAtoms } from "./margin-account";
import { bankruptcyPriceTicks, isBelowMaintenance, largerOf, smallerOf } from "./margin-math";
import type { Perpetual, Position } from "./perpetual";
import { coverShortfall, reduce } from "./perpetual-fills";
import { cancelStrandedStops } from "./perpetual-stops";
import { emitPosition, emitWallet } from "./position-events";

/**
 * Liquidation (issue 20 §5), run by `mark.set` on the positions the new mark has crossed in the
 * liquidation index, each confirmed by the exact check: an isolated position when its margin
 * balance is at or below its maintenance, a cross account when its cross margin balance is at or
 * below the maintenance of all its cross positions (then all of them go).
 *
 * For each position: the owner's open orders in the contract are cancelled, waiting stop orders
 * included (`cancelContractOrders` walks all of them); the position is
 * closed in the owner's name by an IOC reduce-only order (no taker fee) whose limit is the
 * bankruptcy price — pushed past it by as much as the insurance fund can cover; what the book
 * does not take is closed by auto-deleveraging at the bankruptcy price against the most
 * profitable opposite positions (`deleverage`). Then the margin is settled with the insurance
 * fund: an isolated position's margin, what is left of it, goes to the fund; a cross position
 * pays the fund whatever its closing did better than the bankruptcy price. A loss beyond the
 * margin was covered by the fund fill by fill (`coverShortfall`).
 */
export function liquidateCrossed(
  s: CoreState,
  perpetual: Perpetual,
  ts: number,
  events: CoreEvent[],
): void {
  for (const userId of perpetual.liquidations.crossed(perpetual.markTicks)) {
    const position = perpetual.positions.get(userId);
    if (position === undefined || position.qtyLots === 0n) continue;
    if (position.mode === "isolated") {
      if (isolatedBelowMaintenance(position)) liquidate(s, position, ts, events);
    } else if (crossBelowMaintenance(position)) {
      for (const cross of openCrossPositions(position)) liquidate(s, cross, ts, events);
    }
  }
}

function isolatedBelowMaintenance(position: Position): boolean {
  const { perpetual } = position;
  return isBelowMaintenance({
    qtyLots: position.qtyLots,
    costAtoms: position.costAtoms,
    marginAtoms: position.isolatedMarginAtoms,
    k: perpetual.k,
    markTicks: perpetual.markTicks,
    tiers: perpetual.tiers,
  });
}

function crossBelowMaintenance(position: Position): boolean {
  const { futures, perpetual } = position;
  const balance = crossMarginBalanceAtoms(futures, perpetual.settle);
  return balance <= crossTotals(futures, perpetual.settle).maintenanceAtoms;
}

/** The account's open cross positions in the position's settle asset, by symbol. */
function openCrossPositions(position: Position): Position[] {
  return position.futures.positions
    .filter(
      (p) =>
        p.mode === "cross" && p.qtyLots !== 0n && p.perpetual.settle === position.perpetual.settle,
    )
    .sort((a, b) => (a.perpetual.market.symbol < b.perpetual.market.symbol ? -1 : 1));
}

/** The margin a position goes bankrupt against: its own, or the cross wallet and other PnL. */
function bankruptcyMarginAtoms(position: Position): bigint {
  if (position.mode === "isolated") return position.isolatedMarginAtoms;
  const settle = position.perpetual.settle;
  let margin = position.futures.walletOf(settle);
  for (const other of openCrossPositions(position)) {
    if (other !== position) margin += markPnlAtoms(other);
  }
  return margin;
}

function liquidate(s: CoreState, position: Position, ts: number, events: CoreEvent[]): void {
  const { perpetual, futures } = position;
  const settle = perpetual.settle;
  cancelContractOrders(s, position, events);
  const qtyLots = position.qtyLots;
  const size = absolute(qtyLots);
  const bankruptcyTicks = bankruptcyPriceTicks({
    qtyLots,
    costAtoms: position.costAtoms,
    marginAtoms: bankruptcyMarginAtoms(position),
    k: perpetual.k,
  });
  // What closing at the bankruptcy price would realise; the fund takes whatever beats it.
  const atBankruptcy =
    (qtyLots > 0n ? 1n : -1n) * bankruptcyTicks * size * perpetual.k - position.costAtoms;
  const walletBefore = futures.walletOf(settle);
  const realisedBefore = position.realisedPnlAtoms;
  const insuranceBefore = settle.system.insurance;
  closeOnBook(s, position, bankruptcyTicks, ts, events);
  // The book's fills reported what they realised (`position.changed`, cause "trade").
  const realisedByBook = position.realisedPnlAtoms - realisedBefore;
  const bookLots = size - absolute(position.qtyLots);
  deleverage(s, position, bankruptcyTicks, events);
  const realised = position.realisedPnlAtoms - realisedBefore;
  const share =
    position.mode === "isolated"
      ? futures.walletOf(settle) - walletBefore
      : realised - atBankruptcy;
  const postings: Posting[] = [];
  if (share > 0n) payFund(position, share, postings);
  coverShortfall(position, postings);
  if (postings.length > 0) events.push(orderBalanceChanged("liquidation", 0, 0, postings));
  // What this change realised beyond the fills (auto-deleveraging), so that the realised PnL of
  // a position's `position.changed` events sums to its own.
  emitPosition(s, position, realised - realisedByBook, "liquidation", events);
  emitWallet(futures, position, "liquidation", events);
  events.push({
    type: "position.liquidated",
    userId: position.userId,
    symbol: perpetual.market.symbol,
    qtyLots,
    markPriceTicks: perpetual.markTicks,
    bankruptcyPriceTicks: bankruptcyTicks,
    bookLots,
    deleveragedLots: size - bookLots,
    insuranceAtoms: settle.system.insurance - insuranceBefore,
  });
}

/** Moves what is left of a liquidated margin (at most the wallet) to the insurance fund. */
function payFund(position: Position, share: bigint, postings: Posting[]): void {
  const { futures, perpetual } = position;
  const settle = perpetual.settle;
  const wallet = futures.walletOf(settle);
  const taken = share < wallet ? share : wallet;
  if (taken <= 0n) return;
  futures.setWallet(settle, wallet - taken);
  postSystem(settle, "futuresMargin", -taken, postings);
  postSystem(settle, "insurance", taken, postings);
}

function absolute(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Cancels the owner's open orders in the position's contract, releasing their margin. */
function cancelContractOrders(s: CoreState, position: Position, events: CoreEvent[]): void {
  const account = s.accounts.get(position.userId);
  if (account === undefined) return;
  const orders: Order[] = [];
  for (let order = account.firstOrder; order !== null; order = order.userNext) {
    if (order.market === position.perpetual.market) orders.push(order);
  }
  for (const order of orders) cancelOpenOrder(s, order, "liquidation", events);
}

/**
 * Closes what the book will take of the position by an IOC reduce-only order in the owner's
 * name (`clientOrderId` "liquidation"), its limit the bankruptcy price pushed past by what the
 * insurance fund holds, spread over the position's size.
 */
function closeOnBook(
  s: CoreState,
  position: Position,
  bankruptcyTicks: bigint,
  ts: number,
  events: CoreEvent[],
): void {
  const { perpetual } = position;
  const market = perpetual.market;
  const account = s.accounts.get(position.userId);
  if (account === undefined) return;
  const long = position.qtyLots > 0n;
  const size = absolute(position.qtyLots);
  const fund = perpetual.settle.system.insurance;
  const slack = fund > 0n ? fund / (size * perpetual.k) : 0n;
  const limit = long
    ? largerOf(bankruptcyTicks - slack, 1n)
    : smallerOf(bankruptcyTicks + slack, market.maxPriceTicks);
  const order = s.takeOrder(
    account,
    market,
    long ? "sell" : "buy",
    "limit",
    limit,
    size,
    0n,
    "IOC",
    false,
    "none",
    LIQUIDATION_ORDER,
    ts,
  );
  acceptOrder(s, order, limit, 0n, events);
  perpetual.liquidationOrderId = order.id;
  executeOrder(s, order, events);
  perpetual.liquidationOrderId = 0;
}

/** The client order id of a liquidation's close order, so that its owner can tell it apart. */
export const LIQUIDATION_ORDER = "liquidation";

/**
 * Auto-deleveraging: what the book did not take of a liquidated position is closed at its
 * bankruptcy price against opposite positions, the most profitable first as the public venues
 * rank them: by unrealised PnL over entry cost times leverage (profit first, then the least
 * losing), ties by user id. Each counterparty realises its PnL at that price and is told.
 * Only here is every position of the contract looked at, and only when the book ran dry.
 */
function deleverage(
  s: CoreState,
  position: Position,
  priceTicks: bigint,
  events: CoreEvent[],
): void {
  if (position.qtyLots === 0n) return;
  const { perpetual } = position;
  const postings: Posting[] = [];
  for (const counterparty of deleverageQueue(position)) {
    const left = absolute(position.qtyLots);
    if (left === 0n) break;
    const lots = smallerOf(left, absolute(counterparty.qtyLots));
    reduce(position, lots, priceTicks, postings);
    const realised = reduce(counterparty, lots, priceTicks, postings);
    coverShortfall(counterparty, postings);
    emitPosition(s, counterparty, realised, "deleverage", events);
    emitWallet(counterparty.futures, counterparty, "deleverage", events);
    // A counterparty deleveraged flat keeps no stop order that could only reduce it.
    if (counterparty.qtyLots === 0n) cancelStrandedStops(s, counterparty, events);
    events.push({
      type: "position.deleveraged",
      userId: counterparty.userId,
      symbol: perpetual.market.symbol,
      qtyLots: lots,
      priceTicks,
      liquidatedUserId: position.userId,
    });
  }
  if (postings.length > 0) events.push(orderBalanceChanged("liquidation", 0, 0, postings));
}

/** Opposite positions in auto-deleveraging order (see `deleverage`). */
function deleverageQueue(position: Position): Position[] {
  const long = position.qtyLots > 0n;
  const opposite: Position[] = [];
  for (const other of position.perpetual.positions.values()) {
    if (other !== position && other.qtyLots !== 0n && other.qtyLots > 0n !== long) {
      opposite.push(other);
    }
  }
  return opposite.sort(byDeleverageRank);
}

/** Higher score first: PnL / |cost| × leverage, compared exactly by cross-multiplying. */
function byDeleverageRank(a: Position, b: Position): number {
  const left = markPnlAtoms(a) * BigInt(a.leverage) * absolute(b.costAtoms);
  const right = markPnlAtoms(b) * BigInt(b.leverage) * absolute(a.costAtoms);
  if (left !== right) return left > right ? -1 : 1;
  return a.userId - b.userId;
}

import { assert } from "../../assert";
import type { CoreState } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import type { Order } from "../../model";
import { postFee, postRounding, postSystem } from "../accounts/ledger";
import { makerRateOf, recordFill, takerRateOf } from "../spot/match-order";
import { divCeil, initialMarginAtoms, openLossAtoms, reduceCost, smallerOf } from "./margin-math";
import type { Perpetual, Position } from "./perpetual";
import { cancelStrandedStops } from "./perpetual-stops";
import { emitPosition, emitWallet } from "./position-events";

/**
 * A perpetual's fills. Nothing is exchanged: the buyer's position grows by the lots, the
 * seller's shrinks, each at the trade price, and money moves only inside the futures ledger:
 * - the part of a fill that reduces a position realises PnL (`margin-math.ts`'s rounding):
 *   `futuresPnl` −r, `futuresMargin` +r, into the wallet (cross) or the position's own margin,
 *   of which the reduced share then returns to the wallet (isolated);
 * - the part that opens a position takes its initial margin out of the wallet into the
 *   position's own margin when isolated (a cross position is margined by the wallet itself);
 * - each side pays its fee on the trade's notional, rounded UP as spot fees are: the exact part
 *   to `fee`, the round-up atom to `rounding`, both out of `futuresMargin`. A maker rebate (a
 *   negative tier scale) is rounded DOWN and at most the taker's exact fee, as on spot;
 * - an order's reservation shrinks in proportion to its lots (rounded down, the last fill takes
 *   the rest), so a resting order always holds its remaining lots' share.
 * A loss beyond the margin backing a position (a close at a gap past its bankruptcy price) is
 * covered by the insurance fund (`insurance` → `futuresMargin`), so no wallet goes below zero.
 */

const RATE_DENOMINATOR = 1_000_000_000_000n;

export function fillPerpetual(
  s: CoreState,
  perpetual: Perpetual,
  taker: Order,
  maker: Order,
  lots: bigint,
  events: CoreEvent[],
): bigint {
  const market = perpetual.market;
  const fill: Fill = { priceTicks: maker.priceTicks, lots, quote: 0n };
  fill.quote = fill.priceTicks * lots * perpetual.k;
  // A liquidation's close order pays no taker fee: its margin is already the insurance fund's.
  const takerRate =
    perpetual.liquidationOrderId === taker.id ? 0n : takerRateOf(market, taker.account.feeTier);
  const makerRate = makerRateOf(market, maker.account.feeTier);
  const postings: Posting[] = [];
  const takerFee = settleSide(s, perpetual, taker, fill, takerRate, 0n, postings, events);
  const makerFee =
    makerRate < 0n
      ? -settleSide(
          s,
          perpetual,
          maker,
          fill,
          0n,
          rebateOf(fill.quote, makerRate, takerRate),
          postings,
          events,
        )
      : settleSide(s, perpetual, maker, fill, makerRate, 0n, postings, events);
  const code = perpetual.settle.code;
  return recordFill(
    s,
    taker,
    maker,
    lots,
    fill.quote,
    takerFee,
    code,
    makerFee,
    code,
    postings,
    events,
  );
}

interface Fill {
  priceTicks: bigint;
  lots: bigint;
  /** The notional: price × lots × k. */
  quote: bigint;
}

/** A maker's rebate: rounded DOWN, and at most the taker's exact fee on the same fill. */
function rebateOf(quote: bigint, makerRate: bigint, takerRate: bigint): bigint {
  const owed = (quote * -makerRate) / RATE_DENOMINATOR;
  const takerExact = (quote * takerRate) / RATE_DENOMINATOR;
  return smallerOf(owed, takerExact);
}

/**
 * Moves one side of a fill into its position, charges its fee (or pays its rebate) and reports
 * the position and wallet. Returns the fee charged, or the rebate paid.
 */
function settleSide(
  s: CoreState,
  perpetual: Perpetual,
  order: Order,
  fill: Fill,
  rate: bigint,
  rebate: bigint,
  postings: Posting[],
  events: CoreEvent[],
): bigint {
  const position = positionOfOrder(perpetual, order);
  useReservation(position, order, fill.lots);
  const before = position.qtyLots;
  const realised = trade(position, order, fill, postings);
  const fee = rate > 0n ? chargeFee(position, fill.quote, rate, postings) : 0n;
  if (rebate > 0n) payRebate(position, rebate, postings);
  coverShortfall(position, postings);
  emitPosition(s, position, realised, "trade", events);
  emitWallet(position.futures, position, "trade", events);
  if (closedOrFlipped(before, position.qtyLots)) cancelStrandedStops(s, position, events);
  return rebate > 0n ? rebate : fee;
}

/** Whether a position of `before` lots is now flat or on the other side. */
export function closedOrFlipped(before: bigint, after: bigint): boolean {
  return before !== 0n && (after === 0n || after > 0n !== before > 0n);
}

export function positionOfOrder(perpetual: Perpetual, order: Order): Position {
  const position = perpetual.positions.get(order.userId);
  assert(position !== undefined, "a perpetual order without a position");
  return position;
}

/** The order's reservation for `lots` of its remaining lots, released (used by the fill). */
function useReservation(position: Position, order: Order, lots: bigint): void {
  const share =
    lots === order.remainingLots
      ? order.frozenAtoms
      : (order.frozenAtoms * lots) / order.remainingLots;
  order.frozenAtoms -= share;
  position.orderMarginAtoms -= share;
}

/** Releases `amount` of a perpetual order's reservation (cancel, expiry, unused remainder). */
export function releaseReservation(perpetual: Perpetual, order: Order, amount: bigint): void {
  const position = positionOfOrder(perpetual, order);
  order.frozenAtoms -= amount;
  position.orderMarginAtoms -= amount;
}

/** Applies a fill to the order's position: reduces first, opens the rest; returns the PnL realised. */
function trade(position: Position, order: Order, fill: Fill, postings: Posting[]): bigint {
  const buys = order.side === "buy";
  const opposite = position.qtyLots !== 0n && position.qtyLots > 0n !== buys;
  const size = position.qtyLots < 0n ? -position.qtyLots : position.qtyLots;
  const reduced = opposite ? (fill.lots < size ? fill.lots : size) : 0n;
  const realised = reduced > 0n ? reduce(position, reduced, fill.priceTicks, postings) : 0n;
  const opened = fill.lots - reduced;
  if (opened > 0n) open(position, order, opened, fill.priceTicks);
  return realised;
}

/**
 * Reduces the position by `lots` at `priceTicks`, realising PnL into its margin: the wallet
 * (cross), or the position's own margin of which the reduced share returns to the wallet
 * (isolated; all of it when the position closes). Returns the PnL realised.
 */
export function reduce(
  position: Position,
  lots: bigint,
  priceTicks: bigint,
  postings: Posting[],
): bigint {
  const { perpetual, futures } = position;
  const settle = perpetual.settle;
  const before = position.qtyLots;
  const { removedCostAtoms, remainingCostAtoms } = reduceCost(before, position.costAtoms, lots);
  const direction = before > 0n ? 1n : -1n;
  const realised = direction * priceTicks * lots * perpetual.k - removedCostAtoms;
  position.qtyLots = before - direction * lots;
  position.costAtoms = remainingCostAtoms;
  position.realisedPnlAtoms += realised;
  if (realised !== 0n) {
    postSystem(settle, "futuresPnl", -realised, postings);
    postSystem(settle, "futuresMargin", realised, postings);
  }
  if (position.mode === "cross") {
    futures.setWallet(settle, futures.walletOf(settle) + realised);
    return realised;
  }
  // A margin driven below zero stays with the position for the insurance fund to cover: an
  // isolated loss never reaches the wallet.
  const margin = position.isolatedMarginAtoms + realised;
  const size = before > 0n ? before : -before;
  const released = margin <= 0n ? 0n : position.qtyLots === 0n ? margin : (margin * lots) / size;
  position.isolatedMarginAtoms = margin - released;
  futures.setWallet(settle, futures.walletOf(settle) + released);
  return realised;
}

/**
 * Opens `lots` at `priceTicks`. An isolated position takes their initial margin out of the
 * wallet, priced at the fill for a buy and at the order's limit for a sell (never above the
 * fill), and the loss they open with against the mark, so it starts at its initial margin at
 * the mark and never takes more than the order reserved for them.
 */
function open(position: Position, order: Order, lots: bigint, priceTicks: bigint): void {
  const { perpetual, futures } = position;
  const signed = order.side === "buy" ? lots : -lots;
  position.qtyLots += signed;
  position.costAtoms += signed * priceTicks * perpetual.k;
  if (position.mode !== "isolated") return;
  const marginPrice = order.side === "buy" ? priceTicks : order.priceTicks;
  const { markTicks, k } = perpetual;
  const openLoss = openLossAtoms({ side: order.side, priceTicks, markTicks, qtyLots: lots, k });
  const wanted = initialMarginAtoms(marginPrice * lots * k, position.leverage) + openLoss;
  const wallet = futures.walletOf(perpetual.settle);
  // Never more than the wallet holds (the reservation covered it when the order was accepted).
  const moved = smallerOf(wanted, wallet);
  futures.setWallet(perpetual.settle, wallet - moved);
  position.isolatedMarginAtoms += moved;
}

/** Charges a fee of `rate` (parts per 10^12) on `quote`, rounded UP; returns it. */
function chargeFee(position: Position, quote: bigint, rate: bigint, postings: Posting[]): bigint {
  const { futures, perpetual } = position;
  const settle = perpetual.settle;
  const scaled = quote * rate;
  const exact = scaled / RATE_DENOMINATOR;
  const fee = divCeil(scaled, RATE_DENOMINATOR);
  if (fee === 0n) return 0n;
  futures.setWallet(settle, futures.walletOf(settle) - fee);
  postSystem(settle, "futuresMargin", -fee, postings);
  if (exact > 0n) postFee(settle, exact, postings);
  if (fee > exact) postRounding(settle, fee - exact, postings);
  return fee;
}

/** Pays a maker's rebate out of the fee account into its wallet. */
function payRebate(position: Position, rebate: bigint, postings: Posting[]): void {
  const { futures, perpetual } = position;
  const settle = perpetual.settle;
  futures.setWallet(settle, futures.walletOf(settle) + rebate);
  postFee(settle, -rebate, postings);
  postSystem(settle, "futuresMargin", rebate, postings);
}

/**
 * A wallet, or a closed isolated position's margin, left below zero (a loss past the bankruptcy
 * price) is made whole by the insurance fund, which alone may then go below zero.
 */
export function coverShortfall(position: Position, postings: Posting[]): bigint {
  const { futures, perpetual } = position;
  const settle = perpetual.settle;
  let shortfall = 0n;
  if (position.mode === "isolated" && position.isolatedMarginAtoms < 0n) {
    shortfall -= position.isolatedMarginAtoms;
    position.isolatedMarginAtoms = 0n;
  }
  const wallet = futures.walletOf(settle);
  if (wallet < 0n) {
    shortfall -= wallet;
    futures.setWallet(settle, 0n);
  }
  if (shortfall === 0n) return 0n;
  postSystem(settle, "insurance", -shortfall, postings);
  postSystem(settle, "futuresMargin", shortfall, postings);
  return shortfall;
}

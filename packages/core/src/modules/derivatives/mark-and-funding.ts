import { type CoreState, Rejection, reject } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import { RejectCode } from "../../reject-code";
import { orderBalanceChanged, postSystem } from "../accounts/ledger";
import type { FundingSettleCommand, MarkSetCommand } from "./commands";
import { findPerpetual } from "./contract-commands";
import { settleFunding } from "./funding-math";
import { liquidateCrossed } from "./liquidation";
import type { Perpetual, Position } from "./perpetual";
import { emitPosition, emitWallet, indexCrossPositions } from "./position-events";

/**
 * The mark price and funding of a perpetual, both sent by the worker as commands so that a
 * replay of the journal reaches the same state: the mark is computed outside (index plus a
 * bounded average of the basis), the funding rate too (premium samples and interest, clamped).
 */

export function setMark(s: CoreState, c: MarkSetCommand, events: CoreEvent[]): Rejection | null {
  const perpetual = findPerpetual(s, c.symbol);
  if (perpetual instanceof Rejection) return perpetual;
  const bad = checkPrices(perpetual, c);
  if (bad !== null) return bad;
  if (!Number.isSafeInteger(c.at) || c.at <= perpetual.markAt) {
    return reject(RejectCode.IndexNotNewer, `a mark at ${c.at} is not after the one held`);
  }
  perpetual.markTicks = c.markPriceTicks;
  perpetual.indexTicks = c.indexPriceTicks;
  perpetual.markAt = c.at;
  events.push({
    type: "mark.changed",
    symbol: perpetual.market.symbol,
    markPriceTicks: c.markPriceTicks,
    indexPriceTicks: c.indexPriceTicks,
    at: c.at,
  });
  // Cross accounts in several contracts are margined by this mark too: their prices move.
  for (const futures of s.crossInSeveralContracts) indexCrossPositions(futures);
  // A halted or closing book takes no orders, not even a liquidation's: it waits for trading.
  if (perpetual.market.status === "trading") liquidateCrossed(s, perpetual, c.ts, events);
  return null;
}

function checkPrices(perpetual: Perpetual, c: MarkSetCommand): Rejection | null {
  const max = perpetual.market.maxPriceTicks;
  for (const price of [c.markPriceTicks, c.indexPriceTicks]) {
    if (typeof price !== "bigint" || price <= 0n || price > max) {
      return reject(
        RejectCode.InvalidPrice,
        `mark and index must be bigints of ticks in 1..${max}`,
      );
    }
  }
  return null;
}

/**
 * Funding at `fundingTime`: every open position pays (or receives) its notional at the mark
 * times the rate, payers rounded UP and receivers DOWN (`funding-math.ts`); the remainder goes
 * to `rounding`. A payment comes out of an isolated position's own margin or the cross wallet;
 * what a margin cannot pay, the insurance fund pays, so receivers are always paid in full.
 * Positions are settled in user id order, so a restored snapshot settles them alike.
 */
export function settleContractFunding(
  s: CoreState,
  c: FundingSettleCommand,
  events: CoreEvent[],
): Rejection | null {
  const perpetual = findPerpetual(s, c.symbol);
  if (perpetual instanceof Rejection) return perpetual;
  const cap = perpetual.terms.fundingCapPpm;
  if (!Number.isSafeInteger(c.ratePpm) || Math.abs(c.ratePpm) > cap) {
    return reject(RejectCode.FundingNotAllowed, `the rate must be an integer within ±${cap} ppm`);
  }
  if (!Number.isSafeInteger(c.fundingTime) || c.fundingTime <= perpetual.lastFundingTime) {
    return reject(RejectCode.FundingNotAllowed, "funding at this time was settled already");
  }
  if (perpetual.markTicks === 0n)
    return reject(RejectCode.MarkMissing, "the contract has no mark yet");
  const positions = [...perpetual.positions.values()]
    .filter((p) => p.qtyLots !== 0n)
    .sort((a, b) => a.userId - b.userId);
  const terms = { markTicks: perpetual.markTicks, k: perpetual.k, ratePpm: BigInt(c.ratePpm) };
  const { paymentsAtoms, roundingAtoms } = settleFunding(positions, terms);
  const postings: Posting[] = [];
  let paidAtoms = 0n;
  positions.forEach((position, i) => {
    const payment = paymentsAtoms[i] as bigint;
    if (payment > 0n) paidAtoms += payment;
    applyFunding(position, payment, postings);
    events.push({
      type: "position.funded",
      userId: position.userId,
      symbol: perpetual.market.symbol,
      fundingTime: c.fundingTime,
      paidAtoms: payment,
    });
  });
  if (roundingAtoms > 0n) {
    postSystem(perpetual.settle, "futuresMargin", -roundingAtoms, postings);
    postSystem(perpetual.settle, "rounding", roundingAtoms, postings);
  }
  perpetual.lastFundingTime = c.fundingTime;
  if (postings.length > 0) events.push(orderBalanceChanged("funding", 0, 0, postings));
  // Each payment moved a cross wallet or an isolated margin, and with it the liquidation
  // price: both reported (the read models copy them rather than redo the arithmetic above).
  for (const position of positions) {
    if (position.mode === "cross") emitWallet(position.futures, position, "funding", events);
    emitPosition(s, position, 0n, "funding", events);
  }
  events.push({
    type: "funding.settled",
    symbol: perpetual.market.symbol,
    fundingTime: c.fundingTime,
    ratePpm: c.ratePpm,
    markPriceTicks: perpetual.markTicks,
    paidAtoms,
    receivedAtoms: paidAtoms - roundingAtoms,
    roundingAtoms,
    positions: positions.length,
  });
  return null;
}

/** Takes a payment (> 0) from, or pays a receipt (< 0) into, the margin backing the position. */
function applyFunding(position: Position, payment: bigint, postings: Posting[]): void {
  const { futures, perpetual } = position;
  const settle = perpetual.settle;
  const isolated = position.mode === "isolated";
  const margin = isolated ? position.isolatedMarginAtoms : futures.walletOf(settle);
  const covered = payment > margin ? payment - (margin > 0n ? margin : 0n) : 0n;
  const after = margin - payment + covered;
  if (isolated) position.isolatedMarginAtoms = after;
  else futures.setWallet(settle, after);
  if (covered > 0n) {
    postSystem(settle, "insurance", -covered, postings);
    postSystem(settle, "futuresMargin", covered, postings);
  }
}

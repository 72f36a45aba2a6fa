import type { Asset, Market } from "../../model";
import type { FuturesAccount } from "./futures-account";
import { SortedLiquidationIndex } from "./liquidation-index";
import type { PreparedRiskTier } from "./margin-math";

/** How a position is margined: by the whole futures wallet, or by margin of its own. */
export type MarginMode = "cross" | "isolated";

/** A perpetual's terms beyond its market's (see `ContractAddCommand`). */
export interface PerpetualTerms {
  maxLeverage: number;
  fundingIntervalMs: number;
  /** The most a funding rate may be, either way, ppm of the notional per interval. */
  fundingCapPpm: number;
  /** The interest component of the funding rate, ppm per interval. */
  interestPpm: number;
}

/**
 * A linear perpetual contract: its market (book, orders, status, fees) is an ordinary market of
 * the core whose `perpetual` points here; the base asset is the underlying, the quote asset the
 * settle asset. It holds the positions, the mark price and the liquidation index.
 */
export class Perpetual {
  readonly market: Market;
  readonly settle: Asset;
  readonly terms: PerpetualTerms;
  /** The risk tiers as given, and prepared (with their maintenance amounts). */
  readonly tiers: readonly PreparedRiskTier[];
  /** Settle atoms per tick per lot: the notional of q lots at p ticks is p × q × k. */
  readonly k: bigint;
  /** Positions by user id, flat ones included (they keep the user's leverage and mode). */
  readonly positions = new Map<number, Position>();
  /** Open positions by liquidation price (keyed by user id). */
  readonly liquidations = new SortedLiquidationIndex<number>();
  markTicks = 0n;
  indexTicks = 0n;
  /** When the mark was sampled (epoch ms), 0 before the first. */
  markAt = 0;
  /** The last funding time settled (epoch ms), 0 before the first. */
  lastFundingTime = 0;
  /** The order id of a liquidation's close order while it matches (it pays no taker fee), else 0. */
  liquidationOrderId = 0;

  constructor(market: Market, terms: PerpetualTerms, tiers: readonly PreparedRiskTier[]) {
    this.market = market;
    this.settle = market.quote;
    this.terms = terms;
    this.tiers = tiers;
    this.k = market.quotePerTickLot;
  }

  /** The user's position, created flat (cross, at the default leverage) on first use. */
  positionOf(futures: FuturesAccount): Position {
    const existing = this.positions.get(futures.userId);
    if (existing !== undefined) return existing;
    const created = new Position(this, futures, defaultLeverage(this.terms.maxLeverage));
    this.positions.set(futures.userId, created);
    futures.positions.push(created);
    return created;
  }
}

/** The leverage a new position starts at: 20×, or the contract's maximum if lower. */
export function defaultLeverage(maxLeverage: number): number {
  return Math.min(20, maxLeverage);
}

/**
 * A user's one-way position in one contract: `qtyLots` > 0 long, < 0 short; `costAtoms` the
 * entry notional, signed like the quantity (see `margin-math.ts`).
 */
export class Position {
  readonly perpetual: Perpetual;
  readonly futures: FuturesAccount;
  qtyLots = 0n;
  costAtoms = 0n;
  mode: MarginMode = "cross";
  leverage: number;
  /** Margin of its own while isolated (moved out of the wallet), else 0. */
  isolatedMarginAtoms = 0n;
  /** What this user's open orders in the contract reserve of the wallet. */
  orderMarginAtoms = 0n;
  /** PnL realised in this contract so far, in total (fees and funding apart). */
  realisedPnlAtoms = 0n;

  constructor(perpetual: Perpetual, futures: FuturesAccount, leverage: number) {
    this.perpetual = perpetual;
    this.futures = futures;
    this.leverage = leverage;
  }

  get userId(): number {
    return this.futures.userId;
  }
}

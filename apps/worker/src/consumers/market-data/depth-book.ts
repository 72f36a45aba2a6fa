import type { Side } from "@exchange/core";

/** A level as the engine reports it: absolute lots at a price, 0 when the level is gone. */
export interface LevelChange {
  side: Side;
  priceTicks: bigint;
  qtyLots: bigint;
  /** The market's book sequence: rises by one per change. */
  seq: number;
}

/** What changed in one market's book over a batch: the last quantity of each level touched. */
export interface DepthDiff {
  symbol: string;
  /** Book sequence of the first change folded in. */
  firstSeq: number;
  /** Book sequence of the last change folded in: the book's sequence after the diff. */
  lastSeq: number;
  /** price ticks → lots after the batch (0 = level removed). */
  bids: Map<bigint, bigint>;
  asks: Map<bigint, bigint>;
  /** Timestamp of the command that made the last change, epoch ms. */
  ts: number;
}

/** Thrown when the engine's book events do not follow on; the job must not publish a guess. */
export class DepthSequenceError extends Error {
  override name = "DepthSequenceError";
}

/**
 * One market's price levels, maintained from `book.levelChanged` events alone. Quantities are
 * absolute, so applying the events in order reproduces the engine's levels exactly; the
 * sequence check turns a lost or repeated event into a loud failure instead of a wrong book.
 */
export class DepthBook {
  readonly bids = new Map<bigint, bigint>();
  readonly asks = new Map<bigint, bigint>();
  private pending: DepthDiff | undefined;

  constructor(
    readonly symbol: string,
    private bookSeq: number,
  ) {}

  get seq(): number {
    return this.bookSeq;
  }

  /** Loads a level (start-up from the engine's state); not a change. */
  setLevel(side: Side, priceTicks: bigint, qtyLots: bigint): void {
    this.levels(side).set(priceTicks, qtyLots);
  }

  apply(change: LevelChange, ts: number): void {
    if (change.seq !== this.bookSeq + 1) {
      throw new DepthSequenceError(
        `${this.symbol}: book event seq ${change.seq} does not follow ${this.bookSeq}`,
      );
    }
    this.bookSeq = change.seq;
    const levels = this.levels(change.side);
    if (change.qtyLots === 0n) levels.delete(change.priceTicks);
    else levels.set(change.priceTicks, change.qtyLots);

    this.pending ??= {
      symbol: this.symbol,
      firstSeq: change.seq,
      lastSeq: change.seq,
      bids: new Map(),
      asks: new Map(),
      ts,
    };
    this.pending.lastSeq = change.seq;
    this.pending.ts = ts;
    (change.side === "buy" ? this.pending.bids : this.pending.asks).set(
      change.priceTicks,
      change.qtyLots,
    );
  }

  /** The changes since the last call, or undefined if none. */
  takeDiff(): DepthDiff | undefined {
    const diff = this.pending;
    this.pending = undefined;
    return diff;
  }

  /** Levels best first: bids high to low, asks low to high. */
  sorted(side: Side): Array<[bigint, bigint]> {
    const entries = [...this.levels(side).entries()];
    return side === "buy"
      ? entries.sort(([a], [b]) => (a > b ? -1 : a < b ? 1 : 0))
      : entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private levels(side: Side): Map<bigint, bigint> {
    return side === "buy" ? this.bids : this.asks;
  }
}

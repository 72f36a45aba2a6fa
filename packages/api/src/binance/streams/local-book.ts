import type { Depth, DepthDiffWire, Level } from "@exchange/contracts/depth";
import { compare, decimal } from "@exchange/contracts/money";

/**
 * A market's book kept in the gateway from the Redis snapshot and the `<SYMBOL>@depth` diffs,
 * by Binance's own local-book procedure: diffs that arrive before the snapshot wait, those it
 * already holds are dropped, and a gap (a lost message) asks for a new snapshot. It serves the
 * streams made from the whole book (`@bookTicker`, `@depth<5|10|20>`).
 */
export class LocalBook {
  private seq: number | undefined;
  private waiting: DepthDiffWire[] = [];
  private readonly bids = new Map<string, string>();
  private readonly asks = new Map<string, string>();

  /**
   * @param resync called when the book needs a snapshot (at the start and after a gap)
   * @param changed called after each change of the book (a diff applied, a snapshot loaded)
   */
  constructor(
    private readonly resync: () => void,
    private readonly changed: () => void = () => undefined,
  ) {}

  /** The book's sequence; undefined until a snapshot has been loaded. */
  get sequence(): number | undefined {
    return this.seq;
  }

  /** Applies a diff; false when it changed nothing (waiting for a snapshot, or already held). */
  apply(diff: DepthDiffWire): boolean {
    if (this.seq === undefined) {
      this.waiting.push(diff);
      return false;
    }
    if (diff.lastSeq <= this.seq) return false;
    if (diff.firstSeq > this.seq + 1) {
      this.seq = undefined;
      this.waiting = [diff];
      this.resync();
      return false;
    }
    setLevels(this.bids, diff.bids);
    setLevels(this.asks, diff.asks);
    this.seq = diff.lastSeq;
    this.changed();
    return true;
  }

  /** Loads a snapshot, then the diffs that came after it. */
  load(snapshot: Pick<Depth, "seq" | "bids" | "asks">): void {
    this.bids.clear();
    this.asks.clear();
    setLevels(this.bids, snapshot.bids);
    setLevels(this.asks, snapshot.asks);
    this.seq = snapshot.seq;
    const waiting = this.waiting;
    this.waiting = [];
    for (const diff of waiting) this.apply(diff);
    this.changed();
  }

  /** The best `count` levels a side, best first. */
  top(count: number): { bids: Level[]; asks: Level[] } {
    return { bids: best(this.bids, count, "desc"), asks: best(this.asks, count, "asc") };
  }
}

function setLevels(side: Map<string, string>, levels: readonly Level[]): void {
  for (const [price, quantity] of levels) {
    if (decimal(quantity).units === 0n) side.delete(price);
    else side.set(price, quantity);
  }
}

function best(side: Map<string, string>, count: number, order: "asc" | "desc"): Level[] {
  const sign = order === "asc" ? 1 : -1;
  if (count === 1) {
    // The top of the book on every change: one pass, no sort.
    let top: Level | undefined;
    for (const level of side) {
      if (!top || sign * compare(decimal(level[0]), decimal(top[0])) < 0) top = level;
    }
    return top ? [top] : [];
  }
  return [...side.entries()]
    .sort(([a], [b]) => sign * compare(decimal(a), decimal(b)))
    .slice(0, count);
}

import { compare, decimal, trimZeros } from "@exchange/contracts/money";

/** A price level as the wire carries it: [price, quantity], decimal strings. */
export type Level = readonly [price: string, quantity: string];

/**
 * A local copy of one market's order book, kept in step with the gateway's sequenced diffs.
 * `seq` is the sequence of the last change it includes. Levels are keyed by their canonical
 * price text, so "100.10" and "100.1" are one level.
 */
export interface DepthBook {
  readonly seq: number;
  readonly bids: ReadonlyMap<string, Level>;
  readonly asks: ReadonlyMap<string, Level>;
}

export interface DepthSnapshot {
  seq: number;
  bids: readonly Level[];
  asks: readonly Level[];
}

export interface DepthDiff {
  firstSeq: number;
  lastSeq: number;
  bids: readonly Level[];
  asks: readonly Level[];
}

/**
 * What applying a diff did:
 * - `applied`: the book moved on to the diff's `lastSeq`;
 * - `stale`: the diff is wholly older than the book (it arrived before the snapshot it is part
 *   of) and was ignored;
 * - `gap`: changes between the book and the diff were missed; the book cannot be trusted and a
 *   new snapshot is needed.
 */
export type DiffResult =
  | { status: "applied"; book: DepthBook }
  | { status: "stale" }
  | { status: "gap"; expectedSeq: number; firstSeq: number };

/** Canonical text of a price: no trailing fractional zeros, so equal prices share a key. */
const priceKey = trimZeros;

function isZero(quantity: string): boolean {
  return /^0*(\.0*)?$/.test(quantity);
}

function levelsOf(levels: readonly Level[]): Map<string, Level> {
  const map = new Map<string, Level>();
  for (const level of levels) if (!isZero(level[1])) map.set(priceKey(level[0]), level);
  return map;
}

export function bookFromSnapshot(snapshot: DepthSnapshot): DepthBook {
  return { seq: snapshot.seq, bids: levelsOf(snapshot.bids), asks: levelsOf(snapshot.asks) };
}

function withChanges(side: ReadonlyMap<string, Level>, changes: readonly Level[]) {
  if (changes.length === 0) return side;
  const next = new Map(side);
  for (const level of changes) {
    const key = priceKey(level[0]);
    // A quantity of "0" removes the level.
    if (isZero(level[1])) next.delete(key);
    else next.set(key, level);
  }
  return next;
}

/**
 * Applies a diff that continues the book exactly (`firstSeq` = `seq` + 1). A diff that overlaps
 * the book's sequence (it straddles the snapshot) is applied too: its changes are absolute
 * quantities, so replaying the older part is harmless, as Binance's algorithm relies on.
 */
export function applyDiff(book: DepthBook, diff: DepthDiff): DiffResult {
  if (diff.lastSeq <= book.seq) return { status: "stale" };
  if (diff.firstSeq > book.seq + 1) {
    return { status: "gap", expectedSeq: book.seq + 1, firstSeq: diff.firstSeq };
  }
  return {
    status: "applied",
    book: {
      seq: diff.lastSeq,
      bids: withChanges(book.bids, diff.bids),
      asks: withChanges(book.asks, diff.asks),
    },
  };
}

/** One side's best levels first: bids highest price first, asks lowest first. */
export function sortedLevels(
  side: ReadonlyMap<string, Level>,
  kind: "bids" | "asks",
  limit: number,
): Level[] {
  const entries = [...side.values()].map((level) => ({ level, price: decimal(level[0]) }));
  entries.sort((a, b) => (kind === "bids" ? compare(b.price, a.price) : compare(a.price, b.price)));
  return entries.slice(0, limit).map((entry) => entry.level);
}

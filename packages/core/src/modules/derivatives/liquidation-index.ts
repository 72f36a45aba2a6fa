import { assert } from "../../assert";

/**
 * The positions of one contract by liquidation price, so that a mark price update finds the
 * positions to liquidate without looking at the others.
 *
 * A long is liquidated as the mark falls to or below its liquidation price, a short as the mark
 * rises to or above it. `crossed(mark)` answers every long with liq ≥ mark and every short with
 * liq ≤ mark: first the longs, highest liquidation price first (the deepest under water), then
 * the shorts, lowest first; equal prices by key, ascending. The order depends only on the
 * (side, price, key) of the positions indexed, never on the order they were indexed in, so an
 * index rebuilt from a snapshot's positions answers exactly as the one it replaces.
 *
 * `crossed` does not take the positions out: the caller checks each one exactly (the indexed
 * price is rounded on the safe side, so a position may be found a tick early) and then either
 * removes it or sets its new price (after a partial liquidation, a margin top-up).
 *
 * One index holds keys of one type: all numbers (safe integers) or all strings; strings compare
 * by UTF-16 code units (`<`), which is deterministic but not locale order.
 */
export interface LiquidationIndex<K extends LiquidationKey> {
  /** Positions indexed (those whose liquidation price is not 0n). */
  readonly size: number;
  /**
   * Indexes `key` at `liqPriceTicks` on `side`, moving it if it was indexed already (on either
   * side). {@link NEVER_LIQUIDATED} (0n) takes it out: a position that no price liquidates.
   */
  set(key: K, side: PositionSide, liqPriceTicks: bigint): void;
  /** Takes `key` out; answers whether it was indexed. */
  remove(key: K): boolean;
  /** Every position the mark `markTicks` has crossed, in the order described above. */
  crossed(markTicks: bigint): K[];
  /** The price `key` is indexed at, or {@link NEVER_LIQUIDATED} when it is not indexed. */
  priceOf(key: K): bigint;
}

/** Which way a position is exposed: a long loses as the mark falls, a short as it rises. */
export type PositionSide = "long" | "short";

/** A position's key: the module's position id, or a string id. */
export type LiquidationKey = number | string;

/**
 * The liquidation price of a position no mark price can liquidate (a 1× long, or a long whose
 * margin covers its whole cost): such a position is not indexed.
 */
export const NEVER_LIQUIDATED = 0n;

/**
 * Most entries in one block by default; a fuller block is split in two halves. Big enough that
 * the list of blocks stays short (a few hundred for 100 000 positions), small enough that the
 * shift inside a block stays a short loop.
 */
const MAX_BLOCK = 128;

/** One indexed position, reused when the position moves. */
class Entry<K extends LiquidationKey> {
  // Assigned in the constructor rather than as class fields, like `Order` (see there).
  declare readonly key: K;
  declare long: boolean;
  declare priceTicks: bigint;
  /** {@link rankOf} the price: a number to compare first (see there). */
  declare rank: number;

  constructor(key: K, long: boolean, priceTicks: bigint) {
    this.key = key;
    this.long = long;
    this.priceTicks = priceTicks;
    this.rank = rankOf(long, priceTicks);
  }
}

/**
 * A number that grows as a position's turn to be liquidated comes later on its side: minus the
 * price for longs (highest first), the price for shorts (lowest first). `Number()` rounds
 * monotonically, so two entries whose ranks differ compare as their ranks do; only equal ranks
 * (equal prices, or prices beyond 2^53 that round alike) need the bigint comparison, which costs
 * several times more (the fast book's `rankOf` does the same).
 */
function rankOf(long: boolean, priceTicks: bigint): number {
  return long ? -Number(priceTicks) : Number(priceTicks);
}

/** Whether `a` comes before `b` on their side (both on the same side): rank, price, key. */
function precedes<K extends LiquidationKey>(a: Entry<K>, b: Entry<K>): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.priceTicks !== b.priceTicks) {
    return a.long ? a.priceTicks > b.priceTicks : a.priceTicks < b.priceTicks;
  }
  return a.key < b.key;
}

/**
 * One side's entries in liquidation order, in a list of sorted blocks of at most
 * `maxBlock` (a two-level B-tree, as Python's sortedcontainers lays it out): an insertion
 * or removal is two binary searches (over the blocks' last entries, then in one block) and a
 * shift of at most one block; a block split or emptied shifts the list of blocks, a few hundred
 * pointers for 100 000 positions. The positions a mark has crossed are a prefix, read from the
 * first block on in O(found): no search at all.
 */
class SideList<K extends LiquidationKey> {
  /** Never holds an empty block. */
  readonly blocks: Entry<K>[][] = [];
  readonly maxBlock: number;

  constructor(maxBlock: number) {
    this.maxBlock = maxBlock;
  }

  insert(entry: Entry<K>): void {
    const blocks = this.blocks;
    if (blocks.length === 0) {
      blocks.push([entry]);
      return;
    }
    // The first block whose last entry does not come before `entry`; the last block if none.
    const b = Math.min(this.blockOf(entry), blocks.length - 1);
    const block = blocks[b] as Entry<K>[];
    insertAt(block, lowerBound(block, entry), entry);
    if (block.length > this.maxBlock) {
      const half = block.length >>> 1;
      insertAt(blocks, b + 1, block.slice(half));
      block.length = half;
    }
  }

  delete(entry: Entry<K>): void {
    const blocks = this.blocks;
    const b = this.blockOf(entry);
    const block = blocks[b];
    assert(block !== undefined, "liquidation index: entry beyond the last block");
    const index = lowerBound(block, entry);
    assert(block[index] === entry, "liquidation index: entry not where its price says");
    removeAt(block, index);
    if (block.length === 0) removeAt(blocks, b);
  }

  /** Appends to `out` the keys of the prefix the mark has crossed. */
  collectCrossed(markTicks: bigint, out: K[]): void {
    for (const block of this.blocks) {
      for (const entry of block) {
        const crossed = entry.long ? entry.priceTicks >= markTicks : entry.priceTicks <= markTicks;
        if (!crossed) return;
        out.push(entry.key);
      }
    }
  }

  /** Index of the first block whose last entry does not come before `entry` (or the count). */
  private blockOf(entry: Entry<K>): number {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = blocks[mid] as Entry<K>[];
      if (precedes(block[block.length - 1] as Entry<K>, entry)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Index of the first entry of `block` that does not come before `entry`. */
function lowerBound<K extends LiquidationKey>(block: Entry<K>[], entry: Entry<K>): number {
  let lo = 0;
  let hi = block.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (precedes(block[mid] as Entry<K>, entry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts by shifting by hand: `splice` allocates the array of what it removed. */
function insertAt<T>(items: T[], index: number, item: T): void {
  items.push(item);
  for (let i = items.length - 1; i > index; i--) items[i] = items[i - 1] as T;
  items[index] = item;
}

function removeAt<T>(items: T[], index: number): void {
  for (let i = index; i < items.length - 1; i++) items[i] = items[i + 1] as T;
  items.pop();
}

function assertKey(key: LiquidationKey): void {
  assert(
    typeof key === "string" || Number.isSafeInteger(key),
    "liquidation index: a key is a string or a safe integer",
  );
}

/**
 * The production index: a {@link SideList} per side and a map from key to entry for moves and
 * removals (looked up by key, never iterated, so its insertion order does not matter).
 * `set` and `remove` are O(log n), `crossed` O(found + 1).
 */
export class SortedLiquidationIndex<K extends LiquidationKey> implements LiquidationIndex<K> {
  private readonly longs: SideList<K>;
  private readonly shorts: SideList<K>;
  private readonly entries = new Map<K, Entry<K>>();

  /** `maxBlock`: tests pass a tiny one so that blocks split and empty all the time. */
  constructor(maxBlock = MAX_BLOCK) {
    assert(Number.isSafeInteger(maxBlock) && maxBlock >= 2, "liquidation index: block of < 2");
    this.longs = new SideList(maxBlock);
    this.shorts = new SideList(maxBlock);
  }

  get size(): number {
    return this.entries.size;
  }

  set(key: K, side: PositionSide, liqPriceTicks: bigint): void {
    assert(liqPriceTicks >= 0n, "liquidation index: a negative liquidation price");
    const long = side === "long";
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (entry.long === long && entry.priceTicks === liqPriceTicks) return;
      this.sideOf(entry.long).delete(entry);
      if (liqPriceTicks === NEVER_LIQUIDATED) {
        this.entries.delete(key);
        return;
      }
      entry.long = long;
      entry.priceTicks = liqPriceTicks;
      entry.rank = rankOf(long, liqPriceTicks);
      this.sideOf(long).insert(entry);
      return;
    }
    if (liqPriceTicks === NEVER_LIQUIDATED) return;
    assertKey(key);
    const created = new Entry(key, long, liqPriceTicks);
    this.entries.set(key, created);
    this.sideOf(long).insert(created);
  }

  remove(key: K): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    this.sideOf(entry.long).delete(entry);
    this.entries.delete(key);
    return true;
  }

  crossed(markTicks: bigint): K[] {
    const out: K[] = [];
    this.longs.collectCrossed(markTicks, out);
    this.shorts.collectCrossed(markTicks, out);
    return out;
  }

  priceOf(key: K): bigint {
    return this.entries.get(key)?.priceTicks ?? NEVER_LIQUIDATED;
  }

  private sideOf(long: boolean): SideList<K> {
    return long ? this.longs : this.shorts;
  }
}

interface NaiveEntry<K> {
  key: K;
  side: PositionSide;
  priceTicks: bigint;
}

/**
 * The reference index: one unsorted list, scanned in full and sorted for each question, with
 * its own comparison (not the sorted index's), so that the two agreeing tests both.
 */
export class NaiveLiquidationIndex<K extends LiquidationKey> implements LiquidationIndex<K> {
  private readonly entries: NaiveEntry<K>[] = [];

  get size(): number {
    return this.entries.length;
  }

  set(key: K, side: PositionSide, liqPriceTicks: bigint): void {
    assert(liqPriceTicks >= 0n, "naive liquidation index: a negative liquidation price");
    this.remove(key);
    if (liqPriceTicks !== NEVER_LIQUIDATED)
      this.entries.push({ key, side, priceTicks: liqPriceTicks });
  }

  remove(key: K): boolean {
    const index = this.entries.findIndex((entry) => entry.key === key);
    if (index < 0) return false;
    this.entries.splice(index, 1);
    return true;
  }

  crossed(markTicks: bigint): K[] {
    const longs = this.entries.filter((e) => e.side === "long" && e.priceTicks >= markTicks);
    const shorts = this.entries.filter((e) => e.side === "short" && e.priceTicks <= markTicks);
    const byKey = (a: NaiveEntry<K>, b: NaiveEntry<K>) => (a.key < b.key ? -1 : 1);
    longs.sort((a, b) =>
      a.priceTicks === b.priceTicks ? byKey(a, b) : a.priceTicks > b.priceTicks ? -1 : 1,
    );
    shorts.sort((a, b) =>
      a.priceTicks === b.priceTicks ? byKey(a, b) : a.priceTicks < b.priceTicks ? -1 : 1,
    );
    return [...longs, ...shorts].map((entry) => entry.key);
  }

  priceOf(key: K): bigint {
    return this.entries.find((entry) => entry.key === key)?.priceTicks ?? NEVER_LIQUIDATED;
  }
}

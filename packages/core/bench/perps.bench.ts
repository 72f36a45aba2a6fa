import { SortedLiquidationIndex } from "../src/modules/derivatives/liquidation-index";
import { Prng } from "../src/simulation/prng";
import { parseIntegerArgs } from "./args";

/**
 * `npm run bench:perps`, or `npx tsx bench/perps.bench.ts [--positions N] [--updates U] [--seed S]`
 *
 * The liquidation scan of perpetual contracts: `positions` isolated positions over two linear
 * contracts (random sides, sizes, entries within 3 % of the mark, leverages 1-100×, margins at
 * or above the initial margin, from a seeded PRNG), each indexed at its liquidation price; then
 * `updates` mark price updates, alternating between the contracts, in a random walk with an
 * occasional gap of 1-4 %; after each, as many new positions open as were liquidated, so that
 * `positions` stay open. Each update is timed from the mark to the end of its liquidations:
 * the index's `crossed`, then for every position found the exact check against maintenance and,
 * when it is liquidated, its removal from the index. A position found but not liquidated can
 * only sit on the tick its liquidation price was rounded to (asserted).
 *
 * Every 200 updates and at the end, outside the clock, every open position is checked at its
 * contract's mark: none may be liquidatable (the index missed none). `fullScanMs` is one exact
 * check of every position, the scan the index avoids, for comparison.
 *
 * Prints the median and p99 per update, and the median of the updates that found a position
 * (most find none); the last line is one JSON object with the figures.
 */

const {
  positions: POSITIONS,
  updates: UPDATES,
  seed: SEED,
} = parseIntegerArgs(
  { positions: 100_000, updates: 2_000, seed: 1 },
  "perps.bench.ts [--positions N] [--updates U] [--seed S]",
);

const PPM = 1_000_000n;
/** One maintenance rate for every notional (a single risk tier): 0.5 %. */
const MAINTENANCE_PPM = 5_000n;
const LEVERAGES = [1n, 2n, 3n, 5n, 10n, 20n, 25n, 50n, 75n, 100n];
/** Updates between two full checks that the index missed no liquidatable position. */
const AUDIT_EVERY = 200;

interface Contract {
  symbol: string;
  /** quotePerTickLot: settle atoms per tick per lot. */
  k: bigint;
  markTicks: bigint;
}

interface Position {
  contract: number;
  /** Signed: long > 0, short < 0. */
  qtyLots: bigint;
  /** Signed like qty: Σ p × q × k of the lots that opened it. */
  costAtoms: bigint;
  isolatedMarginAtoms: bigint;
  liqPriceTicks: bigint;
  open: boolean;
}

// BTC: tick 0.1 USDT (100 000 atoms), lot 0.001 BTC (100 000 atoms of 8 decimals): k = 100.
// ETH: tick 0.01 USDT (10 000 atoms), lot 0.01 ETH (1 000 000 atoms of 8 decimals): k = 100.
const contracts: Contract[] = [
  { symbol: "BTCUSDT-PERP", k: 100n, markTicks: 500_000n },
  { symbol: "ETHUSDT-PERP", k: 100n, markTicks: 300_000n },
];

function divCeil(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Whether the position's margin balance at `markTicks` is at or below its maintenance. */
function isLiquidatable(p: Position, markTicks: bigint): boolean {
  const k = (contracts[p.contract] as Contract).k;
  const abs = p.qtyLots < 0n ? -p.qtyLots : p.qtyLots;
  const balance = p.isolatedMarginAtoms + markTicks * p.qtyLots * k - p.costAtoms;
  const maintenance = divCeil(markTicks * abs * k * MAINTENANCE_PPM, PPM);
  return balance <= maintenance;
}

/**
 * The isolated liquidation price for one maintenance rate m: the mark M at which
 * margin + M·q·k − cost = m·M·|q|·k. It is what `margin-math.ts`'s `liquidationPriceTicks`
 * computes for a single risk tier, and the bench is to call that instead once it lands.
 * Long: M = (cost − margin) / (q·k·(1 − m)), rounded UP (0n, never, when margin ≥ cost);
 * short: M = (margin + |cost|) / (|q|·k·(1 + m)), rounded DOWN: the index finds a position at
 * or before its exact line. Maintenance rounded up by < 1 atom moves the line by less than a
 * tick here (k = 100 atoms per tick-lot), which the tick rounding covers.
 */
function liquidationPriceTicks(p: Position): bigint {
  const k = (contracts[p.contract] as Contract).k;
  if (p.qtyLots > 0n) {
    const numerator = (p.costAtoms - p.isolatedMarginAtoms) * PPM;
    return numerator <= 0n ? 0n : divCeil(numerator, p.qtyLots * k * (PPM - MAINTENANCE_PPM));
  }
  return ((p.isolatedMarginAtoms - p.costAtoms) * PPM) / (-p.qtyLots * k * (PPM + MAINTENANCE_PPM));
}

/** A random position of `contract`, not liquidatable at its current mark. */
function openPosition(prng: Prng, contract: number): Position {
  const { k, markTicks } = contracts[contract] as Contract;
  for (;;) {
    const sign = prng.chance(0.5) ? 1n : -1n;
    // Log-uniform from 1 to 10 000 lots (0.001 to 10 BTC): many small positions, a few large.
    const lots = BigInt(Math.floor(10 ** (prng.next() * 4)));
    const entryTicks = (markTicks * BigInt(prng.int(970_000, 1_030_000))) / PPM;
    const notional = entryTicks * lots * k;
    const initialMargin = divCeil(notional, prng.pick(LEVERAGES));
    const extra = prng.chance(0.3) ? (initialMargin * prng.bigint(0, 500_000)) / PPM : 0n;
    const position: Position = {
      contract,
      qtyLots: sign * lots,
      costAtoms: sign * notional,
      isolatedMarginAtoms: initialMargin + extra,
      liqPriceTicks: 0n,
      open: true,
    };
    if (isLiquidatable(position, markTicks)) continue;
    position.liqPriceTicks = liquidationPriceTicks(position);
    return position;
  }
}

/** The next mark: a step of about ±0.05 %, and one time in 200 a gap of 1 to 4 % either way. */
function nextMark(prng: Prng, markTicks: bigint): bigint {
  const gap = prng.chance(0.005);
  const ppm = gap
    ? prng.int(10_000, 40_000) * (prng.chance(0.5) ? 1 : -1)
    : Math.round((prng.next() + prng.next() + prng.next() - 1.5) * 1_000);
  return (markTicks * (PPM + BigInt(ppm))) / PPM;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Milliseconds to the 0.1 µs: an update that finds nothing takes a few microseconds. */
function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Throws when an open position is liquidatable at its contract's mark: the index missed it. */
function auditNoneMissed(book: readonly Position[]): void {
  for (const [key, p] of book.entries()) {
    if (p.open && isLiquidatable(p, (contracts[p.contract] as Contract).markTicks)) {
      throw new Error(`position ${key} is liquidatable and the index did not find it`);
    }
  }
}

const prng = new Prng(SEED);
const book: Position[] = [];
for (let key = 0; key < POSITIONS; key++) book.push(openPosition(prng, key % contracts.length));

const indexes = contracts.map(() => new SortedLiquidationIndex<number>());

function indexPosition(key: number): void {
  const p = book[key] as Position;
  const index = indexes[p.contract] as SortedLiquidationIndex<number>;
  index.set(key, p.qtyLots > 0n ? "long" : "short", p.liqPriceTicks);
}

function openAndIndex(contract: number): void {
  book.push(openPosition(prng, contract));
  indexPosition(book.length - 1);
}

const buildStarted = performance.now();
for (let key = 0; key < book.length; key++) indexPosition(key);
const buildMs = performance.now() - buildStarted;

const fullScanStarted = performance.now();
let fullScanFound = 0;
for (const p of book) {
  if (isLiquidatable(p, (contracts[p.contract] as Contract).markTicks)) fullScanFound++;
}
const fullScanMs = performance.now() - fullScanStarted;
if (fullScanFound !== 0) throw new Error("a position was opened liquidatable");

const updateMs: number[] = [];
/** The updates that found at least one position: most find none and take a microsecond. */
const foundUpdateMs: number[] = [];
let found = 0;
let liquidated = 0;
let foundMaxPerUpdate = 0;
let reopened = 0;
for (let update = 1; update <= UPDATES; update++) {
  const c = update % contracts.length;
  const contract = contracts[c] as Contract;
  const index = indexes[c] as SortedLiquidationIndex<number>;
  const mark = nextMark(prng, contract.markTicks);
  contract.markTicks = mark;

  const started = performance.now();
  const keys = index.crossed(mark);
  for (const key of keys) {
    const p = book[key] as Position;
    if (isLiquidatable(p, mark)) {
      index.remove(key);
      p.open = false;
      liquidated++;
    } else if (p.liqPriceTicks !== mark) {
      throw new Error(`position ${key} found at ${mark}, beyond the tick of its line`);
    }
  }
  const elapsedMs = performance.now() - started;
  updateMs.push(elapsedMs);
  if (keys.length > 0) foundUpdateMs.push(elapsedMs);

  // Traders open as many positions as were liquidated (other commands, outside the clock), so
  // the index keeps `positions` open throughout.
  for (let i = 0; i < liquidated - reopened; i++) openAndIndex(c);
  reopened = liquidated;
  found += keys.length;
  foundMaxPerUpdate = Math.max(foundMaxPerUpdate, keys.length);
  if (update % AUDIT_EVERY === 0 || update === UPDATES) auditNoneMissed(book);
}

updateMs.sort((a, b) => a - b);
foundUpdateMs.sort((a, b) => a - b);
const figures = {
  scanMedianMs: round4(percentile(updateMs, 0.5)),
  scanP99Ms: round4(percentile(updateMs, 0.99)),
  scanFoundMedianMs: round4(percentile(foundUpdateMs, 0.5)),
  positions: POSITIONS,
  updates: UPDATES,
  found,
  foundUpdates: foundUpdateMs.length,
  liquidated,
  foundMaxPerUpdate,
  buildMs: round4(buildMs),
  fullScanMs: round4(fullScanMs),
};
const marks = contracts.map((c) => `${c.symbol} ${c.markTicks}`).join(", ");
console.log(
  `${POSITIONS} positions indexed in ${figures.buildMs} ms (one exact check of all: ${figures.fullScanMs} ms)`,
);
console.log(
  `${UPDATES} mark updates (last: ${marks}): ${found} found, ${liquidated} liquidated, at most ${foundMaxPerUpdate} in one update`,
);
console.log(
  `per update: median ${figures.scanMedianMs} ms, p99 ${figures.scanP99Ms} ms, max ${round4(updateMs[updateMs.length - 1] ?? 0)} ms`,
);
console.log(
  `per update that found positions (${foundUpdateMs.length}): median ${figures.scanFoundMedianMs} ms`,
);
console.log(JSON.stringify(figures));

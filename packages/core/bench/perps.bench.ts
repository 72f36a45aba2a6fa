import type { Command } from "../src/commands";
import type { ExchangeCore } from "../src/exchange-core";
import { SortedLiquidationIndex } from "../src/modules/derivatives/liquidation-index";
import {
  divCeil,
  isBelowMaintenance,
  liquidationPriceTicks,
  type PreparedRiskTier,
  prepareRiskTiers,
} from "../src/modules/derivatives/margin-math";
import { Prng } from "../src/simulation/prng";
import { createTestCore, expectAccepted, fundUsers, PERP_SYMBOL } from "../src/test-kit";
import type { Side } from "../src/types";
import { parseIntegerArgs } from "./args";

/**
 * `npm run bench:perps`, or
 * `npx tsx bench/perps.bench.ts [--positions N] [--updates U] [--orders O] [--seed S]`
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
 * The liquidation price and the exact check are `margin-math.ts`'s (`liquidationPriceTicks`,
 * `isBelowMaintenance`) with one risk tier, as the engine indexes and confirms positions.
 *
 * Then the order throughput of futures orders through a real `ExchangeCore`, alongside spot:
 * `orders` limit orders from 100 funded users (each with a futures wallet, at the default 20×),
 * every other one crossing up to 3 ticks through the mid and the rest resting 1-20 ticks behind
 * it, 1-20 lots each, run three times on fresh cores — only BTCUSDT (spot), only BTCUSDT-PERP,
 * and half of each interleaved — and timed after a tenth of them as a warm-up.
 *
 * Prints the median and p99 per update, and the median of the updates that found a position
 * (most find none), and orders per second of each flow; the last line is one JSON object with
 * the figures.
 */

const {
  positions: POSITIONS,
  updates: UPDATES,
  orders: ORDERS,
  seed: SEED,
} = parseIntegerArgs(
  { positions: 100_000, updates: 2_000, orders: 200_000, seed: 1 },
  "perps.bench.ts [--positions N] [--updates U] [--orders O] [--seed S]",
);

const PPM = 1_000_000n;
/** One maintenance rate for every notional (a single risk tier): 0.5 %, up to 100×. */
const TIERS: readonly PreparedRiskTier[] = prepareRiskTiers([
  { maxNotionalAtoms: 10n ** 18n, maintenanceMarginPpm: 5_000n, maxLeverage: 100 },
]);
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

/** Whether the position's margin balance at `markTicks` is at or below its maintenance. */
function isLiquidatable(p: Position, markTicks: bigint): boolean {
  const { k } = contracts[p.contract] as Contract;
  return isBelowMaintenance({
    qtyLots: p.qtyLots,
    costAtoms: p.costAtoms,
    marginAtoms: p.isolatedMarginAtoms,
    k,
    markTicks,
    tiers: TIERS,
  });
}

/** The isolated liquidation price the engine indexes: on the safe side of the line. */
function liquidationTicks(p: Position): bigint {
  const { k } = contracts[p.contract] as Contract;
  return liquidationPriceTicks({
    qtyLots: p.qtyLots,
    costAtoms: p.costAtoms,
    marginAtoms: p.isolatedMarginAtoms,
    k,
    tiers: TIERS,
  });
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
    position.liqPriceTicks = liquidationTicks(position);
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

/** Users of the throughput flows, and how many of a flow's orders warm up outside the clock. */
const FLOW_USERS = 100;
const WARMUP_SHARE = 10;
/** The mids: BTCUSDT at 50 000 USDT in 0.01 ticks, the perpetual at 50 000 USDT in 0.1 ticks. */
const SPOT_MID = 5_000_000;
const PERP_MID = 500_000;

/** A core with BTCUSDT and BTCUSDT-PERP, its users funded on spot and in futures, a mark set. */
function flowCore(): { core: ExchangeCore; make: (body: Record<string, unknown>) => Command } {
  const { core, cmd } = createTestCore();
  const users = Array.from({ length: FLOW_USERS }, (_, i) => i + 1);
  fundUsers(core, cmd, users);
  expectAccepted(core.apply(cmd.addContract()));
  for (const userId of users) {
    expectAccepted(core.apply(cmd.futuresTransfer(userId, "toFutures", 10n ** 13n)));
  }
  expectAccepted(core.apply(cmd.mark(BigInt(PERP_MID))));
  return { core, make: (body) => cmd.make(body as Parameters<typeof cmd.make>[0]) };
}

/**
 * `count` limit orders, on the perpetual with probability `perpShare`: every other one crosses
 * up to 3 ticks through the mid (taking what rests there, resting what is left), the others
 * rest 1-20 ticks behind it; 1-20 lots, random users and sides, self-trades allowed.
 */
function flowOrders(
  prng: Prng,
  make: (body: Record<string, unknown>) => Command,
  count: number,
  perpShare: number,
): Command[] {
  const orders: Command[] = [];
  for (let i = 0; i < count; i++) {
    const perp = prng.chance(perpShare);
    const side: Side = prng.chance(0.5) ? "buy" : "sell";
    const offset = i % 2 === 0 ? prng.int(0, 3) : -prng.int(1, 20);
    const mid = perp ? PERP_MID : SPOT_MID;
    orders.push(
      make({
        type: "order.place",
        orderType: "limit",
        userId: prng.int(1, FLOW_USERS),
        symbol: perp ? PERP_SYMBOL : "BTCUSDT",
        side,
        priceTicks: BigInt(mid + (side === "buy" ? offset : -offset)),
        qtyLots: prng.bigint(1, 20),
        timeInForce: "GTC",
        stp: "none",
      }),
    );
  }
  return orders;
}

/** Orders per second of a flow through a fresh core, after a tenth of it as a warm-up. */
function throughput(perpShare: number): { ordersPerSecond: number; trades: number } {
  const { core, make } = flowCore();
  const orders = flowOrders(new Prng(SEED), make, ORDERS, perpShare);
  const warmup = Math.floor(orders.length / WARMUP_SHARE);
  for (let i = 0; i < warmup; i++) expectAccepted(core.apply(orders[i] as Command));
  let trades = 0;
  const started = performance.now();
  for (let i = warmup; i < orders.length; i++) {
    const result = core.apply(orders[i] as Command);
    if (!result.accepted) throw new Error(`order ${i} rejected: ${result.code} ${result.message}`);
    for (const event of result.events) if (event.type === "trade") trades++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { ordersPerSecond: Math.round((orders.length - warmup) / seconds), trades };
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

const spotFlow = throughput(0);
const perpFlow = throughput(1);
const mixedFlow = throughput(0.5);

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
  orders: ORDERS,
  spotOrdersPerSecond: spotFlow.ordersPerSecond,
  perpOrdersPerSecond: perpFlow.ordersPerSecond,
  mixedOrdersPerSecond: mixedFlow.ordersPerSecond,
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
console.log(
  `${ORDERS} limit orders through the core (after ${ORDERS / WARMUP_SHARE} to warm up): ` +
    `spot ${figures.spotOrdersPerSecond}/s (${spotFlow.trades} trades), ` +
    `perpetual ${figures.perpOrdersPerSecond}/s (${perpFlow.trades} trades), ` +
    `half and half ${figures.mixedOrdersPerSecond}/s (${mixedFlow.trades} trades)`,
);
console.log(JSON.stringify(figures));

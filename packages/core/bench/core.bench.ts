import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Side as NobSide, OrderBook } from "nodejs-order-book";
import type { Command } from "../src/commands";
import { ExchangeCore } from "../src/exchange-core";
import { type FlowOp, generateOrderFlow, type OrderFlow, SYMBOL } from "./order-flow";

/**
 * `npm run bench:core`, or `npx tsx bench/core.bench.ts [--ops N] [--seed S] [--rounds R]`
 *
 * Times the core (fast book; balances, fees and events on, as in production) on the seeded
 * workload of `order-flow.ts`, then the same order flow through `nodejs-order-book`, in the
 * same process, alternating for R rounds. Reports the median round of each. The last line is
 * one JSON object with the figures.
 */

interface Args {
  ops: number;
  seed: number;
  rounds: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { ops: 500_000, seed: 42, rounds: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, "");
    const value = Number(argv[i + 1]);
    if ((name === "ops" || name === "seed" || name === "rounds") && Number.isSafeInteger(value)) {
      args[name] = value;
    } else {
      throw new Error(`usage: core.bench.ts [--ops N] [--seed S] [--rounds R]; bad ${argv[i]}`);
    }
  }
  return args;
}

/** Price → total lots of one side, for checking that both books ended in the same state. */
type Depth = Map<number, number>;

interface RoundResult {
  seconds: number;
  bids: Depth;
  asks: Depth;
}

/** Operations rebuilt per timed chunk: small enough to keep the heap lean, big enough to time. */
const CHUNK = 10_000;

function runCore(flow: OrderFlow): RoundResult & { events: number } {
  const core = new ExchangeCore();
  for (const command of [...flow.setup, ...flow.prefill.map((op) => op.command)]) {
    if (!core.apply(command).accepted) throw new Error("core rejected a setup command");
  }
  const ops = flow.ops;
  let events = 0;
  let ms = 0;
  for (let from = 0; from < ops.count; from += CHUNK) {
    const commands: Command[] = [];
    for (let i = from; i < Math.min(from + CHUNK, ops.count); i++) commands.push(ops.command(i));
    const started = performance.now();
    for (let i = 0; i < commands.length; i++) {
      events += core.apply(commands[i] as Command).events.length;
    }
    ms += performance.now() - started;
  }
  const depth = core.depth(SYMBOL, Number.MAX_SAFE_INTEGER);
  if (depth === undefined) throw new Error("bench market missing");
  const toMap = (levels: { priceTicks: bigint; qtyLots: bigint }[]): Depth =>
    new Map(levels.map((l) => [Number(l.priceTicks), Number(l.qtyLots)]));
  return { seconds: ms / 1000, events, bids: toMap(depth.bids), asks: toMap(depth.asks) };
}

/** One `nodejs-order-book` call, prepared before the clock starts like the core's commands. */
type NobCall =
  | { kind: "limit"; options: { side: NobSide; id: string; size: number; price: number } }
  | { kind: "market"; options: { side: NobSide; size: number } }
  | { kind: "cancel"; id: string };

function toNobCall(op: ReturnType<OrderFlow["ops"]["describe"]>): NobCall {
  const side = op.buy ? NobSide.BUY : NobSide.SELL;
  if (op.kind === "cancel") return { kind: "cancel", id: String(op.orderId) };
  if (op.kind === "market") return { kind: "market", options: { side, size: op.size } };
  return {
    kind: "limit",
    options: { side, id: String(op.orderId), size: op.size, price: op.price },
  };
}

function prefillNobCall(op: FlowOp): NobCall {
  const c = op.command;
  if (c.type !== "order.place" || c.orderType !== "limit")
    throw new Error("prefill is limits only");
  const side = c.side === "buy" ? NobSide.BUY : NobSide.SELL;
  const options = {
    side,
    id: String(op.orderId),
    size: Number(c.qtyLots),
    price: Number(c.priceTicks),
  };
  return { kind: "limit", options };
}

function applyNob(book: OrderBook, call: NobCall): void {
  if (call.kind === "limit") book.limit(call.options);
  else if (call.kind === "market") book.market(call.options);
  else book.cancel(call.id);
}

function runNob(flow: OrderFlow): RoundResult {
  const book = new OrderBook();
  for (const op of flow.prefill) applyNob(book, prefillNobCall(op));
  const ops = flow.ops;
  let ms = 0;
  for (let from = 0; from < ops.count; from += CHUNK) {
    const calls: NobCall[] = [];
    for (let i = from; i < Math.min(from + CHUNK, ops.count); i++)
      calls.push(toNobCall(ops.describe(i)));
    const started = performance.now();
    for (let i = 0; i < calls.length; i++) applyNob(book, calls[i] as NobCall);
    ms += performance.now() - started;
  }
  const [asks, bids] = book.depth();
  return { seconds: ms / 1000, bids: new Map(bids), asks: new Map(asks) };
}

function sameDepth(a: Depth, b: Depth): boolean {
  if (a.size !== b.size) return false;
  for (const [price, lots] of a) if (b.get(price) !== lots) return false;
  return true;
}

/**
 * A full collection between timed runs, so one run's garbage (a whole order book) is not
 * collected inside the next run's clock. The engine's own settings are untouched.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const flow = generateOrderFlow(args.seed, args.ops);
  const counts = { place: 0, cancel: 0, market: 0 };
  for (let i = 0; i < flow.ops.count; i++) {
    const kind = flow.ops.describe(i).kind;
    if (kind === "cancel") counts.cancel++;
    else if (kind === "market") counts.market++;
    else counts.place++;
  }
  console.log(
    `workload: seed ${args.seed}, ${args.ops} ops (${counts.place} limit, ${counts.cancel} cancel, ` +
      `${counts.market} market), ${flow.prefill.length} prefilled orders, node ${process.version}`,
  );
  const coreRates: number[] = [];
  const nobRates: number[] = [];
  let events = 0;
  for (let round = 1; round <= args.rounds; round++) {
    collectGarbage();
    const core = runCore(flow);
    collectGarbage();
    const nob = runNob(flow);
    if (!sameDepth(core.bids, nob.bids) || !sameDepth(core.asks, nob.asks)) {
      throw new Error("core and nodejs-order-book ended with different books: not the same flow");
    }
    events = core.events;
    coreRates.push(args.ops / core.seconds);
    nobRates.push(args.ops / nob.seconds);
    console.log(
      `round ${round}: core ${(args.ops / core.seconds / 1e6).toFixed(3)} M ops/s, ` +
        `nodejs-order-book ${(args.ops / nob.seconds / 1e6).toFixed(3)} M ops/s, ` +
        `books identical (${core.bids.size} bid / ${core.asks.size} ask levels)`,
    );
  }
  const opsPerSec = Math.round(median(coreRates));
  const nobOpsPerSec = Math.round(median(nobRates));
  const ratio = Number((opsPerSec / nobOpsPerSec).toFixed(2));
  console.log(
    `median: core ${opsPerSec} ops/s, nodejs-order-book ${nobOpsPerSec} ops/s, ratio ${ratio}`,
  );
  console.log(
    JSON.stringify({
      opsPerSec,
      nobOpsPerSec,
      ratio,
      ops: args.ops,
      seed: args.seed,
      rounds: args.rounds,
      eventsPerRun: events,
    }),
  );
}

main();

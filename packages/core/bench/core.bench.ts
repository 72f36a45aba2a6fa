import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Side as NobSide, OrderBook } from "nodejs-order-book";
import type { Command } from "../src/commands";
import { ExchangeCore } from "../src/exchange-core";
import {
  type FlowOp,
  generateOrderFlow,
  type OrderFlow,
  type PackedOps,
  SYMBOL,
} from "./order-flow";

/**
 * `npm run bench:core`, or `npx tsx bench/core.bench.ts [--ops N] [--seed S] [--rounds R]`
 *
 * Times the core (fast book; balances, fees and events on, as in production) on the seeded
 * workload of `order-flow.ts`, and the same order flow through `nodejs-order-book`, in the same
 * process. The two advance in lockstep, chunk by chunk, so that a noisy neighbour on a shared
 * machine slows both alike; each chunk's inputs are built before its clock starts. After each
 * round their books must be identical level by level. Reports the median round of each; the
 * last line is one JSON object with the figures.
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

/** Operations per timed chunk: small enough to keep the heap lean, big enough to time. */
const CHUNK = 10_000;

/** Price → total lots of one side, for checking that both books ended in the same state. */
type Depth = Map<number, number>;

/** One `nodejs-order-book` call, prepared before the clock starts like the core's commands. */
type NobCall =
  | { kind: "limit"; options: { side: NobSide; id: string; size: number; price: number } }
  | { kind: "market"; options: { side: NobSide; size: number } }
  | { kind: "cancel"; id: string };

function toNobCall(ops: PackedOps, i: number): NobCall {
  const op = ops.describe(i);
  const side = op.buy ? NobSide.BUY : NobSide.SELL;
  if (op.kind === "cancel") return { kind: "cancel", id: String(op.orderId) };
  if (op.kind === "market") return { kind: "market", options: { side, size: op.size } };
  const options = { side, id: String(op.orderId), size: op.size, price: op.price };
  return { kind: "limit", options };
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

interface RoundResult {
  coreSeconds: number;
  nobSeconds: number;
  events: number;
}

function prepare(flow: OrderFlow): { core: ExchangeCore; nob: OrderBook } {
  const core = new ExchangeCore();
  for (const command of [...flow.setup, ...flow.prefill.map((op) => op.command)]) {
    if (!core.apply(command).accepted) throw new Error("core rejected a setup command");
  }
  const nob = new OrderBook();
  for (const op of flow.prefill) applyNob(nob, prefillNobCall(op));
  return { core, nob };
}

function runRound(flow: OrderFlow): RoundResult {
  const { core, nob } = prepare(flow);
  const ops = flow.ops;
  const result = { coreSeconds: 0, nobSeconds: 0, events: 0 };
  for (let from = 0; from < ops.count; from += CHUNK) {
    const to = Math.min(from + CHUNK, ops.count);
    const commands: Command[] = [];
    const calls: NobCall[] = [];
    for (let i = from; i < to; i++) {
      commands.push(ops.command(i));
      calls.push(toNobCall(ops, i));
    }
    let started = performance.now();
    for (let i = 0; i < commands.length; i++) {
      result.events += core.apply(commands[i] as Command).events.length;
    }
    result.coreSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    for (let i = 0; i < calls.length; i++) applyNob(nob, calls[i] as NobCall);
    result.nobSeconds += (performance.now() - started) / 1000;
  }
  checkSameBooks(core, nob);
  return result;
}

/** Both engines must end with the same levels, or they did not run the same flow. */
function checkSameBooks(core: ExchangeCore, nob: OrderBook): void {
  const depth = core.depth(SYMBOL, Number.MAX_SAFE_INTEGER);
  if (depth === undefined) throw new Error("bench market missing");
  const toMap = (levels: { priceTicks: bigint; qtyLots: bigint }[]): Depth =>
    new Map(levels.map((l) => [Number(l.priceTicks), Number(l.qtyLots)]));
  const [asks, bids] = nob.depth();
  if (
    !sameDepth(toMap(depth.bids), new Map(bids)) ||
    !sameDepth(toMap(depth.asks), new Map(asks))
  ) {
    throw new Error("core and nodejs-order-book ended with different books: not the same flow");
  }
}

function sameDepth(a: Depth, b: Depth): boolean {
  if (a.size !== b.size) return false;
  for (const [price, lots] of a) if (b.get(price) !== lots) return false;
  return true;
}

/**
 * A full collection before each round, so one round's garbage is not collected inside the
 * next round's clock. The engine's own settings are untouched.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function describeWorkload(args: Args, flow: OrderFlow): string {
  const counts = { limit: 0, cancel: 0, market: 0 };
  for (let i = 0; i < flow.ops.count; i++) counts[flow.ops.describe(i).kind]++;
  return (
    `workload: seed ${args.seed}, ${args.ops} ops (${counts.limit} limit, ${counts.cancel} cancel, ` +
    `${counts.market} market), ${flow.prefill.length} prefilled orders, node ${process.version}`
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const flow = generateOrderFlow(args.seed, args.ops);
  console.log(describeWorkload(args, flow));
  const coreRates: number[] = [];
  const nobRates: number[] = [];
  let events = 0;
  for (let round = 1; round <= args.rounds; round++) {
    collectGarbage();
    const result = runRound(flow);
    events = result.events;
    coreRates.push(args.ops / result.coreSeconds);
    nobRates.push(args.ops / result.nobSeconds);
    console.log(
      `round ${round}: core ${(args.ops / result.coreSeconds / 1e6).toFixed(3)} M ops/s, ` +
        `nodejs-order-book ${(args.ops / result.nobSeconds / 1e6).toFixed(3)} M ops/s, books identical`,
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

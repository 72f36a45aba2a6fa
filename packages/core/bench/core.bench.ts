import { Worker } from "node:worker_threads";
import type { Command } from "../src/commands";
import { ExchangeCore } from "../src/exchange-core";
import { parseIntegerArgs } from "./args";
import type { NobLevels, NobReply, NobRequest } from "./nob-runner";
import { generateOrderFlow, type OrderFlow, SYMBOL } from "./order-flow";

/**
 * `npm run bench:core`, or `npx tsx bench/core.bench.ts [--ops N] [--seed S] [--rounds R]`
 *
 * Times the core (fast book; balances, fees and events on, as in production) on the seeded
 * workload of `order-flow.ts`, and the same order flow through `nodejs-order-book` in a worker
 * thread of the same process (see `nob-runner.ts` for why a worker). The two advance in
 * lockstep, chunk by chunk, so that a noisy neighbour on a shared machine slows both alike; each
 * chunk's inputs are built before its clock starts. After each round their books must be
 * identical level by level. Reports the median round of each; the last line is one JSON object
 * with the figures.
 *
 * No full collection is forced between rounds: V8 starts the young generation small and grows
 * it while a process allocates, and a forced full collection shrinks it again, so every round
 * would be timed with the cold heap of a just-started process (~10 % slower here) where the
 * engine runs for days. The previous round's state is collected in later rounds, as a running
 * engine collects its own old garbage.
 */

/** Operations per timed chunk: small enough to keep the heap lean, big enough to time. */
const CHUNK = 10_000;

/** Price → total lots of one side, for checking that both books ended in the same state. */
type Depth = Map<number, number>;

/** The worker running `nodejs-order-book`, asked one thing at a time. */
class NobRunner {
  private readonly worker: Worker;
  private failure: Error | null = null;

  constructor(seed: number, ops: number) {
    this.worker = new Worker(new URL("./nob-worker.mjs", import.meta.url), {
      workerData: { seed, ops },
    });
    this.worker.on("error", (error) => {
      this.failure = error;
    });
  }

  ask<K extends NobRequest["kind"]>(
    request: NobRequest & { kind: K },
  ): Promise<NobReply & { kind: K }> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.worker.once("error", fail);
      this.worker.once("message", (reply: NobReply & { kind: K }) => {
        this.worker.off("error", fail);
        resolve(reply);
      });
      this.worker.postMessage(request);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

interface RoundResult {
  coreSeconds: number;
  nobSeconds: number;
  events: number;
}

function prepareCore(flow: OrderFlow): ExchangeCore {
  const core = new ExchangeCore();
  for (const command of [...flow.setup, ...flow.prefill.map((op) => op.command)]) {
    if (!core.apply(command).accepted) throw new Error("core rejected a setup command");
  }
  return core;
}

async function runRound(flow: OrderFlow, nob: NobRunner): Promise<RoundResult> {
  const core = prepareCore(flow);
  await nob.ask({ kind: "round" });
  const ops = flow.ops;
  const result = { coreSeconds: 0, nobSeconds: 0, events: 0 };
  for (let from = 0; from < ops.count; from += CHUNK) {
    const to = Math.min(from + CHUNK, ops.count);
    const commands: Command[] = [];
    for (let i = from; i < to; i++) commands.push(ops.command(i));
    const started = performance.now();
    for (let i = 0; i < commands.length; i++) {
      result.events += core.apply(commands[i] as Command).events.length;
    }
    result.coreSeconds += (performance.now() - started) / 1000;
    result.nobSeconds += (await nob.ask({ kind: "chunk", from, to })).seconds;
  }
  const nobDepth = await nob.ask({ kind: "depth" });
  checkSameBooks(core, nobDepth.bids, nobDepth.asks);
  return result;
}

/** Both engines must end with the same levels, or they did not run the same flow. */
function checkSameBooks(core: ExchangeCore, nobBids: NobLevels, nobAsks: NobLevels): void {
  const depth = core.depth(SYMBOL, Number.MAX_SAFE_INTEGER);
  if (depth === undefined) throw new Error("bench market missing");
  const toMap = (levels: { priceTicks: bigint; qtyLots: bigint }[]): Depth =>
    new Map(levels.map((l) => [Number(l.priceTicks), Number(l.qtyLots)]));
  if (
    !sameDepth(toMap(depth.bids), new Map(nobBids)) ||
    !sameDepth(toMap(depth.asks), new Map(nobAsks))
  ) {
    throw new Error("core and nodejs-order-book ended with different books: not the same flow");
  }
}

function sameDepth(a: Depth, b: Depth): boolean {
  if (a.size !== b.size) return false;
  for (const [price, lots] of a) if (b.get(price) !== lots) return false;
  return true;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function describeWorkload(args: { ops: number; seed: number }, flow: OrderFlow): string {
  const counts = { limit: 0, cancel: 0, market: 0 };
  for (let i = 0; i < flow.ops.count; i++) counts[flow.ops.describe(i).kind]++;
  return (
    `workload: seed ${args.seed}, ${args.ops} ops (${counts.limit} limit, ${counts.cancel} cancel, ` +
    `${counts.market} market), ${flow.prefill.length} prefilled orders, node ${process.version}`
  );
}

async function main(): Promise<void> {
  const args = parseIntegerArgs(
    { ops: 500_000, seed: 42, rounds: 3 },
    "core.bench.ts [--ops N] [--seed S] [--rounds R]",
  );
  // The worker generates its own copy of the flow while this thread generates this one.
  const nob = new NobRunner(args.seed, args.ops);
  const flow = generateOrderFlow(args.seed, args.ops);
  console.log(describeWorkload(args, flow));
  const coreRates: number[] = [];
  const nobRates: number[] = [];
  let events = 0;
  for (let round = 1; round <= args.rounds; round++) {
    const result = await runRound(flow, nob);
    events = result.events;
    coreRates.push(args.ops / result.coreSeconds);
    nobRates.push(args.ops / result.nobSeconds);
    console.log(
      `round ${round}: core ${(args.ops / result.coreSeconds / 1e6).toFixed(3)} M ops/s, ` +
        `nodejs-order-book ${(args.ops / result.nobSeconds / 1e6).toFixed(3)} M ops/s, books identical`,
    );
  }
  await nob.stop();
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

await main();

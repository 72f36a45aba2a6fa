import { parentPort, workerData } from "node:worker_threads";
import { Side as NobSide, OrderBook } from "nodejs-order-book";
import { type FlowOp, generateOrderFlow, type PackedOps } from "./order-flow";

/**
 * The `nodejs-order-book` half of `core.bench.ts`, run in a worker thread (`nob-worker.mjs`)
 * so that it has its own V8 heap. In one heap each library paid for the other's garbage: the
 * core measured ~25 % slower beside `nodejs-order-book` than alone, from scavenges and marking
 * over the other's objects, which no production engine shares a heap with. The worker generates
 * the same seeded flow itself and answers the main thread one request at a time, so the two
 * still advance in lockstep, chunk by chunk.
 */

/** What the main thread asks, and what the worker answers. */
export type NobRequest =
  | { kind: "round" }
  | { kind: "chunk"; from: number; to: number }
  | { kind: "depth" };

/** Levels as `nodejs-order-book` reports them: [price, size] pairs. */
export type NobLevels = [number, number][];

export type NobReply =
  | { kind: "round" }
  | { kind: "chunk"; seconds: number }
  | { kind: "depth"; bids: NobLevels; asks: NobLevels };

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
  if (c.type !== "order.place" || c.orderType !== "limit") {
    throw new Error("prefill is limits only");
  }
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

function serve(): void {
  const port = parentPort;
  if (port === null) throw new Error("nob-runner.ts runs as the worker of core.bench.ts");
  const { seed, ops } = workerData as { seed: number; ops: number };
  const flow = generateOrderFlow(seed, ops);
  let book = new OrderBook();
  const answer = (reply: NobReply) => port.postMessage(reply);
  port.on("message", (request: NobRequest) => {
    if (request.kind === "round") {
      book = new OrderBook();
      for (const op of flow.prefill) applyNob(book, prefillNobCall(op));
      answer({ kind: "round" });
    } else if (request.kind === "chunk") {
      const calls: NobCall[] = [];
      for (let i = request.from; i < request.to; i++) calls.push(toNobCall(flow.ops, i));
      const started = performance.now();
      for (let i = 0; i < calls.length; i++) applyNob(book, calls[i] as NobCall);
      answer({ kind: "chunk", seconds: (performance.now() - started) / 1000 });
    } else {
      const [asks, bids] = book.depth();
      answer({ kind: "depth", bids, asks });
    }
  });
}

serve();

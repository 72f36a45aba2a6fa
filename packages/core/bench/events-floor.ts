import type { Command } from "../src/commands";
import type { CommandResult, CoreEvent, Posting } from "../src/events";
import { ExchangeCore } from "../src/exchange-core";
import { parseIntegerArgs } from "./args";
import { generateOrderFlow } from "./order-flow";

/**
 * A floor for the core on the bench flow: what it costs only to allocate the results and events
 * the API requires, with no engine logic at all. `PROGRAM=events-floor.ts
 * count-instructions.sh` runs it like `instructions.ts`: the same harness and chunked commands,
 * but each "core" here replays, per operation, objects of the same shapes as the real events
 * (same kinds, same number of postings, a fresh heap bigint wherever the engine computes one)
 * from a shape log recorded by one real core before the timed part.
 *
 * `npx tsx bench/events-floor.ts --cores 1|2 [--ops N] [--seed S]`
 */

/** Event kinds of the bench flow, as recorded in the shape log. */
const ACCEPTED = 1;
const BALANCE = 2;
const LEVEL = 3;
const CANCELLED = 4;
const TRADE = 5;
const FILL = 6;

const KIND: Partial<Record<CoreEvent["type"], number>> = {
  "order.accepted": ACCEPTED,
  "balance.changed": BALANCE,
  "book.levelChanged": LEVEL,
  "order.cancelled": CANCELLED,
  trade: TRADE,
  "order.filled": FILL,
  "order.partiallyFilled": FILL,
};

/** Per operation: its event count, then per event its kind (and a balance event's postings). */
function recordShapes(core: ExchangeCore, commands: Command[], log: number[]): void {
  for (const command of commands) {
    const result = core.apply(command);
    log.push(result.events.length);
    for (const event of result.events) {
      const kind = KIND[event.type];
      if (kind === undefined) throw new Error(`no floor shape for ${event.type}`);
      log.push(kind);
      if (event.type === "balance.changed") log.push(event.postings.length);
    }
  }
}

/** Replays one operation's shapes, with a fresh heap bigint wherever the engine computes one. */
class Replayer {
  private next = 1n;

  replay(log: Int32Array, at: number, command: Command): { result: CommandResult; at: number } {
    // A local counter, stored back once: each `fresh()` allocates a bigint, as the engine's
    // arithmetic does, without a write barrier per value into this long-lived object.
    let next = this.next;
    const fresh = (): bigint => {
      next += 1n;
      return next;
    };
    const count = log[at++] as number;
    const events: CoreEvent[] = [];
    for (let e = 0; e < count; e++) {
      const kind = log[at++] as number;
      if (kind === ACCEPTED) {
        events.push({
          type: "order.accepted",
          symbol: "BTCUSDT",
          orderId: e,
          userId: 1,
          clientOrderId: null,
          side: "buy",
          orderType: "limit",
          priceTicks: 1n,
          qtyLots: 1n,
          quoteAtoms: 0n,
          timeInForce: "GTC",
          postOnly: false,
          stp: "none",
          frozenAtoms: fresh(),
          ts: 1,
        });
      } else if (kind === BALANCE) {
        const n = log[at++] as number;
        const postings: Posting[] = [];
        for (let p = 0; p < n; p++) {
          postings.push({
            account: "available",
            userId: 1,
            asset: "USDT",
            amountAtoms: fresh(),
            balanceAtoms: fresh(),
          });
        }
        events.push({
          type: "balance.changed",
          cause: "trade",
          orderId: 0,
          tradeId: 0,
          business: "",
          businessId: "",
          postings,
        });
      } else if (kind === LEVEL) {
        events.push({
          type: "book.levelChanged",
          symbol: "BTCUSDT",
          side: "buy",
          priceTicks: 1n,
          qtyLots: fresh(),
          seq: e,
        });
      } else if (kind === CANCELLED) {
        events.push({
          type: "order.cancelled",
          symbol: "BTCUSDT",
          orderId: e,
          userId: 1,
          reason: "user",
          filledLots: 0n,
          remainingLots: 1n,
          filledQuoteAtoms: 0n,
        });
      } else if (kind === TRADE) {
        events.push({
          type: "trade",
          symbol: "BTCUSDT",
          tradeId: e,
          priceTicks: 1n,
          qtyLots: 1n,
          quoteAtoms: fresh(),
          takerSide: "buy",
          takerOrderId: e,
          takerUserId: 1,
          takerFeeAtoms: fresh(),
          takerFeeAsset: "BTC",
          makerOrderId: e,
          makerUserId: 1,
          makerFeeAtoms: fresh(),
          makerFeeAsset: "USDT",
          ts: 1,
        });
      } else {
        events.push({
          type: "order.filled",
          symbol: "BTCUSDT",
          orderId: e,
          userId: 1,
          filledLots: fresh(),
          remainingLots: 0n,
          filledQuoteAtoms: fresh(),
        });
      }
    }
    this.next = next;
    const result: CommandResult = {
      accepted: true,
      commandId: command.id,
      repeated: false,
      events,
    };
    return { result, at };
  }
}

function main(): void {
  const args = parseIntegerArgs(
    { cores: 1, ops: 200_000, seed: 42 },
    "events-floor.ts --cores 1|2 [--ops N] [--seed S]",
  );
  const flow = generateOrderFlow(args.seed, args.ops);
  const recorder = new ExchangeCore();
  for (const command of [...flow.setup, ...flow.prefill.map((op) => op.command)]) {
    recorder.apply(command);
  }
  const shapes: number[] = [];
  const chunk = 10_000;
  for (let from = 0; from < flow.ops.count; from += chunk) {
    const commands: Command[] = [];
    for (let i = from; i < Math.min(from + chunk, flow.ops.count); i++) {
      commands.push(flow.ops.command(i));
    }
    recordShapes(recorder, commands, shapes);
  }
  const log = Int32Array.from(shapes);
  const replayers: { replayer: Replayer; at: number }[] = [];
  for (let n = 0; n < args.cores; n++) replayers.push({ replayer: new Replayer(), at: 0 });
  let events = 0;
  let seconds = 0;
  for (let from = 0; from < flow.ops.count; from += chunk) {
    const to = Math.min(from + chunk, flow.ops.count);
    const commands: Command[] = [];
    for (let i = from; i < to; i++) commands.push(flow.ops.command(i));
    const started = performance.now();
    for (const r of replayers) {
      for (let i = 0; i < commands.length; i++) {
        const out = r.replayer.replay(log, r.at, commands[i] as Command);
        r.at = out.at;
        events += out.result.events.length;
      }
    }
    seconds += (performance.now() - started) / 1000;
  }
  const opsPerSec = Math.round((args.ops * args.cores) / seconds);
  console.log(JSON.stringify({ ...args, events, opsPerSec }));
}

main();

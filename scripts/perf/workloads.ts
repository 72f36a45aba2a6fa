/**
 * The workloads whose instruction counts CI gates: four core commands, each measured applied
 * alone (`core-operations.ts`) and through the engine's per-command path
 * (`engine-operations.ts`).
 *
 * A workload prepares a core for `total` repetitions (reference data, funded users, and for a
 * trade or a cancel the resting orders it needs) and builds each repetition's command. The
 * fixture is this file's own, not the test kit's, so that a change to a test workload never
 * moves the recorded figures. Everything is a pure function of `total`: two processes that
 * prepare the same total run the same code on the same data. Imports the core only.
 */
import { type Command, ExchangeCore } from "@exchange/core";

const SYMBOL = "BTCUSDT";
/** Makers and takers are different users, so no trade is a self-trade. */
const USERS = 100;
/** 50 000.00 USDT in ticks of 0.01. */
const MID_TICKS = 5_000_000n;

/** Commands are numbered in the order they are built, so ids and times are reproducible. */
class CommandCounter {
  private n = 0;
  next(): { id: string; ts: number } {
    this.n++;
    return { id: `perf:${this.n}`, ts: this.n };
  }
}

/** Two assets, one market (tick 0.01 USDT, lot 0.0001 BTC), USERS users funded far beyond need. */
function fundedCore(ids: CommandCounter): ExchangeCore {
  const core = new ExchangeCore();
  const setup: Command[] = [
    { type: "asset.add", ...ids.next(), code: "BTC", precision: 8 },
    { type: "asset.add", ...ids.next(), code: "USDT", precision: 6 },
    {
      type: "market.add",
      ...ids.next(),
      symbol: SYMBOL,
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: 10_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 1n,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    },
  ];
  for (let userId = 1; userId <= USERS; userId++) {
    for (const asset of ["BTC", "USDT"]) {
      setup.push(deposit(ids, userId, asset, `fund:${userId}:${asset}`, 10n ** 20n));
    }
  }
  for (const command of setup) applyAccepted(core, command);
  return core;
}

export function applyAccepted(
  core: ExchangeCore,
  command: Command,
): ReturnType<ExchangeCore["apply"]> {
  const result = core.apply(command);
  if (!result.accepted) throw new Error(`${command.type} ${command.id}: ${result.message}`);
  return result;
}

function deposit(
  ids: CommandCounter,
  userId: number,
  asset: string,
  businessId: string,
  amountAtoms: bigint,
): Command {
  return {
    type: "balance.deposit",
    ...ids.next(),
    business: "deposit",
    businessId,
    userId,
    asset,
    amountAtoms,
  };
}

/** The i-th order that rests: buys below the mid and sells above it, over 50 levels a side. */
function restingOrder(ids: CommandCounter, i: number): Command {
  const side = i % 2 === 0 ? "buy" : "sell";
  const offset = 1n + BigInt(i % 50);
  return {
    type: "order.place",
    orderType: "limit",
    ...ids.next(),
    userId: 1 + (i % USERS),
    symbol: SYMBOL,
    side,
    clientOrderId: `rest:${i}`,
    priceTicks: side === "buy" ? MID_TICKS - offset : MID_TICKS + offset,
    qtyLots: BigInt(1 + (i % 5)),
  };
}

/** The commands of each repetition, built with the core prepared for them. */
export type Workload = (total: number) => { core: ExchangeCore; commands: Command[] };

/** A limit order that rests without trading. */
const placeResting: Workload = (total) => {
  const ids = new CommandCounter();
  const core = fundedCore(ids);
  return { core, commands: Array.from({ length: total }, (_, i) => restingOrder(ids, i)) };
};

/** A limit buy that takes exactly one resting sell of one lot at the best price: one trade. */
const placeCrossing: Workload = (total) => {
  const ids = new CommandCounter();
  const core = fundedCore(ids);
  const half = USERS / 2;
  for (let i = 0; i < total; i++) {
    applyAccepted(core, {
      type: "order.place",
      orderType: "limit",
      ...ids.next(),
      userId: 1 + (i % half),
      symbol: SYMBOL,
      side: "sell",
      priceTicks: MID_TICKS,
      qtyLots: 1n,
    });
  }
  const commands = Array.from(
    { length: total },
    (_, i): Command => ({
      type: "order.place",
      orderType: "limit",
      ...ids.next(),
      userId: 1 + half + (i % half),
      symbol: SYMBOL,
      side: "buy",
      clientOrderId: `take:${i}`,
      priceTicks: MID_TICKS,
      qtyLots: 1n,
    }),
  );
  return { core, commands };
};

/** A cancel of a resting order by its id, oldest first. */
const cancel: Workload = (total) => {
  const ids = new CommandCounter();
  const core = fundedCore(ids);
  const commands: Command[] = [];
  for (let i = 0; i < total; i++) {
    const placed = restingOrder(ids, i);
    const accepted = applyAccepted(core, placed).events.find((e) => e.type === "order.accepted");
    if (accepted?.type !== "order.accepted" || placed.type !== "order.place") {
      throw new Error("a resting order was not accepted");
    }
    const { userId } = placed;
    commands.push({
      type: "order.cancel",
      ...ids.next(),
      userId,
      symbol: SYMBOL,
      orderId: accepted.orderId,
    });
  }
  return { core, commands };
};

/** A deposit credited to a user, on a business key of its own. */
const depositCredit: Workload = (total) => {
  const ids = new CommandCounter();
  const core = fundedCore(ids);
  const commands = Array.from({ length: total }, (_, i) =>
    deposit(ids, 1 + (i % USERS), i % 2 === 0 ? "BTC" : "USDT", `perf:deposit:${i}`, 1_000n),
  );
  return { core, commands };
};

/** Every workload by name, with what one repetition does. */
export const WORKLOADS: ReadonlyArray<[name: string, description: string, workload: Workload]> = [
  ["place-resting", "a limit order that rests", placeResting],
  ["place-crossing", "a limit order that trades with one resting order", placeCrossing],
  ["cancel", "a cancel of a resting order", cancel],
  ["deposit", "a deposit on a new business key", depositCredit],
];

/** One measured operation: prepared for `total` repetitions, then stepped through them. */
export interface Operation {
  /** What one repetition does, for the printed table. */
  description: string;
  prepare(total: number): (i: number) => void;
}

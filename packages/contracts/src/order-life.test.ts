import {
  type Command,
  type CoreEvent,
  ExchangeCore,
  type OrderAcceptedEvent,
  type Side,
} from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderStatus } from "./order";
import {
  advanceOrderLife,
  foldOrderLife,
  isFinal,
  type OrderLife,
  startOrderLife,
} from "./order-life";

// BTCUSDT: tick 0.01 USDT, lot 0.0001 BTC; one lot at one tick is one USDT atom.
const LOT_ATOMS = 10_000n;

function marketCore(): ExchangeCore {
  const core = new ExchangeCore();
  const ts = 1_700_000_000_000;
  const setup: Command[] = [
    { type: "asset.add", id: "a1", ts, code: "BTC", precision: 8 },
    { type: "asset.add", id: "a2", ts, code: "USDT", precision: 6 },
    {
      type: "market.add",
      id: "m1",
      ts,
      symbol: "BTCUSDT",
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: LOT_ATOMS,
      minQtyLots: 1n,
      maxQtyLots: 10_000n,
      minNotionalAtoms: 100n,
      maxPriceTicks: 10n ** 10n,
      maxNotionalAtoms: 10n ** 13n,
      maxOpenOrders: 1_000,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    },
  ];
  for (const userId of [1, 2, 3]) {
    for (const [asset, amountAtoms] of [
      ["BTC", 100_000_000_000n],
      ["USDT", 100_000_000_000_000n],
    ] as const) {
      setup.push({
        type: "balance.deposit",
        id: `d-${userId}-${asset}`,
        ts,
        business: "deposit",
        businessId: `d-${userId}-${asset}`,
        userId,
        asset,
        amountAtoms,
      });
    }
  }
  for (const command of setup) {
    const result = core.apply(command);
    if (!result.accepted) throw new Error(`${command.type}: ${result.message}`);
  }
  return core;
}

type Step =
  | {
      kind: "limit";
      userId: number;
      side: Side;
      priceTicks: bigint;
      qtyLots: bigint;
      tif: "GTC" | "IOC";
    }
  | { kind: "market"; userId: number; side: Side; qtyLots: bigint }
  | { kind: "marketQuote"; userId: number; quoteAtoms: bigint }
  | { kind: "cancel"; userId: number; pick: number }
  | {
      kind: "stop";
      userId: number;
      side: Side;
      orderType: "stopLimit" | "takeProfitLimit";
      stopPriceTicks: bigint;
      priceTicks: bigint;
      qtyLots: bigint;
    }
  | { kind: "oco"; userId: number; side: Side; qtyLots: bigint; gapTicks: bigint }
  | { kind: "amend"; userId: number; pick: number; qtyLots?: bigint; priceTicks?: bigint };

const userArb = fc.integer({ min: 1, max: 3 });
const sideArb = fc.constantFrom<Side>("buy", "sell");
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("limit" as const),
      userId: userArb,
      side: sideArb,
      priceTicks: fc.bigInt({ min: 95n, max: 105n }),
      qtyLots: fc.bigInt({ min: 1n, max: 20n }),
      tif: fc.constantFrom("GTC" as const, "IOC" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("market" as const),
      userId: userArb,
      side: sideArb,
      qtyLots: fc.bigInt({ min: 1n, max: 30n }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("marketQuote" as const),
      userId: userArb,
      quoteAtoms: fc.bigInt({ min: 100n, max: 3_000n }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("cancel" as const),
      userId: userArb,
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("stop" as const),
      userId: userArb,
      side: sideArb,
      orderType: fc.constantFrom("stopLimit" as const, "takeProfitLimit" as const),
      stopPriceTicks: fc.bigInt({ min: 95n, max: 105n }),
      priceTicks: fc.bigInt({ min: 95n, max: 105n }),
      qtyLots: fc.bigInt({ min: 1n, max: 20n }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("oco" as const),
      userId: userArb,
      side: sideArb,
      qtyLots: fc.bigInt({ min: 1n, max: 20n }),
      gapTicks: fc.bigInt({ min: 1n, max: 5n }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant("amend" as const),
        userId: userArb,
        pick: fc.nat(),
        qtyLots: fc.bigInt({ min: 1n, max: 25n }),
        priceTicks: fc.bigInt({ min: 95n, max: 105n }),
      },
      { requiredKeys: ["kind", "userId", "pick"] },
    ),
  },
);

function commandOf(step: Step, core: ExchangeCore, n: number): Command | undefined {
  const envelope = { id: `c-${n}`, ts: 1_700_000_001_000 + n, symbol: "BTCUSDT" };
  switch (step.kind) {
    case "limit":
      return {
        ...envelope,
        type: "order.place",
        orderType: "limit",
        userId: step.userId,
        side: step.side,
        priceTicks: step.priceTicks,
        qtyLots: step.qtyLots,
        timeInForce: step.tif,
      };
    case "market":
      return {
        ...envelope,
        type: "order.place",
        orderType: "market",
        userId: step.userId,
        side: step.side,
        qtyLots: step.qtyLots,
      };
    case "marketQuote":
      return {
        ...envelope,
        type: "order.place",
        orderType: "market",
        userId: step.userId,
        side: "buy",
        quoteAtoms: step.quoteAtoms,
      };
    case "cancel": {
      const open = core.openOrders(step.userId);
      const order = open[step.pick % Math.max(open.length, 1)];
      if (!order) return undefined;
      return { ...envelope, type: "order.cancel", userId: step.userId, orderId: order.orderId };
    }
    case "stop": {
      const { kind: _kind, ...order } = step;
      return { ...envelope, type: "order.place", ...order };
    }
    case "oco":
      return ocoCommand(step, envelope);
    case "amend": {
      const open = core.openOrders(step.userId);
      const order = open[step.pick % Math.max(open.length, 1)];
      if (!order) return undefined;
      const { kind: _kind, pick: _pick, ...change } = step;
      return { ...envelope, type: "order.amend", ...change, orderId: order.orderId };
    }
  }
}

/** An OCO around 100 ticks: a sell's limit above, its stop below; a buy's the other way. */
function ocoCommand(
  step: Extract<Step, { kind: "oco" }>,
  envelope: { id: string; ts: number; symbol: string },
): Command {
  const sell = step.side === "sell";
  return {
    ...envelope,
    type: "order.placeOco",
    userId: step.userId,
    side: step.side,
    qtyLots: step.qtyLots,
    priceTicks: sell ? 100n + step.gapTicks : 100n - step.gapTicks,
    stopPriceTicks: sell ? 100n - step.gapTicks : 100n + step.gapTicks,
    stopLimitPriceTicks: sell ? 99n - step.gapTicks : 101n + step.gapTicks,
  };
}

/** Runs the steps through a real core; returns it and every event, in journal order. */
function run(steps: readonly Step[]): { core: ExchangeCore; events: CoreEvent[] } {
  const core = marketCore();
  const events: CoreEvent[] = [];
  steps.forEach((step, n) => {
    const command = commandOf(step, core, n);
    if (!command) return;
    const result = core.apply(command);
    if (result.accepted) events.push(...result.events);
  });
  return { core, events };
}

function acceptedOrders(events: readonly CoreEvent[]): OrderAcceptedEvent[] {
  return events.filter((e): e is OrderAcceptedEvent => e.type === "order.accepted");
}

const RANK: Record<OrderStatus, number> = { OPEN: 0, PARTIALLY_FILLED: 1, FILLED: 2, CANCELLED: 2 };

describe("an order's life from the engine's events", () => {
  it("fills in part, then in full, spending and releasing exactly what it froze", () => {
    const { events } = run([
      { kind: "limit", userId: 1, side: "buy", priceTicks: 100n, qtyLots: 10n, tif: "GTC" },
      { kind: "limit", userId: 2, side: "sell", priceTicks: 100n, qtyLots: 4n, tif: "GTC" },
      { kind: "limit", userId: 3, side: "sell", priceTicks: 99n, qtyLots: 6n, tif: "GTC" },
    ]);
    const [buy, firstSell] = acceptedOrders(events);
    if (!buy || !firstSell) throw new Error("orders not accepted");
    const partFill = events.findIndex(
      (e) => e.type === "order.partiallyFilled" && e.orderId === buy.orderId,
    );
    expect(foldOrderLife(buy, events.slice(0, partFill + 1))).toMatchObject({
      status: "PARTIALLY_FILLED",
      filledLots: 4n,
      remainingLots: 6n,
      filledQuoteAtoms: 400n,
    });
    const done = foldOrderLife(buy, events);
    expect(done).toMatchObject({
      status: "FILLED",
      filledLots: 10n,
      remainingLots: 0n,
      // The buy rests, so both sells trade at its 100 ticks, the second one's 99 notwithstanding.
      filledQuoteAtoms: 1_000n,
      frozenAtoms: 0n,
      cancelReason: null,
    });
    expect(foldOrderLife(firstSell, events)).toMatchObject({ status: "FILLED", frozenAtoms: 0n });
  });

  it("says why it was cancelled and holds nothing after", () => {
    const core = marketCore();
    const placed = core.apply({
      type: "order.place",
      orderType: "limit",
      id: "p",
      ts: 1,
      symbol: "BTCUSDT",
      userId: 1,
      side: "sell",
      priceTicks: 100n,
      qtyLots: 3n,
    });
    const cancelled = core.apply({
      type: "order.cancel",
      id: "c",
      ts: 2,
      symbol: "BTCUSDT",
      userId: 1,
      orderId: 1,
    });
    if (!placed.accepted || !cancelled.accepted) throw new Error("not accepted");
    const [accepted] = acceptedOrders(placed.events);
    if (!accepted) throw new Error("no order.accepted");
    expect(startOrderLife(accepted).frozenAtoms).toBe(3n * LOT_ATOMS);
    expect(foldOrderLife(accepted, [...placed.events, ...cancelled.events])).toMatchObject({
      status: "CANCELLED",
      cancelReason: "user",
      filledLots: 0n,
      remainingLots: 3n,
      frozenAtoms: 0n,
    });
  });

  it("agrees with the core for every order of a random session", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), (steps) => {
        const { core, events } = run(steps);
        const open = new Map(
          [1, 2, 3].flatMap((u) => core.openOrders(u)).map((o) => [o.orderId, o] as const),
        );
        for (const accepted of acceptedOrders(events)) {
          let life: OrderLife = startOrderLife(accepted);
          for (const event of events.slice(events.indexOf(accepted) + 1)) {
            const next = advanceOrderLife(life, event);
            // Status never goes back; a final order only gives back what it still held.
            expect(RANK[next.status]).toBeGreaterThanOrEqual(RANK[life.status]);
            if (isFinal(life.status))
              expect({ ...next, frozenAtoms: 0n }).toEqual({ ...life, frozenAtoms: 0n });
            expect(next.filledLots).toBeGreaterThanOrEqual(life.filledLots);
            life = next;
          }
          if (accepted.qtyLots > 0n) {
            expect(life.filledLots + life.remainingLots).toBe(life.qtyLots);
          }
          expect(life.frozenAtoms).toBeGreaterThanOrEqual(0n);
          const resting = open.get(accepted.orderId);
          if (resting) {
            expect(isFinal(life.status)).toBe(false);
            expect(life.status).toBe(resting.filledLots > 0n ? "PARTIALLY_FILLED" : "OPEN");
            expect(life.filledLots).toBe(resting.filledLots);
            expect(life.remainingLots).toBe(resting.remainingLots);
            expect(life.filledQuoteAtoms).toBe(resting.filledQuoteAtoms);
            expect(life.frozenAtoms).toBe(resting.frozenAtoms);
            expect(life.working).toBe(!resting.waiting);
            expect(life.workingTs).toBe(resting.ts);
            expect(life.listId).toBe(resting.listId);
          } else {
            expect(isFinal(life.status)).toBe(true);
            expect(life.frozenAtoms).toBe(0n);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("follows a stop order from waiting to working, and an OCO's hold to its stop order", () => {
    const { core, events } = run([
      { kind: "limit", userId: 2, side: "sell", priceTicks: 100n, qtyLots: 1n, tif: "GTC" },
      { kind: "limit", userId: 3, side: "buy", priceTicks: 100n, qtyLots: 1n, tif: "GTC" },
      { kind: "oco", userId: 1, side: "buy", qtyLots: 2n, gapTicks: 2n },
      { kind: "limit", userId: 2, side: "sell", priceTicks: 102n, qtyLots: 1n, tif: "GTC" },
      { kind: "limit", userId: 3, side: "buy", priceTicks: 102n, qtyLots: 1n, tif: "GTC" },
    ]);
    const [limit, stop] = acceptedOrders(events).filter((e) => e.userId === 1);
    if (!limit || !stop) throw new Error("OCO not accepted");
    expect(startOrderLife(stop)).toMatchObject({ working: false, stopPriceTicks: 102n });
    expect(foldOrderLife(limit, events)).toMatchObject({ status: "CANCELLED", frozenAtoms: 0n });
    const stopLife = foldOrderLife(stop, events);
    const [resting] = core.openOrders(1);
    expect(stopLife).toMatchObject({ status: "OPEN", working: true, listId: limit.orderId });
    expect(stopLife.frozenAtoms).toBe(resting?.frozenAtoms);
  });
});

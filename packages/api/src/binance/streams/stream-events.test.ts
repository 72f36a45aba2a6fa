import type { OrderWire } from "@exchange/contracts/order";
import type { FillWire } from "@exchange/contracts/trade";
import { describe, expect, it, vi } from "vitest";
import type { BusFanOut, BusListener } from "./bus-fan-out";
import { DepthMerge, tradeEvent } from "./market-events";
import { UserStreamFeed } from "./user-stream-feed";

describe("market events", () => {
  it("writes a trade as Binance does: m is true when the taker sold", () => {
    const trade = { tradeId: 9, price: "50000", quantity: "0.5", side: "sell" as const, time: 5 };
    expect(tradeEvent("BTCUSDT", trade, 6)).toEqual({
      e: "trade",
      E: 6,
      s: "BTCUSDT",
      t: 9,
      p: "50000.00000000",
      q: "0.50000000",
      T: 5,
      m: true,
      M: true,
    });
    expect(tradeEvent("BTCUSDT", { ...trade, side: "buy" }, 6).m).toBe(false);
  });

  it("merges an interval's diffs into one update from the first U to the last u", () => {
    const merge = new DepthMerge();
    expect(merge.take("BTCUSDT", 1)).toBeUndefined();
    merge.add({
      type: "diff",
      firstSeq: 4,
      lastSeq: 5,
      bids: [["100", "1"]],
      asks: [["101", "2"]],
    });
    merge.add({
      type: "diff",
      firstSeq: 6,
      lastSeq: 8,
      bids: [
        ["100", "0"],
        ["99.5", "3"],
        ["100.25", "1"],
      ],
      asks: [],
    });
    expect(merge.take("BTCUSDT", 9)).toEqual({
      e: "depthUpdate",
      E: 9,
      s: "BTCUSDT",
      U: 4,
      u: 8,
      b: [
        ["100.25000000", "1.00000000"],
        ["100.00000000", "0.00000000"],
        ["99.50000000", "3.00000000"],
      ],
      a: [["101.00000000", "2.00000000"]],
    });
    expect(merge.isEmpty).toBe(true);
  });
});

/** A bus that delivers what the test publishes. */
function fakeBus() {
  const listeners = new Map<string, BusListener>();
  const bus = {
    listen: async (name: string, listener: BusListener) => void listeners.set(name, listener),
    unlisten: async (name: string) => void listeners.delete(name),
  } as unknown as BusFanOut;
  const publish = (name: string, body: object) => listeners.get(name)?.(JSON.stringify(body));
  return { bus, publish, listeners };
}

const ORDER: OrderWire = {
  orderId: 42,
  clientOrderId: "mine",
  symbol: "BTCUSDT",
  side: "buy",
  type: "limit",
  price: "50000",
  quantity: "1",
  quoteAmount: null,
  filledQuantity: "0",
  filledQuote: "0",
  averagePrice: null,
  status: "OPEN",
  timeInForce: "GTC",
  postOnly: false,
  cancelReason: null,
  createdAt: 1000,
  updatedAt: 1000,
};

function fill(quantity: string, tradeId: number): FillWire {
  return {
    tradeId,
    orderId: 42,
    symbol: "BTCUSDT",
    side: "buy",
    liquidity: "taker",
    price: "50000",
    quantity,
    quoteAmount: String(50_000 * Number(quantity)),
    fee: "0.001",
    feeAsset: "BTC",
    executedAt: 1000,
  };
}

describe("the user data feed", () => {
  it("reports a new order, each fill with its running total, then the cancel of the rest", async () => {
    const { bus, publish } = fakeBus();
    const events: Record<string, unknown>[] = [];
    const feed = new UserStreamFeed(
      bus,
      7,
      (e) => events.push(e as Record<string, unknown>),
      () => 2000,
    );
    await feed.start();
    // An IOC taker that fills twice and expires, published as the job does: order, then fills.
    publish("7@order", {
      ...ORDER,
      timeInForce: "IOC",
      filledQuantity: "0.75",
      filledQuote: "37500",
      status: "CANCELLED",
      cancelReason: "expired",
    });
    publish("7@account", fill("0.5", 1));
    publish("7@account", fill("0.25", 2));
    expect(events.map((e) => [e.x, e.X, e.l, e.z])).toEqual([
      ["NEW", "NEW", "0.00000000", "0.00000000"],
      ["TRADE", "PARTIALLY_FILLED", "0.50000000", "0.50000000"],
      ["TRADE", "PARTIALLY_FILLED", "0.25000000", "0.75000000"],
      ["EXPIRED", "EXPIRED", "0.00000000", "0.75000000"],
    ]);
    expect(events[1]).toMatchObject({
      e: "executionReport",
      s: "BTCUSDT",
      c: "mine",
      S: "BUY",
      o: "LIMIT",
      f: "IOC",
      i: 42,
      L: "50000.00000000",
      n: "0.00100000",
      N: "BTC",
      t: 1,
      m: false,
      Y: "25000.00000000",
    });
    await feed.stop();
  });

  it("marks the fill that completes an order FILLED, and passes balances on", async () => {
    const { bus, publish, listeners } = fakeBus();
    const events: Record<string, unknown>[] = [];
    const feed = new UserStreamFeed(
      bus,
      7,
      (e) => events.push(e as Record<string, unknown>),
      () => 2000,
    );
    await feed.start();
    publish("7@order", ORDER);
    publish("7@order", {
      ...ORDER,
      filledQuantity: "1",
      filledQuote: "50000",
      status: "FILLED",
      updatedAt: 1500,
    });
    publish("7@balance", { asset: "BTC", available: "1", frozen: "0", total: "1" });
    publish("7@account", fill("1", 3));
    expect(events.map((e) => [e.e, e.X ?? null])).toEqual([
      ["executionReport", "NEW"],
      ["outboundAccountPosition", null],
      ["executionReport", "FILLED"],
    ]);
    expect(events[1]).toMatchObject({ B: [{ a: "BTC", f: "1.00000000", l: "0.00000000" }] });
    await feed.stop();
    expect(listeners.size).toBe(0);
  });

  it("reports a plain cancel at once, and one whose fills never come after a short wait", async () => {
    vi.useFakeTimers();
    try {
      const { bus, publish } = fakeBus();
      const events: Record<string, unknown>[] = [];
      const feed = new UserStreamFeed(
        bus,
        7,
        (e) => events.push(e as Record<string, unknown>),
        () => 2000,
      );
      await feed.start();
      publish("7@order", ORDER);
      publish("7@order", { ...ORDER, status: "CANCELLED", cancelReason: "user", updatedAt: 1500 });
      expect(events.map((e) => [e.x, e.X, e.C])).toEqual([
        ["NEW", "NEW", ""],
        ["CANCELED", "CANCELED", "mine"],
      ]);
      // An IOC placed, partly filled and expired in one batch whose fills never reach this feed:
      // the expiry still goes out after a short wait, with the order's own totals.
      publish("7@order", {
        ...ORDER,
        orderId: 43,
        timeInForce: "IOC",
        status: "CANCELLED",
        cancelReason: "expired",
        filledQuantity: "0.5",
        filledQuote: "25000",
      });
      expect(events.map((e) => [e.i, e.x])).toEqual([
        [42, "NEW"],
        [42, "CANCELED"],
        [43, "NEW"],
      ]);
      vi.advanceTimersByTime(500);
      expect(events[3]).toMatchObject({ i: 43, x: "EXPIRED", X: "EXPIRED", z: "0.50000000" });
      await feed.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

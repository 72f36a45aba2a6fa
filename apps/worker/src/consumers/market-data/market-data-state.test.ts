import type { CoreEvent } from "@exchange/core";
import { describe, expect, it } from "vitest";
import type { OutcomeRecord } from "../projector/outcome-batch";
import { MarketDataState } from "./market-data-state";

const record = (seq: number, events: CoreEvent[], ok = true): OutcomeRecord => ({
  seq,
  commandId: `c${seq}`,
  ts: 1_000 + seq,
  outcome: ok
    ? { ok: true, repeated: false, events }
    : { ok: false, code: 2001 as never, message: "no", events },
});

const accepted = (orderId: number, userId: number, side: "buy" | "sell"): CoreEvent => ({
  type: "order.accepted",
  symbol: "BTCUSDT",
  orderId,
  userId,
  clientOrderId: `o${orderId}`,
  side,
  orderType: "limit",
  priceTicks: 500n,
  qtyLots: 4n,
  quoteAtoms: 0n,
  timeInForce: "GTC",
  postOnly: false,
  stp: "none",
  frozenAtoms: 2_000n,
  ts: 0,
});

const level = (side: "buy" | "sell", qtyLots: bigint, seq: number): CoreEvent => ({
  type: "book.levelChanged",
  symbol: "BTCUSDT",
  side,
  priceTicks: 500n,
  qtyLots,
  seq,
});

const posting = (userId: number, account: "available" | "frozen", balanceAtoms: bigint) => ({
  account,
  userId,
  asset: "USDT",
  amountAtoms: 0n,
  balanceAtoms,
});

const marketAdded: CoreEvent = {
  type: "market.added",
  symbol: "BTCUSDT",
  base: "BTC",
  quote: "USDT",
  tickSizeAtoms: 1n,
  lotSizeAtoms: 1n,
  minQtyLots: 1n,
  maxQtyLots: 10n,
  minNotionalAtoms: 1n,
  maxPriceTicks: 1_000n,
  maxNotionalAtoms: 10_000n,
  maxOpenOrders: 200,
  makerFeePpm: 0,
  takerFeePpm: 0,
  status: "trading",
};

describe("MarketDataState", () => {
  it("turns a maker resting and a taker filling it into a diff, a trade, fills, orders and balances", () => {
    const state = new MarketDataState();
    const batch = state.apply([
      record(1, [marketAdded]),
      record(2, [
        accepted(10, 7, "sell"),
        level("sell", 4n, 1),
        {
          type: "balance.changed",
          cause: "order.freeze",
          orderId: 10,
          tradeId: 0,
          business: "",
          businessId: "",
          postings: [posting(7, "available", 96n), posting(7, "frozen", 4n)],
        },
      ]),
      record(3, [
        accepted(11, 8, "buy"),
        {
          type: "trade",
          symbol: "BTCUSDT",
          tradeId: 1,
          priceTicks: 500n,
          qtyLots: 4n,
          quoteAtoms: 2_000n,
          takerSide: "buy",
          takerOrderId: 11,
          takerUserId: 8,
          takerFeeAtoms: 3n,
          takerFeeAsset: "BTC",
          makerOrderId: 10,
          makerUserId: 7,
          makerFeeAtoms: 2n,
          makerFeeAsset: "USDT",
          ts: 1_003,
        },
        {
          type: "order.filled",
          symbol: "BTCUSDT",
          orderId: 10,
          userId: 7,
          filledLots: 4n,
          remainingLots: 0n,
          filledQuoteAtoms: 2_000n,
        },
        {
          type: "order.filled",
          symbol: "BTCUSDT",
          orderId: 11,
          userId: 8,
          filledLots: 4n,
          remainingLots: 0n,
          filledQuoteAtoms: 2_000n,
        },
        level("sell", 0n, 2),
      ]),
    ]);

    expect(batch.lastSeq).toBe(3);
    expect(batch.addedMarkets).toEqual(["BTCUSDT"]);
    expect(batch.depth).toEqual([
      {
        symbol: "BTCUSDT",
        firstSeq: 1,
        lastSeq: 2,
        bids: new Map(),
        asks: new Map([[500n, 0n]]),
        ts: 1_003,
      },
    ]);
    expect(batch.trades.map((t) => [t.tradeId, t.seq])).toEqual([[1, 3]]);
    expect(batch.fills).toEqual([
      expect.objectContaining({
        userId: 8,
        orderId: 11,
        side: "buy",
        liquidity: "taker",
        feeAtoms: 3n,
        feeAsset: "BTC",
      }),
      expect.objectContaining({
        userId: 7,
        orderId: 10,
        side: "sell",
        liquidity: "maker",
        feeAtoms: 2n,
        feeAsset: "USDT",
      }),
    ]);
    expect(batch.orders.map((o) => [o.orderId, o.status, o.filledLots, o.updatedAt])).toEqual([
      [10, "FILLED", 4n, 1_003],
      [11, "FILLED", 4n, 1_003],
    ]);
    expect(batch.balances).toEqual([
      { userId: 7, asset: "USDT", availableAtoms: 96n, frozenAtoms: 4n },
    ]);
    // Finished orders are forgotten; the book is empty again.
    expect(state.openOrderCount).toBe(0);
    expect(state.books.get("BTCUSDT")?.seq).toBe(2);
  });

  it("ignores rejected and repeated commands but still advances the offset", () => {
    const state = new MarketDataState();
    const repeated: OutcomeRecord = {
      seq: 5,
      commandId: "c5",
      ts: 5,
      outcome: { ok: true, repeated: true, events: [] },
    };
    const batch = state.apply([record(4, [accepted(1, 1, "buy")], false), repeated]);
    expect(batch).toMatchObject({ lastSeq: 5, orders: [], depth: [], balances: [] });
  });

  it("keeps the other account's balance when only one of available and frozen moves", () => {
    const state = new MarketDataState();
    const change = (postings: ReturnType<typeof posting>[]): CoreEvent => ({
      type: "balance.changed",
      cause: "deposit",
      orderId: 0,
      tradeId: 0,
      business: "d",
      businessId: "1",
      postings,
    });
    state.apply([record(1, [change([posting(3, "frozen", 40n)])])]);
    const batch = state.apply([record(2, [change([posting(3, "available", 9n)])])]);
    expect(batch.balances).toEqual([
      { userId: 3, asset: "USDT", availableAtoms: 9n, frozenAtoms: 40n },
    ]);
  });

  it("pushes a stop order waiting, then working from its trigger, and a kept-priority amendment", () => {
    const state = new MarketDataState();
    const stop: CoreEvent = {
      ...(accepted(7, 3, "sell") as Extract<CoreEvent, { type: "order.accepted" }>),
      stopOrderType: "stopLimit",
      stopPriceTicks: 480n,
    };
    const placed = state.apply([record(1, [stop])]);
    expect(placed.orders[0]).toMatchObject({
      stopOrderType: "stopLimit",
      stopPriceTicks: 480n,
      working: false,
      workingAt: null,
    });
    const triggered = state.apply([
      record(2, [
        {
          type: "order.triggered",
          symbol: "BTCUSDT",
          orderId: 7,
          userId: 3,
          stopPriceTicks: 480n,
          lastPriceTicks: 470n,
          frozenAtoms: 4n,
          ts: 1_002,
        },
      ]),
    ]);
    expect(triggered.orders[0]).toMatchObject({
      working: true,
      workingAt: 1_002,
      updatedAt: 1_002,
    });
    const amended = state.apply([
      record(3, [
        {
          type: "order.amended",
          symbol: "BTCUSDT",
          orderId: 7,
          userId: 3,
          newOrderId: 7,
          keptPriority: true,
          priceTicks: 500n,
          qtyLots: 2n,
          remainingLots: 2n,
          ts: 1_003,
        },
      ]),
    ]);
    expect(amended.orders[0]).toMatchObject({ orderId: 7, qtyLots: 2n, working: true });
  });
});

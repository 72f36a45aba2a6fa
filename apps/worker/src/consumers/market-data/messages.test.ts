import { MarketUnits } from "@exchange/contracts/money";
import { describe, expect, it } from "vitest";
import type { OrderState } from "./market-data-state";
import { MarketScales } from "./market-scales";
import {
  balanceMessage,
  depthDiffMessage,
  fillMessage,
  klineMessage,
  orderMessage,
  tickerMessage,
} from "./messages";

// BTC and USDT at 8 places, tick 0.01 USDT, lot 0.00001 BTC (the seeded BTCUSDT).
const units = new MarketUnits({
  symbol: "BTCUSDT",
  base: "BTC",
  quote: "USDT",
  basePrecision: 8,
  quotePrecision: 8,
  tickSizeAtoms: 1_000_000n,
  lotSizeAtoms: 1_000n,
});

describe("channel messages", () => {
  it("writes a depth diff best level first, with '0' for a removed level", () => {
    const message = depthDiffMessage(
      {
        symbol: "BTCUSDT",
        firstSeq: 4,
        lastSeq: 6,
        bids: new Map([
          [4_999_999n, 0n],
          [5_000_001n, 150n],
        ]),
        asks: new Map([
          [5_000_010n, 1n],
          [5_000_002n, 100_000n],
        ]),
        ts: 1_700_000_000_123,
      },
      units,
    );
    expect(JSON.parse(message)).toEqual({
      type: "diff",
      firstSeq: 4,
      lastSeq: 6,
      bids: [
        ["50000.01", "0.0015"],
        ["49999.99", "0"],
      ],
      asks: [
        ["50000.02", "1"],
        ["50000.1", "0.00001"],
      ],
      time: 1_700_000_000_123,
    });
  });

  it("writes an order as the trader's order list shows it, absent amounts as null", () => {
    const order: OrderState = {
      orderId: 9,
      userId: 3,
      symbol: "BTCUSDT",
      clientOrderId: null,
      side: "buy",
      orderType: "market",
      priceTicks: 0n,
      qtyLots: 0n,
      quoteAtoms: 25_000_00000000n,
      timeInForce: "IOC",
      postOnly: false,
      status: "FILLED",
      filledLots: 50_000n,
      // 0.5 BTC for 24 999.995 USDT: the average rounds down to the tick.
      filledQuoteAtoms: 24_999_99500000n,
      cancelReason: null,
      stopOrderType: null,
      stopPriceTicks: null,
      listId: null,
      working: true,
      workingAt: 1,
      createdAt: 1,
      updatedAt: 2,
    };
    expect(JSON.parse(orderMessage(order, units))).toEqual({
      orderId: 9,
      clientOrderId: null,
      symbol: "BTCUSDT",
      side: "buy",
      type: "market",
      price: null,
      quantity: null,
      quoteAmount: "25000",
      filledQuantity: "0.5",
      filledQuote: "24999.995",
      averagePrice: "49999.99",
      status: "FILLED",
      timeInForce: "IOC",
      postOnly: false,
      cancelReason: null,
      stopPrice: null,
      listId: null,
      working: true,
      workingAt: 1,
      createdAt: 1,
      updatedAt: 2,
    });
  });

  it("writes a waiting stop order with its kind, trigger price and no working time", () => {
    const order: OrderState = {
      orderId: 10,
      userId: 3,
      symbol: "BTCUSDT",
      clientOrderId: "sl-1",
      side: "sell",
      orderType: "limit",
      priceTicks: 49_000_00n,
      qtyLots: 10_000n,
      quoteAtoms: 0n,
      timeInForce: "GTC",
      postOnly: false,
      status: "OPEN",
      filledLots: 0n,
      filledQuoteAtoms: 0n,
      cancelReason: null,
      stopOrderType: "stopLimit",
      stopPriceTicks: 49_500_00n,
      listId: 9,
      working: false,
      workingAt: null,
      createdAt: 1,
      updatedAt: 1,
    };
    expect(JSON.parse(orderMessage(order, units))).toMatchObject({
      type: "stopLimit",
      price: "49000",
      stopPrice: "49500",
      listId: 9,
      working: false,
      workingAt: null,
    });
  });

  it("writes balances and fills in each asset's own precision", () => {
    const scales = new MarketScales(
      new Map([["BTCUSDT", units]]),
      new Map([
        ["BTC", 8],
        ["USDT", 6],
      ]),
    );
    expect(
      JSON.parse(
        balanceMessage(
          { userId: 1, asset: "USDT", availableAtoms: 1_500_000n, frozenAtoms: 1n },
          scales,
        ) ?? "",
      ),
    ).toEqual({ asset: "USDT", available: "1.5", frozen: "0.000001", total: "1.500001" });
    expect(
      balanceMessage({ userId: 1, asset: "DOGE", availableAtoms: 1n, frozenAtoms: 0n }, scales),
    ).toBeUndefined();
    expect(
      JSON.parse(
        fillMessage(
          {
            userId: 1,
            orderId: 2,
            symbol: "BTCUSDT",
            tradeId: 3,
            side: "buy",
            liquidity: "taker",
            priceTicks: 5_000_000n,
            qtyLots: 3n,
            quoteAtoms: 150_000_000n,
            feeAtoms: 7n,
            feeAsset: "BTC",
            ts: 42,
          },
          units,
        ),
      ),
    ).toEqual({
      tradeId: 3,
      orderId: 2,
      symbol: "BTCUSDT",
      side: "buy",
      liquidity: "taker",
      price: "50000",
      quantity: "0.00003",
      quoteAmount: "1.5",
      fee: "0.00000007",
      feeAsset: "BTC",
      executedAt: 42,
    });
  });

  it("writes a ticker whose change can be negative, and nulls before any trade", () => {
    const empty = {
      symbol: "BTCUSDT",
      openTicks: null,
      highTicks: null,
      lowTicks: null,
      lastTicks: null,
      volumeLots: 0n,
      quoteAtoms: 0n,
      trades: 0,
    };
    expect(JSON.parse(tickerMessage(empty, units, 5))).toEqual({
      symbol: "BTCUSDT",
      open: null,
      high: null,
      low: null,
      last: null,
      volume: "0",
      quoteVolume: "0",
      change: null,
      changePercent: null,
      trades: 0,
      time: 5,
    });
    const fallen = {
      ...empty,
      openTicks: 5_000_000n,
      highTicks: 5_000_000n,
      lowTicks: 4_900_050n,
      lastTicks: 4_900_050n,
      trades: 2,
    };
    expect(JSON.parse(tickerMessage(fallen, units, 5))).toMatchObject({
      change: "-999.5",
      changePercent: "-1.99",
    });
  });

  it("writes a candle with its close time, the last millisecond inside it", () => {
    const message = klineMessage(
      {
        symbol: "BTCUSDT",
        interval: "5m",
        openTime: 300_000,
        openTicks: 1n,
        highTicks: 3n,
        lowTicks: 1n,
        closeTicks: 2n,
        volumeLots: 10n,
        quoteAtoms: 20_000_000n,
        tradeCount: 2,
        firstTradeId: 1,
        lastTradeId: 2,
        updatedSeq: 9,
      },
      units,
    );
    expect(JSON.parse(message)).toEqual({
      symbol: "BTCUSDT",
      interval: "5m",
      openTime: 300_000,
      closeTime: 599_999,
      open: "0.01",
      high: "0.03",
      low: "0.01",
      close: "0.02",
      volume: "0.0001",
      quoteVolume: "0.2",
      trades: 2,
    });
  });
});

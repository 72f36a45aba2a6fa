import {
  type Command,
  type CoreEvent,
  ExchangeCore,
  MAX_OPEN_ORDERS_CEILING,
  MAX_UNITS,
} from "@exchange/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { stringifyWire } from "./codecs";
import { readEvents, readOutcome, writeEvents, writeOutcome } from "./event-json";
import { ZCoreEvent } from "./events";

type CommandBody = Command extends infer C
  ? C extends Command
    ? Omit<C, "id" | "ts">
    : never
  : never;

/** A short session that makes the core emit every kind of event it has. */
function everyKindOfEvent(): CoreEvent[] {
  const core = new ExchangeCore();
  let n = 0;
  const run = (command: CommandBody) =>
    core.apply({ ...command, id: `c${n++}`, ts: 1_700_000_000_000 + n } as Command).events;
  const order = { type: "order.place", symbol: "BTCUSDT", orderType: "limit" } as const;
  return [
    ...run({ type: "asset.add", code: "BTC", precision: 8 }),
    ...run({ type: "asset.add", code: "USDT", precision: 8 }),
    ...run({
      type: "market.add",
      symbol: "BTCUSDT",
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 1_000_000n,
      lotSizeAtoms: 1_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 1n,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    }),
    ...run({ type: "feeTier.set", tier: 1, makerScalePpm: 500_000, takerScalePpm: 800_000 }),
    ...run({ type: "feeTier.assign", userId: 2, tier: 1 }),
    ...run({
      type: "balance.deposit",
      business: "deposit",
      businessId: 'tx "1"',
      userId: 1,
      asset: "BTC",
      amountAtoms: 10n ** 8n,
    }),
    ...run({
      type: "balance.deposit",
      business: "deposit",
      businessId: "tx2",
      userId: 2,
      asset: "USDT",
      amountAtoms: 10n ** 14n,
    }),
    ...run({
      ...order,
      userId: 1,
      side: "sell",
      priceTicks: 50_000n,
      qtyLots: 10n,
      clientOrderId: "ask\\1",
    }),
    ...run({ ...order, userId: 1, side: "sell", priceTicks: 50_001n, qtyLots: 10n }),
    ...run({ ...order, userId: 2, side: "buy", priceTicks: 50_001n, qtyLots: 15n }),
    // A stop order and an OCO that the buy of 6 below triggers; an amend that keeps priority
    // (order 7) and one that replaces the order.
    ...run({
      ...order,
      orderType: "stopLimit",
      userId: 2,
      side: "buy",
      stopPriceTicks: 50_010n,
      priceTicks: 50_020n,
      qtyLots: 1n,
    }),
    ...run({
      type: "order.placeOco",
      symbol: "BTCUSDT",
      userId: 2,
      side: "buy",
      qtyLots: 1n,
      priceTicks: 40_000n,
      stopPriceTicks: 50_005n,
      stopLimitPriceTicks: 50_030n,
    }),
    ...run({ ...order, userId: 2, side: "buy", priceTicks: 30_000n, qtyLots: 3n }),
    ...run({ type: "order.amend", symbol: "BTCUSDT", userId: 2, orderId: 7, qtyLots: 2n }),
    ...run({ type: "order.amend", symbol: "BTCUSDT", userId: 2, orderId: 7, priceTicks: 30_001n }),
    ...run({ ...order, userId: 1, side: "sell", priceTicks: 50_010n, qtyLots: 1n }),
    ...run({ ...order, userId: 2, side: "buy", priceTicks: 50_010n, qtyLots: 6n }),
    ...run({ ...order, userId: 2, side: "buy", priceTicks: 10n ** 12n, qtyLots: 10n ** 5n }),
    // Lending: an index, a pool and a loan (loan.changed, index.changed).
    ...run({
      type: "balance.transfer",
      business: "transfer",
      businessId: "pool",
      asset: "USDT",
      amountAtoms: 10n ** 12n,
      from: { system: "operator" },
      to: { system: "loan" },
    }),
    ...run({
      type: "index.set",
      business: "index.set",
      businessId: "BTC:USDT:1",
      asset: "BTC",
      quote: "USDT",
      priceAtoms: 5_000_000_000_000n,
      at: 1_700_000_000_000,
    }),
    ...run({
      type: "balance.deposit",
      business: "deposit",
      businessId: "tx3",
      userId: 3,
      asset: "BTC",
      amountAtoms: 10n ** 8n,
    }),
    ...run({
      type: "loan.open",
      business: "loan.open",
      businessId: "loan-1",
      loanId: "loan-1",
      userId: 3,
      collateralAsset: "BTC",
      collateralAtoms: 10n ** 8n,
      loanAsset: "USDT",
      principalAtoms: 10n ** 11n,
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: 820_000,
      liquidationFeePpm: 10_000,
      maturesAt: 0,
    }),
    // Derivatives: a transfer into the futures wallet (futures.walletChanged).
    ...run({
      type: "futures.transfer",
      business: "futures.transfer",
      businessId: "ft-1",
      userId: 3,
      asset: "USDT",
      amountAtoms: 10n ** 9n,
      direction: "toFutures",
    }),
    // Perpetuals: a contract, an isolated 10× long against a short, a mark, funding, then a
    // mark that liquidates the long with nothing on the book (auto-deleveraging the short).
    ...run({
      type: "contract.add",
      symbol: "BTCUSDT-PERP",
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 10_000_000n,
      lotSizeAtoms: 100_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 0n,
      makerFeePpm: 200,
      takerFeePpm: 500,
      maxLeverage: 125,
      riskTiers: [{ maxNotionalAtoms: 10n ** 15n, maintenanceMarginPpm: 4_000, maxLeverage: 125 }],
      fundingIntervalMs: 28_800_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    }),
    ...run({
      type: "balance.deposit",
      business: "deposit",
      businessId: "tx4",
      userId: 1,
      asset: "USDT",
      amountAtoms: 10n ** 13n,
    }),
    ...[1, 2].flatMap((userId) =>
      run({
        type: "futures.transfer",
        business: "futures.transfer",
        businessId: `ft-${userId}0`,
        userId,
        asset: "USDT",
        amountAtoms: 10n ** 12n,
        direction: "toFutures",
      }),
    ),
    ...run({ type: "position.setMarginMode", userId: 1, symbol: "BTCUSDT-PERP", mode: "isolated" }),
    ...run({ type: "position.setLeverage", userId: 1, symbol: "BTCUSDT-PERP", leverage: 10 }),
    ...run({
      ...order,
      symbol: "BTCUSDT-PERP",
      userId: 2,
      side: "sell",
      priceTicks: 500_000n,
      qtyLots: 1_000n,
    }),
    ...run({
      ...order,
      symbol: "BTCUSDT-PERP",
      userId: 1,
      side: "buy",
      priceTicks: 500_000n,
      qtyLots: 1_000n,
      timeInForce: "IOC",
    }),
    ...run({
      type: "mark.set",
      business: "mark.set",
      businessId: "perp:1",
      symbol: "BTCUSDT-PERP",
      markPriceTicks: 500_000n,
      indexPriceTicks: 500_100n,
      at: 1_700_000_000_100,
    }),
    ...run({
      type: "funding.settle",
      business: "funding.settle",
      businessId: "perp:f1",
      symbol: "BTCUSDT-PERP",
      fundingTime: 1_700_000_000_200,
      ratePpm: 100,
    }),
    ...run({
      type: "mark.set",
      business: "mark.set",
      businessId: "perp:2",
      symbol: "BTCUSDT-PERP",
      markPriceTicks: 440_000n,
      indexPriceTicks: 440_000n,
      at: 1_700_000_000_300,
    }),
    ...run({ type: "order.cancelAll", userId: 1, symbol: "BTCUSDT" }),
    ...run({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" }),
  ];
}

describe("fast event JSON", () => {
  const events = everyKindOfEvent();

  it("covers every event type", () => {
    const kinds = new Set(events.map((e) => e.type));
    expect([...kinds].sort()).toEqual(ZCoreEvent.options.map((o) => o.shape.type.value).sort());
  });

  it("writes exactly what the wire schema decodes back to the same events", () => {
    const decoded = z.array(ZCoreEvent).parse(JSON.parse(writeEvents(events)));
    expect(decoded).toEqual(events);
  });

  it("writes the same JSON values as the generic wire writer", () => {
    expect(JSON.parse(writeEvents(events))).toEqual(JSON.parse(stringifyWire(events)));
  });

  it("reads back what it wrote", () => {
    expect(readEvents(JSON.parse(writeEvents(events)))).toEqual(events);
  });

  it("reads reference-data events journaled before the limits with the ceilings the core gave them", () => {
    const legacy = [
      { type: "asset.added", code: "BTC", precision: 8 },
      {
        type: "market.added",
        symbol: "BTCUSDT",
        base: "BTC",
        quote: "USDT",
        tickSizeAtoms: "10000",
        lotSizeAtoms: "10000",
        minQtyLots: "1",
        maxQtyLots: "100",
        minNotionalAtoms: "0",
        makerFeePpm: 0,
        takerFeePpm: 0,
        status: "trading",
      },
    ];
    expect(readEvents(legacy)).toMatchObject([
      { maxAmountAtoms: MAX_UNITS },
      {
        maxPriceTicks: MAX_UNITS,
        maxNotionalAtoms: MAX_UNITS,
        maxOpenOrders: MAX_OPEN_ORDERS_CEILING,
      },
    ]);
  });

  it("round-trips a rejection with an awkward message", () => {
    const outcome = {
      ok: false as const,
      code: 600,
      message: 'needs "1.5" BTC\nmore',
      events: [
        {
          type: "order.rejected" as const,
          symbol: "BTCUSDT",
          userId: 3,
          clientOrderId: null,
          code: 600,
          message: "x",
        },
      ],
    };
    expect(readOutcome(JSON.parse(writeOutcome(outcome)))).toEqual(outcome);
  });
});

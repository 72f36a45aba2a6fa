import { type Command, ExchangeCore } from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutcomeRecord } from "./outcome-batch";
import { projectOutcomes } from "./project-outcomes";

function statusChanged(
  seq: number,
  symbol: string,
  previous: string,
  status: string,
): OutcomeRecord {
  return {
    seq,
    commandId: `market:status:${seq}`,
    ts: 1_700_000_000_000 + seq,
    outcome: {
      ok: true,
      repeated: false,
      events: [{ type: "market.statusChanged", symbol, status, previous }],
    } as OutcomeRecord["outcome"],
  };
}

describe("projectOutcomes: market statuses", () => {
  it("keeps each market's latest status, as the markets table names it", () => {
    const changes = projectOutcomes([
      statusChanged(1, "BTCUSDT", "trading", "halted"),
      statusChanged(2, "ETHUSDT", "preOpen", "trading"),
      statusChanged(3, "BTCUSDT", "halted", "closed"),
    ]);
    expect(Object.fromEntries(changes.marketStatuses)).toEqual({
      BTCUSDT: "CLOSED",
      ETHUSDT: "TRADING",
    });
  });

  it("ignores a refused change", () => {
    const refused: OutcomeRecord = {
      seq: 4,
      commandId: "market:status:4",
      ts: 1_700_000_000_004,
      outcome: { ok: false, code: 208, message: "no", events: [] } as OutcomeRecord["outcome"],
    };
    expect(projectOutcomes([refused]).marketStatuses.size).toBe(0);
  });
});

function loanChanged(seq: number, cause: string, status: string, extra: object[] = []) {
  const loan = {
    type: "loan.changed",
    loanId: "00000000-0000-4000-8000-000000000001",
    userId: 7,
    collateralAsset: "BTC",
    loanAsset: "USDT",
    status,
    principalAtoms: status === "closed" ? 0n : 24_000n,
    interestAtoms: 0n,
    collateralAtoms: status === "closed" ? 0n : 100n,
    proceedsAtoms: 0n,
    cause,
  };
  return {
    seq,
    commandId: `loan:${seq}`,
    ts: 1_700_000_000_000 + seq,
    outcome: { ok: true, repeated: false, events: [...extra, loan] },
  } as unknown as OutcomeRecord;
}

describe("projectOutcomes: loans", () => {
  it("keeps each loan's latest state and a history line per command", () => {
    const changes = projectOutcomes([
      loanChanged(1, "loan.open", "open"),
      loanChanged(2, "loan.repay", "closed"),
    ]);
    const loan = [...changes.loans.values()][0];
    expect(loan).toMatchObject({ status: "CLOSED", principalAtoms: 0n, collateralAtoms: 0n });
    expect(changes.loanEvents.map((e) => [e.kind, e.eventKey])).toEqual([
      ["OPENED", "journal:1:0"],
      ["CLOSED", "journal:2:0"],
    ]);
  });

  it("names a liquidation slice's order, the borrower's order in the same command", () => {
    const order = { type: "order.accepted", orderId: 42, userId: 7 };
    const changes = projectOutcomes([
      loanChanged(3, "loan.liquidationSell", "liquidating", [order]),
    ]);
    expect(changes.loanEvents[0]).toMatchObject({ kind: "LIQUIDATION_SLICE", orderId: 42 });
  });
});

/**
 * Perpetuals through the real core: BTCUSDT-PERP with ticks of 0.1 USDT and lots of 0.001 BTC
 * (one lot at one tick is 100 USDT atoms; 50 000 USDT is 500 000 ticks, 1 BTC 1 000 lots).
 */
describe("projectOutcomes: perpetuals", () => {
  const USDT = 1_000_000n;
  const T = 1_700_000_000_000;
  const SYMBOL = "BTCUSDT-PERP";

  function perpetualRun() {
    const core = new ExchangeCore();
    const records: OutcomeRecord[] = [];
    let n = 0;
    const apply = (body: Record<string, unknown>, ts = T) => {
      n += 1;
      const command = { id: `c-${n}`, ts, ...body } as Command;
      const result = core.apply(command);
      if (!result.accepted) throw new Error(`${command.type}: ${result.message}`);
      records.push({
        seq: n,
        commandId: command.id,
        ts,
        outcome: { ok: true, repeated: result.repeated, events: result.events },
      });
      return result;
    };
    apply({ type: "asset.add", code: "BTC", precision: 8 });
    apply({ type: "asset.add", code: "USDT", precision: 6 });
    apply({
      type: "contract.add",
      symbol: SYMBOL,
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 100_000n,
      lotSizeAtoms: 100_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 0n,
      maxPriceTicks: 100_000_000n,
      makerFeePpm: 200,
      takerFeePpm: 500,
      maxLeverage: 125,
      riskTiers: [
        { maxNotionalAtoms: 50_000n * USDT, maintenanceMarginPpm: 4_000, maxLeverage: 125 },
        { maxNotionalAtoms: 1_000_000n * USDT, maintenanceMarginPpm: 10_000, maxLeverage: 50 },
      ],
      fundingIntervalMs: 8 * 3_600_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    });
    for (const userId of [1, 2, 3]) {
      const key = { business: "deposit", businessId: `d-${userId}` };
      apply({
        type: "balance.deposit",
        ...key,
        userId,
        asset: "USDT",
        amountAtoms: 100_000n * USDT,
      });
      const transfer = { business: "futures.transfer", businessId: `t-${userId}` };
      apply({
        type: "futures.transfer",
        ...transfer,
        userId,
        asset: "USDT",
        amountAtoms: 10_000n * USDT,
        direction: "toFutures",
      });
    }
    const order = (userId: number, side: string, priceTicks: bigint, extra = {}) =>
      apply({
        type: "order.place",
        userId,
        symbol: SYMBOL,
        side,
        orderType: "limit",
        priceTicks,
        qtyLots: 1_000n,
        ...extra,
      });
    const mark = (markPriceTicks: bigint, at: number) =>
      apply({
        type: "mark.set",
        business: "mark.set",
        businessId: `${SYMBOL}:${at}`,
        symbol: SYMBOL,
        markPriceTicks,
        indexPriceTicks: markPriceTicks,
        at,
      });
    return { core, records, apply, order, mark };
  }

  it("a 10× isolated long of 1 BTC at 50 000 liquidated at mark 45 180.7: the position flat, its history, the 500 USDT left to the fund", () => {
    const { core, records, apply, order, mark } = perpetualRun();
    apply({ type: "position.setMarginMode", userId: 1, symbol: SYMBOL, mode: "isolated" });
    apply({ type: "position.setLeverage", userId: 1, symbol: SYMBOL, leverage: 10 });
    order(2, "sell", 500_000n);
    order(1, "buy", 500_000n, { timeInForce: "IOC" });
    order(3, "buy", 455_000n);
    mark(451_808n, T + 1_000);
    const afterFirstMark = records.length;
    mark(451_807n, T + 2_000);

    const changes = projectOutcomes(records);
    expect(changes.contracts.get(SYMBOL)).toMatchObject({
      maxLeverage: 125,
      riskTiers: [
        { maxNotionalAtoms: "50000000000", maintenanceMarginPpm: 4_000, maxLeverage: 125 },
        { maxNotionalAtoms: "1000000000000", maintenanceMarginPpm: 10_000, maxLeverage: 50 },
      ],
    });
    expect(changes.contractProgress.get(SYMBOL)).toMatchObject({
      markPriceTicks: 451_807n,
      markAt: new Date(T + 2_000),
      updatedSeq: records.length,
    });
    expect(changes.positions.get(`1|${SYMBOL}`)).toMatchObject({
      qtyLots: 0n,
      costAtoms: 0n,
      mode: "ISOLATED",
      leverage: 10,
      isolatedMarginAtoms: 0n,
      // Sold by the book at 45 500: 4 500 USDT lost on 1 BTC.
      realisedPnlAtoms: -4_500n * USDT,
      liquidationPriceTicks: null,
    });
    expect(changes.positions.get(`3|${SYMBOL}`)).toMatchObject({ qtyLots: 1_000n });
    // The running total of each change's realised PnL is the engine's own, fills included once.
    for (const userId of [1, 2, 3]) {
      expect(changes.positions.get(`${userId}|${SYMBOL}`)?.realisedPnlAtoms).toBe(
        core.position(userId, SYMBOL)?.realisedPnlAtoms,
      );
    }
    expect(changes.futuresWallets.get(`1|USDT`)?.walletAtoms).toBe(core.futuresWallet(1, "USDT"));
    expect(changes.futuresWallets.get(`1|USDT`)?.walletAtoms).toBe(4_975n * USDT);
    expect(
      changes.positionEvents.filter((e) => e.userId === 1).map((e) => [e.kind, e.qtyLots]),
    ).toEqual([
      ["SETTINGS", 0n],
      ["SETTINGS", 0n],
      ["TRADE", 1_000n],
      ["TRADE", 0n],
      ["LIQUIDATION", 0n],
    ]);
    expect(changes.liquidations).toMatchObject([
      {
        userId: 1,
        qtyLots: 1_000n,
        markPriceTicks: 451_807n,
        bankruptcyPriceTicks: 450_000n,
        bookLots: 1_000n,
        deleveragedLots: 0n,
        insuranceAtoms: 500n * USDT,
        seq: records.length,
        commandId: records.at(-1)?.commandId,
      },
    ]);
    expect(projectOutcomes(records.slice(0, afterFirstMark)).liquidations).toEqual([]);
  });

  it("funding of +0.01 % at 51 000: the long's FUNDING line pays 5.1 USDT, the short's receives it, each wallet as the engine has it", () => {
    const { core, records, apply, order, mark } = perpetualRun();
    order(2, "sell", 500_000n);
    order(1, "buy", 500_000n, { timeInForce: "IOC" });
    mark(510_000n, T + 1_000);
    const fundingTime = T + 8 * 3_600_000;
    apply({
      type: "funding.settle",
      business: "funding.settle",
      businessId: `${SYMBOL}:${fundingTime}`,
      symbol: SYMBOL,
      fundingTime,
      ratePpm: 100,
    });
    const changes = projectOutcomes(records);
    expect(changes.fundingSettlements).toMatchObject([
      { symbol: SYMBOL, fundingTime, ratePpm: 100, paidAtoms: 5_100_000n, positions: 2 },
    ]);
    expect(changes.contractProgress.get(SYMBOL)).toMatchObject({
      markPriceTicks: 510_000n,
      lastFundingTime: new Date(fundingTime),
      lastFundingRatePpm: 100,
    });
    const funding = changes.positionEvents.filter((e) => e.kind === "FUNDING");
    expect(funding.map((e) => [e.userId, e.fundingAtoms, e.qtyLots])).toEqual([
      [1, 5_100_000n, 1_000n],
      [2, -5_100_000n, -1_000n],
    ]);
    for (const userId of [1, 2]) {
      expect(changes.futuresWallets.get(`${userId}|USDT`)?.walletAtoms).toBe(
        core.futuresWallet(userId, "USDT"),
      );
    }
  });

  it("auto-deleveraging with an empty book: the short's DELEVERAGE line at the bankruptcy price 45 000", () => {
    const { core, records, apply, order, mark } = perpetualRun();
    apply({ type: "position.setMarginMode", userId: 1, symbol: SYMBOL, mode: "isolated" });
    apply({ type: "position.setLeverage", userId: 1, symbol: SYMBOL, leverage: 10 });
    order(2, "sell", 500_000n);
    order(1, "buy", 500_000n, { timeInForce: "IOC" });
    mark(450_000n, T + 1_000);
    const changes = projectOutcomes(records);
    for (const userId of [1, 2]) {
      expect(changes.positions.get(`${userId}|${SYMBOL}`)?.realisedPnlAtoms).toBe(
        core.position(userId, SYMBOL)?.realisedPnlAtoms,
      );
    }
    expect(changes.positionEvents.filter((e) => e.kind === "DELEVERAGE")).toMatchObject([
      { userId: 2, qtyLots: 0n, realisedPnlAtoms: 5_000n * USDT, priceTicks: 450_000n },
    ]);
    expect(changes.liquidations).toMatchObject([
      { userId: 1, bookLots: 0n, deleveragedLots: 1_000n, insuranceAtoms: 0n },
    ]);
  });
  it("any sequence of orders, marks, settings, transfers and funding: the projected positions (liquidation prices included) and wallets are the engine's (property)", () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("order" as const),
        userId: fc.integer({ min: 1, max: 3 }),
        side: fc.constantFrom("buy", "sell"),
        price: fc.integer({ min: 440_000, max: 560_000 }),
        lots: fc.integer({ min: 1, max: 1_500 }),
        ioc: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant("mark" as const),
        price: fc.integer({ min: 440_000, max: 560_000 }),
      }),
      fc.record({
        kind: fc.constant("settings" as const),
        userId: fc.integer({ min: 1, max: 3 }),
        isolated: fc.boolean(),
        leverage: fc.integer({ min: 1, max: 50 }),
      }),
      fc.record({
        kind: fc.constant("transfer" as const),
        userId: fc.integer({ min: 1, max: 3 }),
        toSpot: fc.boolean(),
        usdt: fc.integer({ min: 1, max: 3_000 }),
      }),
      fc.record({
        kind: fc.constant("funding" as const),
        rate: fc.integer({ min: -3_000, max: 3_000 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { core, records } = perpetualRun();
        let n = 0;
        let at = T;
        const tryApply = (body: Record<string, unknown>) => {
          n += 1;
          const command = { id: `p-${n}`, ts: at, ...body } as Command;
          const result = core.apply(command);
          records.push({
            seq: records.length + 1,
            commandId: command.id,
            ts: at,
            outcome: result.accepted
              ? { ok: true, repeated: result.repeated, events: result.events }
              : { ok: false, code: result.code, message: result.message, events: [] },
          } as OutcomeRecord);
        };
        tryApply({
          type: "mark.set",
          business: "mark.set",
          businessId: "first",
          symbol: SYMBOL,
          markPriceTicks: 500_000n,
          indexPriceTicks: 500_000n,
          at: T,
        });
        for (const o of ops) {
          at += 1_000;
          if (o.kind === "order") {
            tryApply({
              type: "order.place",
              userId: o.userId,
              symbol: SYMBOL,
              side: o.side,
              orderType: "limit",
              priceTicks: BigInt(o.price),
              qtyLots: BigInt(o.lots),
              ...(o.ioc ? { timeInForce: "IOC" } : {}),
            });
          } else if (o.kind === "mark") {
            const price = BigInt(o.price);
            tryApply({
              type: "mark.set",
              business: "mark.set",
              businessId: `${at}`,
              symbol: SYMBOL,
              markPriceTicks: price,
              indexPriceTicks: price,
              at,
            });
          } else if (o.kind === "settings") {
            const target = { userId: o.userId, symbol: SYMBOL };
            const mode = o.isolated ? "isolated" : "cross";
            tryApply({ type: "position.setMarginMode", ...target, mode });
            tryApply({ type: "position.setLeverage", ...target, leverage: o.leverage });
          } else if (o.kind === "transfer") {
            tryApply({
              type: "futures.transfer",
              business: "futures.transfer",
              businessId: `${at}`,
              userId: o.userId,
              asset: "USDT",
              amountAtoms: BigInt(o.usdt) * USDT,
              direction: o.toSpot ? "toSpot" : "toFutures",
            });
          } else {
            tryApply({
              type: "funding.settle",
              business: "funding.settle",
              businessId: `${at}`,
              symbol: SYMBOL,
              fundingTime: at,
              ratePpm: o.rate,
            });
          }
        }
        const changes = projectOutcomes(records);
        for (const userId of [1, 2, 3]) {
          expect(changes.futuresWallets.get(`${userId}|USDT`)?.walletAtoms).toBe(
            core.futuresWallet(userId, "USDT"),
          );
          const engine = core.position(userId, SYMBOL);
          const row = changes.positions.get(`${userId}|${SYMBOL}`);
          if (engine === undefined) {
            expect(row).toBeUndefined();
            continue;
          }
          // An order alone makes the engine hold a flat position at the defaults, unreported:
          // no row reads as just that.
          const none = { qtyLots: 0n, costAtoms: 0n, mode: "CROSS", leverage: 20 };
          expect(row ?? { ...none, isolatedMarginAtoms: 0n, realisedPnlAtoms: 0n }).toMatchObject({
            qtyLots: engine.qtyLots,
            costAtoms: engine.costAtoms,
            mode: engine.mode.toUpperCase(),
            leverage: engine.leverage,
            isolatedMarginAtoms: engine.isolatedMarginAtoms,
            realisedPnlAtoms: engine.realisedPnlAtoms,
          });
          if (row) expect(row.liquidationPriceTicks ?? 0n).toBe(engine.liquidationPriceTicks);
        }
      }),
      { numRuns: 100 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { stringifyWire, ZBigint } from "./codecs";
import { ZEngineCommand } from "./commands";
import { ZEngineReply } from "./replies";

describe("bigint wire codec", () => {
  it.each([
    ["0", 0n],
    ["-12", -12n],
    ["123456789012345678901234567890", 123456789012345678901234567890n],
  ])("decodes %s exactly", (text, value) => {
    expect(ZBigint.parse(text)).toBe(value);
    expect(ZBigint.encode(value)).toBe(text);
  });

  it.each(["", "01", "+1", "1.5", "1e3", " 1", "0x10", "--1", "١٢"])("refuses %j", (text) => {
    expect(ZBigint.safeParse(text).success).toBe(false);
  });

  it("refuses a number where a bigint string belongs, rather than lose precision", () => {
    expect(ZBigint.safeParse(Number.MAX_SAFE_INTEGER).success).toBe(false);
  });
});

describe("engine command schemas", () => {
  const limitBuy = {
    v: 1,
    id: "c-1",
    ts: 1_700_000_000_000,
    type: "order.place",
    orderType: "limit",
    userId: 7,
    symbol: "BTCUSDT",
    side: "buy",
    priceTicks: 5_000_000n,
    qtyLots: 3n,
  } as const;

  it("round-trips a command through its wire text", () => {
    const decoded = ZEngineCommand.parse(JSON.parse(stringifyWire(limitBuy)));
    expect(decoded).toEqual(limitBuy);
  });

  it("refuses unknown fields, so a typo cannot silently change an order", () => {
    const wire = JSON.parse(stringifyWire({ ...limitBuy, postonly: true }));
    expect(ZEngineCommand.safeParse(wire).success).toBe(false);
  });

  it("refuses a market order field on a limit order", () => {
    const wire = JSON.parse(stringifyWire({ ...limitBuy, quoteAtoms: 5n }));
    expect(ZEngineCommand.safeParse(wire).success).toBe(false);
  });

  it("decodes both forms of a market order's protection: a price limit (old journals) and a slippage", () => {
    const market = { ...limitBuy, orderType: "market", qtyLots: 3n } as Record<string, unknown>;
    delete market.priceTicks;
    for (const protection of [{ priceLimitTicks: 5_250_000n }, { slippageBps: 500 }]) {
      const command = { ...market, ...protection };
      expect(ZEngineCommand.parse(JSON.parse(stringifyWire(command)))).toEqual(command);
    }
    const fractional = JSON.parse(stringifyWire({ ...market, slippageBps: 2.5 }));
    expect(ZEngineCommand.safeParse(fractional).success).toBe(false);
  });

  it("round-trips stop orders, OCO lists, amendments and a cancel-all of every market", () => {
    const envelope = { v: 1, id: "o-1", ts: 1_700_000_000_000, userId: 7 } as const;
    const commands = [
      {
        ...envelope,
        type: "order.place",
        orderType: "stopLimit",
        symbol: "BTCUSDT",
        side: "sell",
        stopPriceTicks: 4_900_000n,
        priceTicks: 4_890_000n,
        qtyLots: 3n,
        timeInForce: "IOC",
      },
      { ...limitBuy, orderType: "takeProfitLimit", stopPriceTicks: 4_000_000n },
      {
        ...envelope,
        type: "order.placeOco",
        symbol: "BTCUSDT",
        side: "sell",
        qtyLots: 3n,
        priceTicks: 5_500_000n,
        stopPriceTicks: 4_900_000n,
        stopLimitPriceTicks: 4_890_000n,
        stopClientOrderId: "s",
      },
      { ...envelope, type: "order.amend", symbol: "BTCUSDT", orderId: 9, qtyLots: 2n },
      { ...envelope, type: "order.cancelAll" },
    ];
    for (const command of commands) {
      expect(ZEngineCommand.parse(JSON.parse(stringifyWire(command)))).toEqual(command);
    }
    const stopWithoutTrigger = { ...limitBuy, orderType: "stopLimit" };
    expect(ZEngineCommand.safeParse(JSON.parse(stringifyWire(stopWithoutTrigger))).success).toBe(
      false,
    );
    const postOnlyStop = { ...commands[1], postOnly: true };
    expect(ZEngineCommand.safeParse(JSON.parse(stringifyWire(postOnlyStop))).success).toBe(false);
  });

  it("round-trips the savings commands, and refuses a forfeit that is no boolean or a missing amount", () => {
    const envelope = { v: 1, id: "s-1", ts: 1_700_000_000_000, subscriptionId: "sub-1" } as const;
    const commands = [
      {
        ...envelope,
        type: "savings.subscribe",
        business: "savings.subscribe",
        businessId: "sub-1",
        userId: 7,
        asset: "USDT",
        amountAtoms: 10n ** 30n,
      },
      {
        ...envelope,
        type: "savings.payout",
        business: "savings.payout",
        businessId: "plan-1",
        interestAtoms: 4_110n,
        principalAtoms: 0n,
      },
      {
        ...envelope,
        type: "savings.redeem",
        business: "savings.redeem",
        businessId: "sub-1",
        forfeitInterest: true,
        penaltyAtoms: 0n,
      },
    ];
    for (const command of commands) {
      expect(ZEngineCommand.parse(JSON.parse(stringifyWire(command)))).toEqual(command);
    }
    const [, payout, redeem] = commands as [unknown, Record<string, unknown>, object];
    const noPrincipal = { ...payout };
    delete noPrincipal.principalAtoms;
    for (const bad of [{ ...redeem, forfeitInterest: "true" }, noPrincipal]) {
      expect(ZEngineCommand.safeParse(JSON.parse(stringifyWire(bad))).success).toBe(false);
    }
  });

  it("round-trips the lending commands, and refuses an unknown liquidation reason", () => {
    const envelope = { v: 1, id: "l-1", ts: 1_700_000_000_000, loanId: "loan-1" } as const;
    const commands = [
      {
        v: 1,
        id: "i-1",
        ts: 1_700_000_000_000,
        type: "index.set",
        business: "index.set",
        businessId: "BTC:USDT:1700000000000",
        asset: "BTC",
        quote: "USDT",
        priceAtoms: 30_000_000_000n,
        at: 1_700_000_000_000,
      },
      {
        ...envelope,
        type: "loan.open",
        business: "loan.open",
        businessId: "loan-1",
        userId: 7,
        collateralAsset: "BTC",
        collateralAtoms: 100_000_000n,
        loanAsset: "USDT",
        principalAtoms: 24_000_000_000n,
        initialLtvPpm: 800_000,
        warningLinePpm: 850_000,
        liquidationLinePpm: 820_000,
        liquidationFeePpm: 10_000,
        maturesAt: 0,
      },
      {
        ...envelope,
        type: "loan.repay",
        business: "loan.repay",
        businessId: "r-1",
        repaymentId: "r-1",
        amountAtoms: 10n ** 30n,
      },
      {
        ...envelope,
        type: "loan.addCollateral",
        business: "loan.addCollateral",
        businessId: "t-1",
        topUpId: "t-1",
        amountAtoms: 5n,
      },
      {
        ...envelope,
        type: "loan.accrue",
        business: "loan.accrue",
        businessId: "loan-1:4",
        accrualId: "loan-1:4",
        interestAtoms: 1n,
      },
      {
        ...envelope,
        type: "loan.liquidate",
        business: "loan.liquidate",
        businessId: "loan-1",
        reason: "maturity",
      },
      {
        ...envelope,
        type: "loan.liquidationSell",
        business: "loan.liquidationSell",
        businessId: "loan-1:1",
        slice: 1,
        qtyAtoms: 50_000_000n,
        limitPriceAtoms: 24_000_000_000n,
        belowBankruptcyApproved: false,
      },
    ];
    for (const command of commands) {
      expect(ZEngineCommand.parse(JSON.parse(stringifyWire(command)))).toEqual(command);
    }
    const liquidate = commands[5] as object;
    const sell = commands[6] as object;
    for (const bad of [
      { ...liquidate, reason: "whim" },
      { ...sell, belowBankruptcyApproved: "yes" },
      { ...sell, qtyAtoms: "0.5" },
    ]) {
      expect(ZEngineCommand.safeParse(JSON.parse(stringifyWire(bad))).success).toBe(false);
    }
  });

  it("names the failing field", () => {
    const wire = JSON.parse(stringifyWire({ ...limitBuy, qtyLots: "1.5" }));
    const result = ZEngineCommand.safeParse(wire);
    expect(result.error?.issues[0]?.path).toEqual(["qtyLots"]);
  });
});

describe("engine replies", () => {
  it("decodes events with exact bigints", () => {
    const reply = ZEngineReply.parse({
      id: "c-1",
      seq: 12,
      outcome: {
        ok: true,
        repeated: false,
        events: [
          {
            type: "book.levelChanged",
            symbol: "BTCUSDT",
            side: "buy",
            priceTicks: "5000000",
            qtyLots: "90071992547409930",
            seq: 4,
          },
        ],
      },
    });
    expect(reply.outcome.events[0]).toMatchObject({ qtyLots: 90071992547409930n });
  });
});

import { ExchangeCore, RejectCode } from "@exchange/core";
import { PROTOCOL_VERSION, stringifyWire } from "@exchange/protocol";
import {
  deepJsonText,
  extremeDecimal,
  fuzz,
  fuzzTimeoutMs,
  hostileJsonValue,
  hostileString,
  hugeString,
  nearlyValidObject,
} from "@exchange/protocol/testing";
import { referenceCommands } from "@exchange/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCommand } from "./decode-command";

/** Every field name any engine command has, so generated objects look like commands. */
const COMMAND_FIELDS = [
  "v",
  "id",
  "ts",
  "type",
  "orderType",
  "userId",
  "symbol",
  "side",
  "priceTicks",
  "qtyLots",
  "quoteAtoms",
  "priceLimitTicks",
  "timeInForce",
  "postOnly",
  "clientOrderId",
  "stp",
  "orderId",
  "business",
  "businessId",
  "asset",
  "amountAtoms",
  "withdrawalId",
  "feeAtoms",
  "from",
  "to",
  "code",
  "precision",
  "base",
  "quote",
  "tickSizeAtoms",
  "lotSizeAtoms",
  "minQtyLots",
  "maxQtyLots",
  "minNotionalAtoms",
  "makerFeePpm",
  "takerFeePpm",
  "status",
  "tier",
  "makerScalePpm",
  "takerScalePpm",
  "subscriptionId",
  "interestAtoms",
  "principalAtoms",
  "forfeitInterest",
  "penaltyAtoms",
  "stopPriceTicks",
  "stopLimitPriceTicks",
  "stopTimeInForce",
  "stopClientOrderId",
  "priceAtoms",
  "at",
  "loanId",
  "collateralAsset",
  "collateralAtoms",
  "loanAsset",
  "initialLtvPpm",
  "warningLinePpm",
  "liquidationLinePpm",
  "liquidationFeePpm",
  "maturesAt",
  "repaymentId",
  "topUpId",
  "accrualId",
  "reason",
  "slice",
  "qtyAtoms",
  "limitPriceAtoms",
  "belowBankruptcyApproved",
];

const COMMAND_TYPES = [
  "system.ping",
  "asset.add",
  "market.add",
  "market.setStatus",
  "feeTier.set",
  "feeTier.assign",
  "order.place",
  "order.cancel",
  "order.cancelAll",
  "order.placeOco",
  "order.amend",
  "balance.deposit",
  "balance.withdrawFreeze",
  "balance.withdrawSettle",
  "balance.withdrawRelease",
  "balance.transfer",
  "balance.adjust",
  "savings.subscribe",
  "savings.payout",
  "savings.redeem",
  "index.set",
  "loan.open",
  "loan.repay",
  "loan.addCollateral",
  "loan.accrue",
  "loan.liquidate",
  "loan.liquidationSell",
  "futures.transfer",
  "contract.add",
  "position.setLeverage",
  "position.setMarginMode",
  "mark.set",
  "funding.settle",
];

/** Values that make a generated command likely to pass the schema and reach the core. */
const plausibleValue = fc.oneof(
  fc.constant(PROTOCOL_VERSION),
  fc.constantFrom(...COMMAND_TYPES),
  fc.constantFrom("limit", "market", "buy", "sell", "GTC", "IOC", "FOK", "BTC", "USDT"),
  fc.constantFrom(
    "stopLimit",
    "takeProfitLimit",
    "ltv",
    "maturity",
    "toFutures",
    "toSpot",
    "cross",
    "isolated",
  ),
  fc.constantFrom(
    "BTCUSDT",
    "BTCUSDT-PERP",
    "trading",
    "halted",
    "cancelOnly",
    "fee",
    "none",
    "cancelBoth",
  ),
  fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n - 1n }).map(String),
  fc.constantFrom("1", "0", "-1", `1${"0".repeat(59)}`, `-${"9".repeat(60)}`),
  fc.integer({ min: 0, max: 1_000 }),
  fc.constant(1_700_000_000_000),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom({ userId: 1 }, { system: "fee" }),
  fc.boolean(),
);

/** Raw stream entries: any text, deep JSON, and command-shaped JSON objects. */
const streamEntry: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  hostileString(),
  hugeString(),
  deepJsonText(),
  hostileJsonValue().map((value) => stringifyWire(value) ?? "undefined"),
  { arbitrary: nearlyValidObject(COMMAND_FIELDS, plausibleValue).map(stringifyWire), weight: 6 },
);

function funded(): ExchangeCore {
  const core = new ExchangeCore();
  for (const command of referenceCommands()) core.apply(command);
  for (const userId of [0, 1, 2]) {
    for (const [asset, amountAtoms] of [
      ["BTC", 10n ** 12n],
      ["USDT", 10n ** 15n],
    ] as const) {
      core.apply({
        type: "balance.deposit",
        id: `fund:${userId}:${asset}`,
        ts: 1,
        business: "fund",
        businessId: `${userId}:${asset}`,
        userId,
        asset,
        amountAtoms,
      });
    }
  }
  return core;
}

describe("engine command decoding under generated input", {
  timeout: fuzzTimeoutMs(60_000),
}, () => {
  // Found by the fuzzer: String(v) threw on an object whose toString is not a function, and a
  // throw while decoding a batch stopped the engine on every restart.
  it.each([
    '{"v":{"toString":1},"id":"x"}',
    '{"v":[{"toString":"1"}]}',
    '{"v":{"valueOf":{},"toString":null}}',
  ])("rejects a poison version %s instead of stopping the engine", (text) => {
    expect(decodeCommand(text)).toMatchObject({
      ok: false,
      outcome: { code: RejectCode.InvalidCommand },
    });
  });

  it("answers every stream entry with a command or a typed rejection, never a throw", async () => {
    await fuzz(
      fc.property(streamEntry, (text) => {
        const decoded = decodeCommand(text);
        if (decoded.ok) {
          // What decodes re-encodes to a command that decodes to the same thing.
          const again = decodeCommand(stringifyWire(decoded.command));
          expect(again).toMatchObject({ ok: true, command: decoded.command });
        } else {
          const { outcome } = decoded;
          if (outcome.ok) expect.fail("a decoding failure answered ok");
          expect([RejectCode.InvalidCommand, RejectCode.UnknownCommandType]).toContain(
            outcome.code,
          );
          expect(outcome.events).toEqual([]);
          expect(decoded.id === undefined || typeof decoded.id === "string").toBe(true);
          expect(outcome.message.length).toBeGreaterThan(0);
        }
      }),
      2_000,
    );
  });

  it("applies every decodable command to the core without a throw, and a rejection changes no state", async () => {
    const core = funded();
    await fuzz(
      fc.property(streamEntry, (text) => {
        const decoded = decodeCommand(text);
        if (!decoded.ok || decoded.command.type === "system.ping") return;
        const before = core.stateHash();
        const result = core.apply(decoded.command);
        if (!result.accepted) expect(core.stateHash()).toBe(before);
      }),
      2_000,
    );
  });

  it("applies extreme but well-formed orders without a throw", async () => {
    const core = funded();
    const amount = fc.oneof(
      extremeDecimal().filter((text) => /^-?(0|[1-9]\d{0,59})$/.test(text)),
      fc.bigInt({ min: 1n, max: 10n ** 60n - 1n }).map(String),
    );
    const envelope = {
      v: fc.constant(PROTOCOL_VERSION),
      id: fc.uuid(),
      ts: fc.nat(),
      type: fc.constant("order.place"),
      userId: fc.constantFrom(0, 1, 2, 3),
      symbol: fc.constant("BTCUSDT"),
      side: fc.constantFrom("buy", "sell"),
    };
    const order = fc.oneof(
      fc.record({
        ...envelope,
        orderType: fc.constant("limit"),
        priceTicks: amount,
        qtyLots: amount,
      }),
      fc.record(
        {
          ...envelope,
          orderType: fc.constant("market"),
          qtyLots: amount,
          quoteAtoms: amount,
          priceLimitTicks: amount,
        },
        { requiredKeys: ["v", "id", "ts", "type", "orderType", "userId", "symbol", "side"] },
      ),
    );
    await fuzz(
      fc.property(order, (command) => {
        const decoded = decodeCommand(JSON.stringify(command));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok || decoded.command.type === "system.ping") return;
        const before = core.stateHash();
        const result = core.apply(decoded.command);
        if (!result.accepted) expect(core.stateHash()).toBe(before);
      }),
      2_000,
    );
  });
});

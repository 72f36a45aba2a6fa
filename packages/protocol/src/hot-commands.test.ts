import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, ZEngineCommand } from "./commands";
import { decodeHotCommand } from "./hot-commands";
import { fuzzParameters, hostileScalar, nearlyValidObject } from "./testing";

const HOT_FIELDS = [
  "v",
  "id",
  "ts",
  "type",
  "orderType",
  "userId",
  "symbol",
  "side",
  "clientOrderId",
  "stp",
  "priceTicks",
  "qtyLots",
  "quoteAtoms",
  "priceLimitTicks",
  "slippageBps",
  "timeInForce",
  "postOnly",
  "orderId",
];

/** Values that pass or nearly pass each hot field's rule, and their edges. */
const plausible = fc.oneof(
  fc.constant(PROTOCOL_VERSION),
  fc.constantFrom("order.place", "order.cancel", "order.cancelAll", "limit", "market", "stop"),
  fc.constantFrom("buy", "sell", "GTC", "IOC", "FOK", "none", "cancelTaker", "cancelBoth"),
  fc.constantFrom(
    "1",
    "0",
    "-0",
    "-1",
    "01",
    "1.5",
    " 1",
    `1${"0".repeat(59)}`,
    `1${"0".repeat(60)}`,
  ),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.constantFrom(0, -0, 1, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2 ** 60),
  fc.string({ minLength: 0, maxLength: 130 }),
  fc.constantFrom("", "x".repeat(128), "x".repeat(129)),
  fc.boolean(),
  fc.constant(null),
);

/** An order or a cancel as clients send them, every optional field present or not. */
const validHot = fc.oneof(
  fc.record(
    {
      v: fc.constant(PROTOCOL_VERSION),
      id: fc.string({ minLength: 1, maxLength: 128 }),
      ts: fc.nat(),
      type: fc.constant("order.place"),
      orderType: fc.constant("limit"),
      userId: fc.integer({ min: 1, max: 1e9 }),
      symbol: fc.constantFrom("BTCUSDT", "ETHUSDT"),
      side: fc.constantFrom("buy", "sell"),
      clientOrderId: fc.string({ minLength: 1, maxLength: 36 }),
      stp: fc.constantFrom("none", "cancelTaker", "cancelMaker", "cancelBoth"),
      priceTicks: fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String),
      qtyLots: fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String),
      timeInForce: fc.constantFrom("GTC", "IOC", "FOK"),
      postOnly: fc.boolean(),
    },
    {
      requiredKeys: [
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
      ],
    },
  ),
  fc.record(
    {
      v: fc.constant(PROTOCOL_VERSION),
      id: fc.string({ minLength: 1, maxLength: 128 }),
      ts: fc.nat(),
      type: fc.constant("order.place"),
      orderType: fc.constant("market"),
      userId: fc.integer({ min: 1, max: 1e9 }),
      symbol: fc.constant("BTCUSDT"),
      side: fc.constantFrom("buy", "sell"),
      clientOrderId: fc.string({ minLength: 1, maxLength: 36 }),
      qtyLots: fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String),
      quoteAtoms: fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String),
      priceLimitTicks: fc.bigInt({ min: 1n, max: 10n ** 30n }).map(String),
      slippageBps: fc.integer({ min: 0, max: 10_000 }),
    },
    { requiredKeys: ["v", "id", "ts", "type", "orderType", "userId", "symbol", "side"] },
  ),
  fc.record(
    {
      v: fc.constant(PROTOCOL_VERSION),
      id: fc.string({ minLength: 1, maxLength: 128 }),
      ts: fc.nat(),
      type: fc.constant("order.cancel"),
      userId: fc.integer({ min: 1, max: 1e9 }),
      symbol: fc.constant("BTCUSDT"),
      orderId: fc.integer({ min: 1, max: 1e12 }),
      clientOrderId: fc.string({ minLength: 1, maxLength: 36 }),
    },
    { requiredKeys: ["v", "id", "ts", "type", "userId", "symbol"] },
  ),
);

/** What the schema makes of `json`: the command, or undefined when it refuses it. */
function schemaAnswer(json: unknown) {
  const parsed = ZEngineCommand.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

describe("decodeHotCommand", () => {
  it("decodes every well-formed order and cancel exactly as the schema does", () => {
    fc.assert(
      fc.property(validHot, (json) => {
        const fast = decodeHotCommand(json);
        expect(fast).toBeDefined();
        expect(fast).toStrictEqual(schemaAnswer(json));
      }),
      fuzzParameters(2_000),
    );
  });

  it("accepts nothing the schema refuses, and differs from it in nothing it accepts", () => {
    const nearly = nearlyValidObject(HOT_FIELDS, fc.oneof(plausible, hostileScalar()));
    // A valid command with one field replaced by a near miss, or one field more.
    const bent = fc
      .tuple(validHot, fc.constantFrom(...HOT_FIELDS, "extra", "__proto__"), plausible)
      .map(([json, key, value]) => JSON.parse(JSON.stringify({ ...json, [key]: value })));
    fc.assert(
      fc.property(fc.oneof(nearly, bent), (json) => {
        const fast = decodeHotCommand(json as Record<string, unknown>);
        if (fast !== undefined) expect(fast).toStrictEqual(schemaAnswer(json));
      }),
      fuzzParameters(5_000),
    );
  });

  it("leaves what it does not know to the schema", () => {
    const deposit = {
      v: PROTOCOL_VERSION,
      id: "d1",
      ts: 1,
      type: "balance.deposit",
      business: "deposit",
      businessId: "d1",
      userId: 1,
      asset: "BTC",
      amountAtoms: "5",
    };
    expect(decodeHotCommand(deposit)).toBeUndefined();
    expect(schemaAnswer(deposit)).toBeDefined();
    // Stop orders share `order.place` but are the schema's: the hand decoder knows no stop price.
    const stop = {
      v: PROTOCOL_VERSION,
      id: "s1",
      ts: 1,
      type: "order.place",
      orderType: "stopLimit",
      userId: 1,
      symbol: "BTCUSDT",
      side: "buy",
      stopPriceTicks: "10",
      priceTicks: "11",
      qtyLots: "1",
    };
    expect(decodeHotCommand(stop)).toBeUndefined();
    expect(decodeHotCommand({ ...stop, orderType: "limit" })).toBeUndefined();
    expect(schemaAnswer(stop)).toMatchObject({ stopPriceTicks: 10n });
  });
});

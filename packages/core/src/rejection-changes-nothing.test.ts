import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Command, TransferAccount } from "./commands";
import type { ExchangeCore } from "./exchange-core";
import { MAX_OPEN_ORDERS_CEILING, MAX_UNITS } from "./limits";
import {
  createTestCore,
  expectAccepted,
  fundUsers,
  MAX_NOTIONAL_ATOMS,
  MAX_PRICE_TICKS,
  type TestCommands,
} from "./test-kit";
import { TRANSFER_ACCOUNTS } from "./types";

/**
 * The core validates a command completely before it changes anything: whatever a command is,
 * either it is accepted or the state hash after it equals the hash before. Commands are drawn
 * with the shapes the wire codec lets through (packages/protocol commands.ts) and values on
 * both sides of every bound: ids, users, symbols, prices and quantities around the market's
 * maxima, amounts around balances and the asset maximum, configurations around the ceilings.
 * Seeded, so a failure reproduces; each run applies a few thousand commands.
 */

const SEED = 20_261_204;
const RUNS = 300;

/** Mostly `valid`, now and then `invalid`: enough commands pass to reach the deeper checks. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

/** Users 1–3 are funded; 4 and 5 have no account yet, so touching them would show in the hash. */
const userId = mostly(fc.constantFrom(1, 2, 3, 4, 5), fc.constantFrom(-1, 0, 2 ** 53));
const symbol = mostly(fc.constantFrom("BTCUSDT", "PTSUSDT"), fc.constantFrom("NOPE", ""));
const asset = mostly(fc.constantFrom("BTC", "USDT", "PTS"), fc.constantFrom("XYZ", ""));
const text = fc.constantFrom("a", "b", "c1", "", "x".repeat(200));
const side = fc.constantFrom("buy" as const, "sell" as const);
/** Around 0, a typical price, the market's maximum, and far beyond (the 10^47 of the issue). */
const ticks = mostly(
  fc.bigInt({ min: 1n, max: 1_100n }),
  fc.constantFrom(
    -1n,
    0n,
    MAX_PRICE_TICKS,
    MAX_PRICE_TICKS + 1n,
    MAX_UNITS,
    MAX_UNITS + 1n,
    10n ** 47n,
  ),
);
const lots = mostly(
  fc.bigInt({ min: 1n, max: 50n }),
  fc.constantFrom(-1n, 0n, 9_999n, 10_000n, 10_001n, 10n ** 40n),
);
const atoms = mostly(
  fc.bigInt({ min: 1n, max: 10n ** 9n }),
  fc.constantFrom(
    -5n,
    0n,
    1_000n,
    1_001n,
    MAX_NOTIONAL_ATOMS,
    MAX_NOTIONAL_ATOMS + 1n,
    MAX_UNITS + 1n,
  ),
);
const businessKey = fc.record({
  business: mostly(fc.constant("deposit"), fc.constant("")),
  businessId: mostly(fc.constantFrom("1", "2", "3", "4", "5", "6"), fc.constant("")),
});
const transferAccount: fc.Arbitrary<TransferAccount> = fc.oneof(
  userId.map((id) => ({ userId: id })),
  fc.constantFrom(...TRANSFER_ACCOUNTS, "fee" as const, "deposit" as const).map((system) => ({
    system,
  })),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

type Body = Omit<Command, "id" | "ts">;

const limitOrder = fc.record({
  type: fc.constant("order.place" as const),
  orderType: fc.constant("limit" as const),
  userId,
  symbol,
  side,
  priceTicks: ticks,
  qtyLots: lots,
  timeInForce: optional(fc.constantFrom("GTC" as const, "IOC" as const, "FOK" as const)),
  postOnly: optional(fc.boolean()),
  clientOrderId: optional(text),
  stp: optional(fc.constantFrom("none" as const, "cancelTaker" as const, "cancelBoth" as const)),
});

const marketOrder = fc.record({
  type: fc.constant("order.place" as const),
  orderType: fc.constant("market" as const),
  userId,
  symbol,
  side,
  qtyLots: optional(lots),
  quoteAtoms: optional(atoms),
  priceLimitTicks: optional(ticks),
});

const stopOrder = fc.record({
  type: fc.constant("order.place" as const),
  orderType: fc.constantFrom("stopLimit" as const, "takeProfitLimit" as const),
  userId,
  symbol,
  side,
  priceTicks: ticks,
  qtyLots: lots,
  stopPriceTicks: ticks,
  timeInForce: optional(fc.constantFrom("GTC" as const, "IOC" as const, "FOK" as const)),
  clientOrderId: optional(text),
});

/** Around the book of `startingCore` (bid 1 000, ask 1 050, last 1 050), so some are accepted. */
const ocoPrices = mostly(
  fc.oneof(
    fc.record({
      side: fc.constant("sell" as const),
      priceTicks: fc.bigInt({ min: 1_051n, max: 1_100n }),
      stopPriceTicks: fc.bigInt({ min: 950n, max: 1_049n }),
      stopLimitPriceTicks: fc.bigInt({ min: 940n, max: 1_049n }),
    }),
    fc.record({
      side: fc.constant("buy" as const),
      priceTicks: fc.bigInt({ min: 900n, max: 999n }),
      stopPriceTicks: fc.bigInt({ min: 1_051n, max: 1_100n }),
      stopLimitPriceTicks: fc.bigInt({ min: 1_051n, max: 1_110n }),
    }),
  ),
  fc.record({ side, priceTicks: ticks, stopPriceTicks: ticks, stopLimitPriceTicks: ticks }),
);

const ocoRecord = fc.record({
  type: fc.constant("order.placeOco" as const),
  userId,
  symbol,
  qtyLots: lots,
  stopTimeInForce: optional(fc.constantFrom("GTC" as const, "IOC" as const)),
  clientOrderId: optional(text),
  stopClientOrderId: optional(text),
});
const ocoOrder = fc.tuple(ocoRecord, ocoPrices).map(([order, prices]) => ({ ...order, ...prices }));

/** Mostly one of `startingCore`'s open orders (1: user 1's bid, 2: user 2's ask, 4: PTSUSDT). */
interface AmendTarget {
  userId: number;
  symbol: string;
  orderId?: number;
  clientOrderId?: string;
}
const amendTarget = mostly<AmendTarget>(
  fc.constantFrom(
    { userId: 1, symbol: "BTCUSDT", orderId: 1 },
    { userId: 2, symbol: "BTCUSDT", orderId: 2 },
    { userId: 1, symbol: "PTSUSDT", orderId: 4 },
  ),
  fc.record({
    userId,
    symbol,
    orderId: optional(fc.constantFrom(-1, 1, 2, 3, 4, 5, 6, 7, 8)),
    clientOrderId: optional(text),
  }),
);
const amendOrder = fc
  .tuple(amendTarget, fc.record({ qtyLots: optional(lots), priceTicks: optional(ticks) }))
  .map(([target, change]) => ({ type: "order.amend" as const, ...target, ...change }));

const cancels = fc.oneof(
  fc.record({
    type: fc.constant("order.cancel" as const),
    userId,
    symbol,
    orderId: optional(fc.constantFrom(-1, 0, 1, 2, 3, 4, 5, 2 ** 53)),
    clientOrderId: optional(text),
  }),
  fc.record({ type: fc.constant("order.cancelAll" as const), userId, symbol: optional(symbol) }),
);

const balances = fc.oneof(
  fc.record({ type: fc.constant("balance.deposit" as const), userId, asset, amountAtoms: atoms }),
  fc.record({
    type: fc.constant("balance.adjust" as const),
    userId,
    asset,
    amountAtoms: fc.oneof(
      atoms,
      atoms.map((a) => -a),
    ),
  }),
  fc.record({
    type: fc.constant("balance.transfer" as const),
    asset,
    amountAtoms: atoms,
    from: transferAccount,
    to: transferAccount,
  }),
  fc.record({
    type: fc.constant("balance.withdrawFreeze" as const),
    withdrawalId: text,
    userId,
    asset,
    amountAtoms: atoms,
  }),
  fc.record({
    type: fc.constant("balance.withdrawSettle" as const),
    withdrawalId: text,
    feeAtoms: optional(atoms),
  }),
  fc.record({ type: fc.constant("balance.withdrawRelease" as const), withdrawalId: text }),
);

/** Positions p1 (user 1, 1 000 USDT atoms, 5 paid) and p2 (user 2, 500 BTC atoms) are open. */
const subscriptionId = mostly(fc.constantFrom("p1", "p2", "n1", "n2"), text);
const savings = fc.oneof(
  fc.record({
    type: fc.constant("savings.subscribe" as const),
    subscriptionId,
    userId,
    asset,
    amountAtoms: atoms,
  }),
  fc.record({
    type: fc.constant("savings.payout" as const),
    subscriptionId,
    interestAtoms: mostly(fc.bigInt({ min: 0n, max: 100n }), fc.constantFrom(-1n, MAX_UNITS)),
    principalAtoms: fc.constantFrom(0n, 0n, 1_000n, 500n, 999n, 1_001n, -1_000n),
  }),
  fc.record({
    type: fc.constant("savings.redeem" as const),
    subscriptionId,
    forfeitInterest: fc.boolean(),
    penaltyAtoms: mostly(fc.bigInt({ min: 0n, max: 2_000n }), fc.constantFrom(-1n, MAX_UNITS)),
  }),
);
const savingsKey = fc.record({
  business: mostly(fc.constant("savings"), fc.constant("")),
  businessId: mostly(fc.constantFrom("1", "2", "3", "4", "5", "6"), fc.constant("")),
});

/**
 * Loans l1 (user 1, open, 0.01 BTC for 100 USDT), l2 (user 2, liquidating at its maturity)
 * and l3 (user 3, open, at its maturity) exist; the BTC index in USDT is at 30 000, sampled at the test time `NOW`.
 */
const NOW = 1_700_000_000_000;
/** A loan command has many fields: each is seldom invalid, so that enough commands pass. */
const seldom = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
const loanId = mostly(fc.constantFrom("l1", "l1", "l2", "l3", "n1"), text);
const newLoanId = seldom(fc.constantFrom("n1", "n2", "n3", "n4"), fc.constantFrom("l1", ""));
const userOfLoan = seldom(fc.constantFrom(1, 2, 3), userId);
const ppm = (...valid: number[]) =>
  seldom(fc.constantFrom(...valid), fc.constantFrom(-1, 0, 999_999, 1_000_000, 1.5));
const collateralAsset = seldom(fc.constantFrom("BTC", "BTC", "PTS"), asset);
const loanAsset = seldom(fc.constant("USDT"), asset);
const lending = fc.oneof(
  fc.record({
    type: fc.constant("index.set" as const),
    asset: collateralAsset,
    quote: loanAsset,
    priceAtoms: atoms,
    at: fc.constantFrom(NOW - 1, NOW, NOW + 1, NOW + 60_000, -1),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("loan.open" as const),
      loanId: newLoanId,
      userId: userOfLoan,
      collateralAsset,
      collateralAtoms: atoms,
      loanAsset,
      principalAtoms: atoms,
      initialLtvPpm: ppm(800_000),
      warningLinePpm: ppm(850_000),
      liquidationLinePpm: ppm(820_000, 830_000),
      liquidationFeePpm: ppm(10_000),
      maturesAt: fc.constantFrom(0, NOW, NOW + 1, -1),
    }),
  },
  fc.record({
    type: fc.constant("loan.repay" as const),
    loanId,
    repaymentId: text,
    amountAtoms: atoms,
  }),
  fc.record({
    type: fc.constant("loan.addCollateral" as const),
    loanId,
    topUpId: text,
    amountAtoms: atoms,
  }),
  fc.record({
    type: fc.constant("loan.accrue" as const),
    loanId,
    accrualId: text,
    interestAtoms: atoms,
  }),
  fc.record({
    type: fc.constant("loan.liquidate" as const),
    loanId,
    reason: fc.constantFrom("ltv" as const, "maturity" as const, "whim" as "ltv"),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("loan.liquidationSell" as const),
      loanId: seldom(fc.constant("l2"), loanId),
      slice: seldom(fc.constant(1), fc.constantFrom(0, 2, 3, 1.5)),
      qtyAtoms: mostly(fc.bigInt({ min: 1n, max: 3_000_000n }), fc.constantFrom(-1n, 0n, 9_999n)),
      limitPriceAtoms: atoms,
      belowBankruptcyApproved: fc.boolean(),
    }),
  },
);
/** Business named after the command type, as the lending domain keys them (else most would repeat). */
const lendingKey = fc.record({
  typed: seldom(fc.constant(true), fc.constant(false)),
  businessId: seldom(fc.constantFrom("1", "2", "3", "4", "5", "6", "7", "8"), fc.constant("")),
});

const referenceData = fc.oneof(
  fc.record({
    type: fc.constant("asset.add" as const),
    code: fc.constantFrom("SOL", "BTC", "sol", ""),
    precision: fc.constantFrom(-1, 0, 9, 37),
    maxAmountAtoms: optional(fc.constantFrom(0n, 1n, MAX_UNITS, MAX_UNITS + 1n)),
  }),
  fc.record({
    type: fc.constant("market.add" as const),
    symbol: fc.constantFrom("SOLUSDT", "BTCUSDT", "x"),
    base: fc.constantFrom("BTC", "PTS", "SOL"),
    quote: fc.constantFrom("USDT", "BTC"),
    tickSizeAtoms: fc.constantFrom(0n, 1n, 10_000n),
    lotSizeAtoms: fc.constantFrom(1n, 10_000n),
    minQtyLots: fc.constantFrom(0n, 1n, 5n),
    maxQtyLots: fc.constantFrom(4n, 100n, MAX_UNITS + 1n),
    minNotionalAtoms: fc.constantFrom(-1n, 0n, 10n),
    maxPriceTicks: optional(fc.constantFrom(0n, 100n, MAX_UNITS + 1n)),
    maxNotionalAtoms: optional(fc.constantFrom(5n, 10_000n, MAX_UNITS + 1n)),
    maxOpenOrders: optional(fc.constantFrom(0, 1, 2.5, MAX_OPEN_ORDERS_CEILING + 1)),
    makerFeePpm: fc.constantFrom(0, 1_000, 100_001),
    takerFeePpm: fc.constantFrom(0, 2_000),
  }),
  fc.record({
    type: fc.constant("market.setStatus" as const),
    symbol,
    // "preOpen" is never reachable from a listed market: a refused move must change nothing.
    status: fc.constantFrom(
      "trading" as const,
      "cancelOnly" as const,
      "halted" as const,
      "preOpen" as const,
    ),
  }),
  fc.record({
    type: fc.constant("feeTier.set" as const),
    tier: fc.constantFrom(-1, 0, 1, 1.5),
    makerScalePpm: fc.constantFrom(0, 500_000, 1_000_001),
    takerScalePpm: fc.constantFrom(0, 1_000_000),
  }),
  fc.record({
    type: fc.constant("feeTier.assign" as const),
    userId,
    tier: fc.constantFrom(0, 1, 7),
  }),
);

/** Balance commands need a business key; the rest are as drawn. */
const command: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: limitOrder, weight: 4 },
  { arbitrary: marketOrder, weight: 2 },
  { arbitrary: stopOrder, weight: 2 },
  { arbitrary: ocoOrder, weight: 2 },
  { arbitrary: amendOrder, weight: 2 },
  { arbitrary: cancels, weight: 2 },
  { arbitrary: fc.tuple(balances, businessKey).map(([b, key]) => ({ ...b, ...key })), weight: 3 },
  { arbitrary: fc.tuple(savings, savingsKey).map(([b, key]) => ({ ...b, ...key })), weight: 2 },
  {
    arbitrary: fc
      .tuple(lending, lendingKey)
      .map(([b, { typed, businessId }]) => ({ ...b, business: typed ? b.type : "", businessId })),
    weight: 2,
  },
  { arbitrary: referenceData, weight: 1 },
) as fc.Arbitrary<Body>;

/** Without the optional fields drawn as absent, as the wire decoder leaves them. */
function withoutUndefined(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Body;
}

/**
 * BTCUSDT with users 1–3 funded and an order on each side; PTS, a small asset, and PTSUSDT;
 * savings positions p1 and p2; a funded loan pool, the BTC index, loans l1 and l2.
 */
function startingCore(): { core: ExchangeCore; cmd: TestCommands } {
  const { core, cmd } = createTestCore();
  fundUsers(core, cmd, [1, 2, 3]);
  const setup = [
    { type: "asset.add", code: "PTS", precision: 0, maxAmountAtoms: 1_000n },
    {
      type: "market.add",
      symbol: "PTSUSDT",
      base: "PTS",
      quote: "USDT",
      tickSizeAtoms: 1n,
      lotSizeAtoms: 1n,
      minQtyLots: 1n,
      maxQtyLots: 100n,
      minNotionalAtoms: 0n,
      maxPriceTicks: 1_000n,
      maxNotionalAtoms: 10_000n,
      maxOpenOrders: 2,
      makerFeePpm: 0,
      takerFeePpm: 0,
    },
    {
      type: "balance.deposit",
      business: "seed",
      businessId: "pts-1",
      userId: 1,
      asset: "PTS",
      amountAtoms: 900n,
    },
    {
      type: "order.place",
      orderType: "limit",
      userId: 1,
      symbol: "BTCUSDT",
      side: "buy",
      priceTicks: 1_000n,
      qtyLots: 5n,
    },
    {
      type: "order.place",
      orderType: "limit",
      userId: 2,
      symbol: "BTCUSDT",
      side: "sell",
      priceTicks: 1_050n,
      qtyLots: 5n,
    },
    // A trade, so that BTCUSDT has a last price for stop orders to be checked against.
    {
      type: "order.place",
      orderType: "limit",
      userId: 3,
      symbol: "BTCUSDT",
      side: "buy",
      priceTicks: 1_050n,
      qtyLots: 1n,
    },
    {
      type: "order.place",
      orderType: "limit",
      userId: 1,
      symbol: "PTSUSDT",
      side: "sell",
      priceTicks: 10n,
      qtyLots: 1n,
    },
    ...[
      cmd.subscribe(1, "p1", "USDT", 1_000n),
      cmd.subscribe(2, "p2", "BTC", 500n),
      cmd.payout("p1", "p1-plan-1", 5n),
      cmd.transfer({ system: "operator" }, { system: "loan" }, "USDT", 10n ** 12n),
      cmd.index("BTC", "USDT", 30_000_000_000n, NOW),
      cmd.openLoan(1, "l1", 1_000_000n, 100_000_000n),
      cmd.openLoan(2, "l2", 2_000_000n, 100_000_000n, { maturesAt: NOW }),
      cmd.liquidate("l2", "maturity"),
      cmd.openLoan(3, "l3", 1_000_000n, 100_000_000n, { maturesAt: NOW }),
    ].map(({ id: _id, ts: _ts, ...body }) => body),
  ];
  for (const body of setup as unknown as Body[])
    expectAccepted(core.apply(cmd.make(body as never)));
  return { core, cmd };
}

describe("a rejected command", () => {
  it("leaves the state hash unchanged, whatever the command", () => {
    let rejected = 0;
    let accepted = 0;
    let savingsAccepted = 0;
    let lendingAccepted = 0;
    const newKindsAccepted = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 30 }), (bodies) => {
        const { core, cmd } = startingCore();
        for (const body of bodies) {
          const before = core.stateHash();
          const result = core.apply(cmd.make(withoutUndefined(body) as never));
          if (result.accepted) {
            accepted += 1;
            if (body.type.startsWith("savings.") && !result.repeated) savingsAccepted += 1;
            if (/^(loan|index)\./.test(body.type) && !result.repeated) lendingAccepted += 1;
            const kind = "orderType" in body ? `${body.type}:${body.orderType}` : body.type;
            newKindsAccepted.set(kind, (newKindsAccepted.get(kind) ?? 0) + 1);
            continue;
          }
          rejected += 1;
          expect(core.stateHash(), `${result.code} ${result.message}`).toBe(before);
          expect(result.events.every((e) => e.type === "order.rejected")).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // A property that only ever saw rejections (or acceptances) would prove little.
    expect(rejected).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(100);
    expect(savingsAccepted).toBeGreaterThan(20);
    expect(lendingAccepted).toBeGreaterThan(20);
    for (const kind of [
      "order.place:stopLimit",
      "order.place:takeProfitLimit",
      "order.placeOco",
      "order.amend",
      "loan.open",
      "loan.liquidationSell",
    ]) {
      expect(newKindsAccepted.get(kind) ?? 0, kind).toBeGreaterThan(3);
    }
  }, 60_000);
});

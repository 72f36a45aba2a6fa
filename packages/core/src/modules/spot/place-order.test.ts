import { describe, expect, it } from "vitest";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  BTC_PER_LOT,
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  placedId,
  type TestCommands,
  typesOf,
} from "../../test-kit";
import type { BookKind } from "./book/order-book";

const FUNDS_USDT = 100_000_000_000_000n;
const FUNDS_BTC = 100_000_000_000n;

/** Frozen balances equal what open orders hold: the invariant every test ends on. */
function expectHoldsMatchFrozen(core: ExchangeCore, users: number[]): void {
  for (const userId of users) {
    const orders = core.openOrders(userId);
    const heldUsdt = orders.filter((o) => o.side === "buy").reduce((a, o) => a + o.frozenAtoms, 0n);
    const heldBtc = orders.filter((o) => o.side === "sell").reduce((a, o) => a + o.frozenAtoms, 0n);
    expect(core.balance(userId, "USDT").frozenAtoms).toBe(heldUsdt);
    expect(core.balance(userId, "BTC").frozenAtoms).toBe(heldBtc);
    for (const o of orders) {
      const expected =
        o.side === "buy" ? o.remainingLots * o.priceTicks : o.remainingLots * BTC_PER_LOT;
      expect(o.frozenAtoms).toBe(expected);
    }
  }
}

describe.each<BookKind>(["fast", "naive"])("order.place with the %s book", (book) => {
  function setup(): { core: ExchangeCore; cmd: TestCommands } {
    const env = createTestCore(book);
    fundUsers(env.core, env.cmd, [1, 2, 3, 4]);
    return env;
  }

  describe("limit GTC", () => {
    it("rests a non-crossing order and freezes price × quantity", () => {
      const { core, cmd } = setup();
      const result = expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 10n)));
      expect(typesOf(result)).toEqual(["order.accepted", "balance.changed", "book.levelChanged"]);
      expect(eventsOf(result, "balance.changed")[0]?.postings).toEqual([
        {
          account: "available",
          userId: 1,
          asset: "USDT",
          amountAtoms: -10_000n,
          balanceAtoms: FUNDS_USDT - 10_000n,
        },
        {
          account: "frozen",
          userId: 1,
          asset: "USDT",
          amountAtoms: 10_000n,
          balanceAtoms: 10_000n,
        },
      ]);
      expect(eventsOf(result, "book.levelChanged")).toEqual([
        {
          type: "book.levelChanged",
          symbol: "BTCUSDT",
          side: "buy",
          priceTicks: 1_000n,
          qtyLots: 10n,
          seq: 1,
        },
      ]);
      expect(core.depth("BTCUSDT", 5)?.bids).toEqual([{ priceTicks: 1_000n, qtyLots: 10n }]);
      expectHoldsMatchFrozen(core, [1]);
    });

    it("fills at the maker's price in price-time priority", () => {
      const { core, cmd } = setup();
      const first = placedId(core.apply(cmd.limit(2, "sell", 1_000n, 5n)));
      const second = placedId(core.apply(cmd.limit(3, "sell", 1_000n, 5n)));
      const better = placedId(core.apply(cmd.limit(4, "sell", 999n, 5n)));
      const result = expectAccepted(core.apply(cmd.limit(1, "buy", 1_001n, 12n)));
      const trades = eventsOf(result, "trade");
      expect(trades.map((t) => [t.makerOrderId, t.priceTicks, t.qtyLots])).toEqual([
        [better, 999n, 5n],
        [first, 1_000n, 5n],
        [second, 1_000n, 2n],
      ]);
      expect(eventsOf(result, "book.levelChanged").map((e) => [e.priceTicks, e.qtyLots])).toEqual([
        [999n, 0n],
        [1_000n, 3n],
      ]);
      const taker = eventsOf(result, "order.filled").at(-1);
      expect(taker).toMatchObject({
        userId: 1,
        filledLots: 12n,
        remainingLots: 0n,
        filledQuoteAtoms: 11_995n,
      });
      // Paid 11_995 of the 12_012 frozen; the 17 of price improvement came back.
      expect(core.balance(1, "USDT")).toEqual({
        availableAtoms: FUNDS_USDT - 11_995n,
        frozenAtoms: 0n,
      });
      expect(core.openOrders(3)).toMatchObject([{ orderId: second, remainingLots: 3n }]);
      expectHoldsMatchFrozen(core, [1, 2, 3, 4]);
    });

    it("charges fees on what each side receives, rounded up, the round-up to 'rounding'", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 999n, 5n));
      const result = expectAccepted(core.apply(cmd.limit(1, "buy", 999n, 5n)));
      const trade = eventsOf(result, "trade")[0];
      // Taker buyer receives 50_000 sats; 0.2 % is exactly 100.
      expect(trade).toMatchObject({ takerFeeAtoms: 100n, takerFeeAsset: "BTC" });
      // Maker seller receives 4_995 USDT atoms; 0.1 % is 4.995, charged as 5: 4 fee + 1 rounding.
      expect(trade).toMatchObject({ makerFeeAtoms: 5n, makerFeeAsset: "USDT" });
      const postings = eventsOf(result, "balance.changed").find(
        (e) => e.cause === "trade",
      )?.postings;
      expect(postings).toEqual([
        { account: "frozen", userId: 1, asset: "USDT", amountAtoms: -4_995n, balanceAtoms: 0n },
        {
          account: "available",
          userId: 2,
          asset: "USDT",
          amountAtoms: 4_990n,
          balanceAtoms: FUNDS_USDT + 4_990n,
        },
        { account: "fee", userId: 0, asset: "USDT", amountAtoms: 4n, balanceAtoms: 4n },
        { account: "rounding", userId: 0, asset: "USDT", amountAtoms: 1n, balanceAtoms: 1n },
        { account: "frozen", userId: 2, asset: "BTC", amountAtoms: -50_000n, balanceAtoms: 0n },
        {
          account: "available",
          userId: 1,
          asset: "BTC",
          amountAtoms: 49_900n,
          balanceAtoms: FUNDS_BTC + 49_900n,
        },
        { account: "fee", userId: 0, asset: "BTC", amountAtoms: 100n, balanceAtoms: 100n },
      ]);
      expect(core.systemBalance("USDT", "fee")).toBe(4n);
      expect(core.systemBalance("USDT", "rounding")).toBe(1n);
    });

    it("rests the unfilled part and releases the price improvement of the filled part", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 990n, 4n));
      const result = expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 10n)));
      expect(eventsOf(result, "order.partiallyFilled")).toMatchObject([
        { userId: 1, filledLots: 4n, remainingLots: 6n },
      ]);
      const release = eventsOf(result, "balance.changed").find((e) => e.cause === "order.release");
      expect(release?.postings[1]).toMatchObject({ account: "available", amountAtoms: 40n });
      expect(core.openOrders(1)).toMatchObject([{ remainingLots: 6n, frozenAtoms: 6_000n }]);
      expect(eventsOf(result, "book.levelChanged").at(-1)).toMatchObject({
        side: "buy",
        priceTicks: 1_000n,
        qtyLots: 6n,
      });
      expectHoldsMatchFrozen(core, [1, 2]);
    });

    it("applies the user's fee tier to the market rate", () => {
      const { core, cmd } = setup();
      expectAccepted(
        core.apply(
          cmd.make({
            type: "feeTier.set",
            tier: 3,
            makerScalePpm: 500_000,
            takerScalePpm: 250_000,
          }),
        ),
      );
      expectAccepted(core.apply(cmd.make({ type: "feeTier.assign", userId: 1, tier: 3 })));
      core.apply(cmd.limit(2, "sell", 1_000n, 10n));
      const trade = eventsOf(core.apply(cmd.limit(1, "buy", 1_000n, 10n)), "trade")[0];
      // 100_000 sats at 0.2 % × 25 % = 50 sats.
      expect(trade?.takerFeeAtoms).toBe(50n);
      expect(trade?.makerFeeAtoms).toBe(10n);
    });
  });

  describe("limit IOC and FOK", () => {
    it("IOC fills what it can and cancels the rest, releasing everything unused", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 3n));
      const result = expectAccepted(
        core.apply(cmd.limit(1, "buy", 1_000n, 5n, { timeInForce: "IOC" })),
      );
      expect(typesOf(result).slice(-3)).toEqual([
        "order.partiallyFilled",
        "order.cancelled",
        "balance.changed",
      ]);
      expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({
        reason: "expired",
        filledLots: 3n,
        remainingLots: 2n,
      });
      expect(core.openOrders(1)).toEqual([]);
      expect(core.balance(1, "USDT")).toEqual({
        availableAtoms: FUNDS_USDT - 3_000n,
        frozenAtoms: 0n,
      });
    });

    it("IOC with nothing to take is accepted and cancelled at once", () => {
      const { core, cmd } = setup();
      const result = expectAccepted(
        core.apply(cmd.limit(1, "buy", 1_000n, 5n, { timeInForce: "IOC" })),
      );
      expect(typesOf(result)).toEqual([
        "order.accepted",
        "balance.changed",
        "order.cancelled",
        "balance.changed",
      ]);
      expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
    });

    it("FOK is rejected, changing nothing, when it cannot fill completely", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 3n));
      core.apply(cmd.limit(3, "sell", 1_002n, 3n));
      const before = core.stateHash();
      const result = expectRejected(
        core.apply(cmd.limit(1, "buy", 1_001n, 5n, { timeInForce: "FOK" })),
      );
      expect(result.code).toBe(RejectCode.FokNotFillable);
      expect(typesOf(result)).toEqual(["order.rejected"]);
      expect(core.stateHash()).toBe(before);
    });

    it("FOK fills completely across levels when it can", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 3n));
      core.apply(cmd.limit(3, "sell", 1_001n, 3n));
      const result = expectAccepted(
        core.apply(cmd.limit(1, "buy", 1_001n, 5n, { timeInForce: "FOK" })),
      );
      expect(eventsOf(result, "trade").map((t) => t.qtyLots)).toEqual([3n, 2n]);
      expect(eventsOf(result, "order.filled").at(-1)).toMatchObject({
        userId: 1,
        remainingLots: 0n,
      });
    });

    it("FOK does not count the user's own orders unless they would be cancelled and skipped", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(1, "sell", 1_000n, 3n));
      core.apply(cmd.limit(2, "sell", 1_000n, 3n));
      const fok = { timeInForce: "FOK" as const };
      expect(expectRejected(core.apply(cmd.limit(1, "buy", 1_000n, 3n, fok))).code).toBe(
        RejectCode.FokNotFillable,
      );
      const skipping = core.apply(cmd.limit(1, "buy", 1_000n, 3n, { ...fok, stp: "cancelMaker" }));
      expect(eventsOf(expectAccepted(skipping), "trade")).toMatchObject([
        { makerUserId: 2, qtyLots: 3n },
      ]);
    });
  });

  describe("post-only", () => {
    it("rests when it would not trade", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_001n, 3n));
      expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 5n, { postOnly: true })));
      expect(core.openOrders(1)).toHaveLength(1);
    });

    it("is rejected when it would trade on arrival", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 3n));
      const result = expectRejected(
        core.apply(cmd.limit(1, "buy", 1_000n, 5n, { postOnly: true })),
      );
      expect(result.code).toBe(RejectCode.PostOnlyWouldTake);
      expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
    });

    it("must be GTC", () => {
      const { core, cmd } = setup();
      const result = core.apply(
        cmd.limit(1, "buy", 1_000n, 5n, { postOnly: true, timeInForce: "IOC" }),
      );
      expect(expectRejected(result).code).toBe(RejectCode.InvalidOrderOptions);
    });
  });

  describe("market orders", () => {
    it("a sell by quantity sweeps bids down to its protection price and cancels the rest", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "buy", 1_000n, 2n));
      core.apply(cmd.limit(3, "buy", 990n, 2n));
      core.apply(cmd.limit(4, "buy", 980n, 2n));
      const result = expectAccepted(
        core.apply(cmd.market(1, "sell", { qtyLots: 10n, priceLimitTicks: 990n })),
      );
      expect(eventsOf(result, "trade").map((t) => t.priceTicks)).toEqual([1_000n, 990n]);
      expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({
        reason: "expired",
        remainingLots: 6n,
      });
      expect(core.balance(1, "BTC").frozenAtoms).toBe(0n);
      expect(core.bestPrice("BTCUSDT", "buy")).toBe(980n);
    });

    it("a sell without protection takes any bid", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "buy", 100n, 2n));
      const result = expectAccepted(core.apply(cmd.market(1, "sell", { qtyLots: 2n })));
      expect(eventsOf(result, "order.accepted")[0]?.priceTicks).toBe(0n);
      expect(eventsOf(result, "trade")).toMatchObject([{ priceTicks: 100n, qtyLots: 2n }]);
    });

    it("a buy by quote amount spends it exactly and releases the unused quote", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 3n));
      core.apply(cmd.limit(3, "sell", 1_001n, 3n));
      const result = expectAccepted(core.apply(cmd.market(1, "buy", { quoteAtoms: 4_500n })));
      // 3 lots at 1_000 = 3_000, then 1 lot at 1_001; 499 cannot buy another lot.
      expect(eventsOf(result, "trade").map((t) => [t.priceTicks, t.qtyLots])).toEqual([
        [1_000n, 3n],
        [1_001n, 1n],
      ]);
      expect(eventsOf(result, "order.filled").at(-1)).toMatchObject({
        userId: 1,
        filledQuoteAtoms: 4_001n,
      });
      const release = eventsOf(result, "balance.changed").at(-1);
      expect(release).toMatchObject({ cause: "order.release" });
      expect(release?.postings[1]).toMatchObject({ account: "available", amountAtoms: 499n });
      expect(core.balance(1, "USDT")).toEqual({
        availableAtoms: FUNDS_USDT - 4_001n,
        frozenAtoms: 0n,
      });
    });

    it("a buy by quote amount stops at its protection price", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 1n));
      core.apply(cmd.limit(3, "sell", 1_100n, 10n));
      const result = core.apply(
        cmd.market(1, "buy", { quoteAtoms: 5_000n, priceLimitTicks: 1_050n }),
      );
      expect(eventsOf(result, "trade")).toHaveLength(1);
      expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({ reason: "expired" });
      expect(core.balance(1, "USDT")).toEqual({
        availableAtoms: FUNDS_USDT - 1_000n,
        frozenAtoms: 0n,
      });
    });

    it("a buy by quantity freezes quantity × protection price and releases what it did not pay", () => {
      const { core, cmd } = setup();
      core.apply(cmd.limit(2, "sell", 1_000n, 5n));
      const result = expectAccepted(
        core.apply(cmd.market(1, "buy", { qtyLots: 5n, priceLimitTicks: 1_200n })),
      );
      expect(eventsOf(result, "order.accepted")[0]?.frozenAtoms).toBe(6_000n);
      expect(eventsOf(result, "balance.changed").at(-1)?.postings[1]).toMatchObject({
        amountAtoms: 1_000n,
      });
      expect(core.balance(1, "USDT")).toEqual({
        availableAtoms: FUNDS_USDT - 5_000n,
        frozenAtoms: 0n,
      });
    });

    it("a buy by quantity without a protection price is rejected", () => {
      const { core, cmd } = setup();
      const result = expectRejected(core.apply(cmd.market(1, "buy", { qtyLots: 5n })));
      expect(result.code).toBe(RejectCode.PriceLimitRequired);
    });

    it("on an empty book is accepted and cancelled with nothing spent", () => {
      const { core, cmd } = setup();
      const result = expectAccepted(core.apply(cmd.market(1, "sell", { qtyLots: 5n })));
      expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({
        reason: "expired",
        filledLots: 0n,
      });
      expect(core.balance(1, "BTC")).toEqual({ availableAtoms: FUNDS_BTC, frozenAtoms: 0n });
    });

    it("rejects a quote amount on a sell and a size given twice or not at all", () => {
      const { core, cmd } = setup();
      const codes = [
        core.apply(cmd.market(1, "sell", { quoteAtoms: 1_000n })),
        core.apply(cmd.market(1, "buy", { quoteAtoms: 1_000n, qtyLots: 1n })),
        core.apply(cmd.market(1, "buy", {})),
      ].map((r) => expectRejected(r).code);
      expect(codes).toEqual([
        RejectCode.InvalidOrderOptions,
        RejectCode.InvalidOrderOptions,
        RejectCode.InvalidOrderOptions,
      ]);
    });
  });

  describe("self-trade prevention", () => {
    function withOwnAndOtherAsks(): {
      core: ExchangeCore;
      cmd: TestCommands;
      own: number;
      other: number;
    } {
      const env = setup();
      const own = placedId(env.core.apply(env.cmd.limit(1, "sell", 1_000n, 5n)));
      const other = placedId(env.core.apply(env.cmd.limit(2, "sell", 1_001n, 5n)));
      return { ...env, own, other };
    }

    it("cancelTaker (the default) cancels the taker and keeps the resting order", () => {
      const { core, cmd, own } = withOwnAndOtherAsks();
      const result = expectAccepted(core.apply(cmd.limit(1, "buy", 1_001n, 5n)));
      expect(eventsOf(result, "trade")).toEqual([]);
      expect(eventsOf(result, "order.cancelled")).toMatchObject([
        { reason: "selfTrade", remainingLots: 5n },
      ]);
      expect(core.order(own)?.remainingLots).toBe(5n);
      expectHoldsMatchFrozen(core, [1]);
    });

    it("cancelMaker cancels the resting order and keeps matching", () => {
      const { core, cmd, own, other } = withOwnAndOtherAsks();
      const result = expectAccepted(
        core.apply(cmd.limit(1, "buy", 1_001n, 5n, { stp: "cancelMaker" })),
      );
      expect(eventsOf(result, "order.cancelled")).toMatchObject([
        { orderId: own, reason: "selfTrade" },
      ]);
      expect(eventsOf(result, "trade")).toMatchObject([{ makerOrderId: other, qtyLots: 5n }]);
      expect(core.openOrders(1)).toEqual([]);
      expectHoldsMatchFrozen(core, [1, 2]);
    });

    it("cancelBoth cancels both", () => {
      const { core, cmd, own } = withOwnAndOtherAsks();
      const result = expectAccepted(
        core.apply(cmd.limit(1, "buy", 1_001n, 5n, { stp: "cancelBoth" })),
      );
      const cancelled = eventsOf(result, "order.cancelled").map((e) => [
        e.orderId === own,
        e.reason,
      ]);
      expect(cancelled).toEqual([
        [true, "selfTrade"],
        [false, "selfTrade"],
      ]);
      expect(core.openOrders(1)).toEqual([]);
      expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
      expect(core.balance(1, "BTC").frozenAtoms).toBe(0n);
    });

    it("none lets the user trade with themselves, paying both fees", () => {
      const { core, cmd } = withOwnAndOtherAsks();
      const result = expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 5n, { stp: "none" })));
      expect(eventsOf(result, "trade")).toMatchObject([
        { makerUserId: 1, takerUserId: 1, makerFeeAtoms: 5n, takerFeeAtoms: 100n },
      ]);
      expect(core.balance(1, "USDT")).toEqual({ availableAtoms: FUNDS_USDT - 5n, frozenAtoms: 0n });
      expect(core.balance(1, "BTC")).toEqual({ availableAtoms: FUNDS_BTC - 100n, frozenAtoms: 0n });
    });
  });

  describe("client order ids", () => {
    it("are unique among the user's open orders only", () => {
      const { core, cmd } = setup();
      const first = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n, { clientOrderId: "abc" })));
      const dup = expectRejected(
        core.apply(cmd.limit(1, "buy", 999n, 1n, { clientOrderId: "abc" })),
      );
      expect(dup.code).toBe(RejectCode.DuplicateClientOrderId);
      expect(eventsOf(dup, "order.rejected")).toMatchObject([
        { clientOrderId: "abc", code: RejectCode.DuplicateClientOrderId },
      ]);
      expectAccepted(core.apply(cmd.limit(2, "buy", 999n, 1n, { clientOrderId: "abc" })));
      expectAccepted(core.apply(cmd.cancel(1, first)));
      expectAccepted(core.apply(cmd.limit(1, "buy", 999n, 1n, { clientOrderId: "abc" })));
    });

    it("name orders for cancel", () => {
      const { core, cmd } = setup();
      const id = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n, { clientOrderId: "mine" })));
      const result = expectAccepted(
        core.apply(
          cmd.make({ type: "order.cancel", userId: 1, symbol: "BTCUSDT", clientOrderId: "mine" }),
        ),
      );
      expect(eventsOf(result, "order.cancelled")).toMatchObject([{ orderId: id, reason: "user" }]);
    });

    it("are echoed on acceptance and released when an order fills", () => {
      const { core, cmd } = setup();
      const accepted = core.apply(cmd.limit(1, "sell", 1_000n, 1n, { clientOrderId: "x" }));
      expect(eventsOf(accepted, "order.accepted")[0]?.clientOrderId).toBe("x");
      core.apply(cmd.limit(2, "buy", 1_000n, 1n));
      expectAccepted(core.apply(cmd.limit(1, "sell", 1_000n, 1n, { clientOrderId: "x" })));
    });
  });

  describe("validation", () => {
    it.each<[string, () => Parameters<TestCommands["limit"]>, RejectCode]>([
      ["zero price", () => [1, "buy", 0n, 1n], RejectCode.InvalidPrice],
      ["negative price", () => [1, "buy", -5n, 1n], RejectCode.InvalidPrice],
      ["zero quantity", () => [1, "buy", 1_000n, 0n], RejectCode.InvalidQuantity],
      [
        "quantity above the maximum",
        () => [1, "buy", 1_000n, 10_001n],
        RejectCode.QuantityAboveMax,
      ],
      ["value below min notional", () => [1, "buy", 99n, 1n], RejectCode.NotionalBelowMin],
      [
        "unknown time in force",
        () => [1, "buy", 1_000n, 1n, { timeInForce: "GTD" as never }],
        RejectCode.InvalidOrderOptions,
      ],
      [
        "unknown self-trade mode",
        () => [1, "buy", 1_000n, 1n, { stp: "maybe" as never }],
        RejectCode.InvalidOrderOptions,
      ],
      ["user id zero", () => [0, "buy", 1_000n, 1n], RejectCode.InvalidCommand],
      ["bad side", () => [1, "short" as never, 1_000n, 1n], RejectCode.InvalidCommand],
      [
        "empty client order id",
        () => [1, "buy", 1_000n, 1n, { clientOrderId: "" }],
        RejectCode.InvalidCommand,
      ],
      [
        "unknown market",
        () => [1, "buy", 1_000n, 1n, { symbol: "DOGEUSDT" }],
        RejectCode.UnknownMarket,
      ],
    ])("rejects %s", (_name, args, code) => {
      const { core, cmd } = setup();
      const result = expectRejected(core.apply(cmd.limit(...args())));
      expect(result.code).toBe(code);
      expect(result.message.length).toBeGreaterThan(0);
      expect(eventsOf(result, "order.rejected")).toMatchObject([{ code, message: result.message }]);
    });

    it("rejects a quantity below the minimum", () => {
      const { core, cmd } = createTestCore(book);
      expectAccepted(
        core.apply(
          cmd.make({
            type: "market.add",
            symbol: "ETHBTC",
            base: "ETH",
            quote: "BTC",
            tickSizeAtoms: 100n,
            lotSizeAtoms: 10n ** 16n,
            minQtyLots: 5n,
            maxQtyLots: 100n,
            minNotionalAtoms: 0n,
            makerFeePpm: 0,
            takerFeePpm: 0,
          }),
        ),
      );
      const result = core.apply(cmd.limit(1, "buy", 1_000n, 4n, { symbol: "ETHBTC" }));
      expect(expectRejected(result).code).toBe(RejectCode.QuantityBelowMin);
    });

    it("rejects an order the user cannot pay for, freezing nothing", () => {
      const { core, cmd } = createTestCore(book);
      core.apply(cmd.deposit(1, "USDT", 9_999n));
      const result = expectRejected(core.apply(cmd.limit(1, "buy", 1_000n, 10n)));
      expect(result.code).toBe(RejectCode.InsufficientBalance);
      expect(core.balance(1, "USDT")).toEqual({ availableAtoms: 9_999n, frozenAtoms: 0n });
      expect(expectRejected(core.apply(cmd.limit(5, "sell", 1_000n, 1n))).code).toBe(
        RejectCode.InsufficientBalance,
      );
    });
  });

  describe("market status", () => {
    it("a halted market rejects orders and cancels", () => {
      const { core, cmd } = setup();
      const id = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
      core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "halted" }));
      expect(expectRejected(core.apply(cmd.limit(1, "buy", 1_000n, 1n))).code).toBe(
        RejectCode.MarketHalted,
      );
      expect(expectRejected(core.apply(cmd.cancel(1, id))).code).toBe(RejectCode.MarketHalted);
    });

    it("a cancel-only market rejects orders and accepts cancels", () => {
      const { core, cmd } = setup();
      const id = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
      core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" }));
      const rejected = expectRejected(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
      expect(rejected.code).toBe(RejectCode.MarketCancelOnly);
      expect(rejected.message).toBe("market BTCUSDT accepts cancels only");
      expectAccepted(core.apply(cmd.cancel(1, id)));
    });
  });

  it("numbers orders and trades sequentially and stamps the command's time", () => {
    const { core, cmd } = setup();
    cmd.ts = 42;
    const a = expectAccepted(core.apply(cmd.limit(2, "sell", 1_000n, 1n)));
    const b = expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
    expect(placedId(a) + 1).toBe(placedId(b));
    expect(eventsOf(b, "trade")[0]).toMatchObject({ tradeId: 1, ts: 42 });
    expect(eventsOf(a, "order.accepted")[0]?.ts).toBe(42);
  });
});

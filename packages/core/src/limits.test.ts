import { describe, expect, it } from "vitest";
import { ExchangeCore } from "./exchange-core";
import { MAX_UNITS } from "./limits";
import { RejectCode } from "./reject-code";
import { type CoreSnapshot, SNAPSHOT_VERSION } from "./snapshot";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  MAX_NOTIONAL_ATOMS,
  MAX_PRICE_TICKS,
  TestCommands,
} from "./test-kit";

/** BTCUSDT (test-kit): one lot at one tick is one USDT atom, so notional = price × lots. */
describe("market limits", () => {
  it("rejects a price above the maximum and accepts the maximum itself", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const above = expectRejected(core.apply(cmd.limit(1, "sell", MAX_PRICE_TICKS + 1n, 1n)));
    expect(above.code).toBe(RejectCode.PriceAboveMax);
    expect(above.message).toContain(`maximum ${MAX_PRICE_TICKS}`);
    expectAccepted(core.apply(cmd.limit(1, "sell", MAX_PRICE_TICKS, 1n)));
  });

  it("rejects the price of 1 followed by 45 zeros that once stopped the market data", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const result = core.apply(cmd.limit(1, "sell", 10n ** 47n, 1n));
    expect(expectRejected(result).code).toBe(RejectCode.PriceAboveMax);
    expect(core.depth("BTCUSDT", 10)?.asks).toEqual([]);
  });

  it("rejects a protection price above the maximum", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const result = core.apply(
      cmd.market(1, "sell", { qtyLots: 1n, priceLimitTicks: MAX_PRICE_TICKS + 1n }),
    );
    expect(expectRejected(result).code).toBe(RejectCode.PriceAboveMax);
  });

  it("bounds a limit order's value, a quote amount and a market buy at its protection price", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const price = MAX_NOTIONAL_ATOMS / 5_000n;
    const limit = core.apply(cmd.limit(1, "buy", price + 1n, 5_000n));
    expect(expectRejected(limit).code).toBe(RejectCode.NotionalAboveMax);
    const byQuote = core.apply(cmd.market(1, "buy", { quoteAtoms: MAX_NOTIONAL_ATOMS + 1n }));
    expect(expectRejected(byQuote).code).toBe(RejectCode.NotionalAboveMax);
    const byQty = core.apply(
      cmd.market(1, "buy", { qtyLots: 5_000n, priceLimitTicks: price + 1n }),
    );
    expect(expectRejected(byQty).code).toBe(RejectCode.NotionalAboveMax);
    expectAccepted(core.apply(cmd.limit(1, "buy", price, 5_000n)));
    expectAccepted(core.apply(cmd.market(1, "buy", { quoteAtoms: MAX_NOTIONAL_ATOMS })));
  });

  it("gives a market buy without protection price the maximum price internally, never in an event", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    expectAccepted(core.apply(cmd.limit(2, "sell", MAX_PRICE_TICKS, 1n)));
    const result = expectAccepted(
      core.apply(cmd.market(1, "buy", { quoteAtoms: MAX_PRICE_TICKS })),
    );
    expect(eventsOf(result, "trade")[0]?.priceTicks).toBe(MAX_PRICE_TICKS);
    expect(eventsOf(result, "order.accepted")[0]?.priceTicks).toBe(0n);
    const ticks = JSON.stringify(result.events, (_k, v) => (typeof v === "bigint" ? `${v}` : v));
    expect(ticks).not.toContain((2n ** 256n).toString());
  });

  it("caps a user's open orders per market, counting only orders that rest", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    expectAccepted(
      core.apply(
        cmd.make({
          type: "market.add",
          symbol: "ETHUSDT",
          base: "ETH",
          quote: "USDT",
          tickSizeAtoms: 10_000n,
          lotSizeAtoms: 10n ** 15n,
          minQtyLots: 1n,
          maxQtyLots: 100n,
          minNotionalAtoms: 0n,
          maxOpenOrders: 2,
          makerFeePpm: 0,
          takerFeePpm: 0,
        }),
      ),
    );
    const buy = (price: bigint) =>
      core.apply(cmd.limit(1, "buy", price, 1n, { symbol: "ETHUSDT" }));
    const first = expectAccepted(buy(100n));
    expectAccepted(buy(101n));
    const third = expectRejected(buy(102n));
    expect(third.code).toBe(RejectCode.TooManyOpenOrders);
    expect(third.message).toBe("2 open orders in ETHUSDT is the maximum; cancel one first");
    // IOC never rests, and another market has its own count.
    expectAccepted(
      core.apply(cmd.limit(1, "buy", 102n, 1n, { symbol: "ETHUSDT", timeInForce: "IOC" })),
    );
    expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
    // A cancel frees a place.
    const firstId = eventsOf(first, "order.accepted")[0]?.orderId ?? 0;
    expectAccepted(core.apply(cmd.cancel(1, firstId, "ETHUSDT")));
    expectAccepted(buy(102n));
  });

  it("keeps counting open orders right after a snapshot and restore", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    expectAccepted(
      core.apply(
        cmd.make({
          type: "market.add",
          symbol: "ETHUSDT",
          base: "ETH",
          quote: "USDT",
          tickSizeAtoms: 10_000n,
          lotSizeAtoms: 10n ** 15n,
          minQtyLots: 1n,
          maxQtyLots: 100n,
          minNotionalAtoms: 0n,
          maxOpenOrders: 1,
          makerFeePpm: 0,
          takerFeePpm: 0,
        }),
      ),
    );
    expectAccepted(core.apply(cmd.limit(1, "buy", 100n, 1n, { symbol: "ETHUSDT" })));
    const restored = ExchangeCore.restore(JSON.parse(JSON.stringify(core.snapshot())));
    const again = restored.apply(cmd.limit(1, "buy", 99n, 1n, { symbol: "ETHUSDT" }));
    expect(expectRejected(again).code).toBe(RejectCode.TooManyOpenOrders);
  });
});

describe("asset maximum amount", () => {
  function coreWithPoints(): { core: ExchangeCore; cmd: TestCommands } {
    const core = new ExchangeCore();
    const cmd = new TestCommands();
    expectAccepted(
      core.apply(cmd.make({ type: "asset.add", code: "PTS", precision: 0, maxAmountAtoms: 100n })),
    );
    return { core, cmd };
  }

  it("rejects a deposit that would take a user's holdings above the maximum", () => {
    const { core, cmd } = coreWithPoints();
    expectAccepted(core.apply(cmd.deposit(1, "PTS", 60n)));
    const over = expectRejected(core.apply(cmd.deposit(1, "PTS", 41n)));
    expect(over.code).toBe(RejectCode.AmountAboveMax);
    expect(over.message).toContain("maximum 100");
    expectAccepted(core.apply(cmd.deposit(1, "PTS", 40n)));
  });

  it("counts frozen funds: a pending withdrawal still holds its amount", () => {
    const { core, cmd } = coreWithPoints();
    expectAccepted(core.apply(cmd.deposit(1, "PTS", 100n)));
    expectAccepted(
      core.apply(
        cmd.make({
          type: "balance.withdrawFreeze",
          business: "withdraw",
          businessId: "w1",
          withdrawalId: "w1",
          userId: 1,
          asset: "PTS",
          amountAtoms: 50n,
        }),
      ),
    );
    expect(expectRejected(core.apply(cmd.deposit(1, "PTS", 1n))).code).toBe(
      RejectCode.AmountAboveMax,
    );
  });

  it("rejects a transfer or an adjustment that would credit a user above the maximum", () => {
    const { core, cmd } = coreWithPoints();
    expectAccepted(core.apply(cmd.deposit(1, "PTS", 100n)));
    expectAccepted(core.apply(cmd.deposit(2, "PTS", 1n)));
    const transfer = core.apply(cmd.transfer({ userId: 2 }, { userId: 1 }, "PTS", 1n));
    expect(expectRejected(transfer).code).toBe(RejectCode.AmountAboveMax);
    const adjust = core.apply(
      cmd.make({
        type: "balance.adjust",
        business: "adjust",
        businessId: "a1",
        userId: 1,
        asset: "PTS",
        amountAtoms: 1n,
      }),
    );
    expect(expectRejected(adjust).code).toBe(RejectCode.AmountAboveMax);
    // Taking away is always allowed.
    expectAccepted(core.apply(cmd.transfer({ userId: 1 }, { userId: 2 }, "PTS", 1n)));
  });
});

describe("snapshots from before the limits", () => {
  it("restore with the ceilings, as their journals replay", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    const snapshot = JSON.parse(JSON.stringify(core.snapshot())) as CoreSnapshot;
    const legacy = {
      ...snapshot,
      version: 1,
      assets: snapshot.assets.map(({ maxAmountAtoms: _, ...asset }) => asset),
      markets: snapshot.markets.map(
        ({ maxPriceTicks: _p, maxNotionalAtoms: _n, maxOpenOrders: _o, ...market }) => market,
      ),
    } as CoreSnapshot;
    const restored = ExchangeCore.restore(legacy);
    expect(restored.market("BTCUSDT")?.maxPriceTicks).toBe(MAX_UNITS);
    expect(restored.asset("BTC")?.maxAmountAtoms).toBe(MAX_UNITS);
    expect(restored.snapshot().version).toBe(SNAPSHOT_VERSION);
    expectAccepted(restored.apply(cmd.limit(1, "sell", MAX_PRICE_TICKS + 1n, 1n)));
  });
});

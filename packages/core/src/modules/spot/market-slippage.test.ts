import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  MAX_PRICE_TICKS,
  type TestCommands,
} from "../../test-kit";
import type { BookKind } from "./book/order-book";
import { MAX_SLIPPAGE_BPS, MIN_SLIPPAGE_BPS } from "./place-order";

describe.each<BookKind>(["fast", "naive"])("a market order's slippage with the %s book", (book) => {
  function setup(): { core: ExchangeCore; cmd: TestCommands } {
    const env = createTestCore(book);
    fundUsers(env.core, env.cmd, [1, 2, 3, 4]);
    return env;
  }

  it("a buy sets its protection price from the best ask, rounded down, and stops there", () => {
    const { core, cmd } = setup();
    core.apply(cmd.limit(2, "sell", 1_001n, 1n));
    core.apply(cmd.limit(3, "sell", 1_051n, 1n));
    core.apply(cmd.limit(4, "sell", 1_052n, 1n));
    // 1_001 × 1.05 = 1_051.05: the limit is 1_051, never the looser 1_052.
    const result = expectAccepted(
      core.apply(cmd.market(1, "buy", { qtyLots: 3n, slippageBps: 500 })),
    );
    const accepted = eventsOf(result, "order.accepted")[0];
    expect(accepted).toMatchObject({ priceTicks: 1_051n, frozenAtoms: 3n * 1_051n });
    expect(eventsOf(result, "trade").map((t) => t.priceTicks)).toEqual([1_001n, 1_051n]);
    expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({ remainingLots: 1n });
    expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
  });

  it("a sell sets its protection price from the best bid, rounded up, and stops there", () => {
    const { core, cmd } = setup();
    core.apply(cmd.limit(2, "buy", 1_001n, 1n));
    core.apply(cmd.limit(3, "buy", 951n, 1n));
    core.apply(cmd.limit(4, "buy", 950n, 1n));
    // 1_001 × 0.95 = 950.95: the limit is 951, never the looser 950.
    const result = expectAccepted(
      core.apply(cmd.market(1, "sell", { qtyLots: 3n, slippageBps: 500 })),
    );
    expect(eventsOf(result, "order.accepted")[0]?.priceTicks).toBe(951n);
    expect(eventsOf(result, "trade").map((t) => t.priceTicks)).toEqual([1_001n, 951n]);
    expect(core.bestPrice("BTCUSDT", "buy")).toBe(950n);
  });

  it("a buy by quote amount is protected too", () => {
    const { core, cmd } = setup();
    core.apply(cmd.limit(2, "sell", 1_000n, 1n));
    core.apply(cmd.limit(3, "sell", 1_100n, 10n));
    const result = expectAccepted(
      core.apply(cmd.market(1, "buy", { quoteAtoms: 5_000n, slippageBps: 100 })),
    );
    expect(eventsOf(result, "order.accepted")[0]?.priceTicks).toBe(1_010n);
    expect(eventsOf(result, "trade")).toHaveLength(1);
  });

  it("never protects a buy above the market's maximum price", () => {
    const { core, cmd } = setup();
    core.apply(cmd.limit(2, "sell", MAX_PRICE_TICKS, 1n));
    const result = expectAccepted(
      core.apply(cmd.market(1, "buy", { quoteAtoms: MAX_PRICE_TICKS, slippageBps: 5_000 })),
    );
    expect(eventsOf(result, "order.accepted")[0]?.priceTicks).toBe(MAX_PRICE_TICKS);
  });

  it("rejects a buy whose value at the protection price is above the maximum", () => {
    const { core, cmd } = setup();
    expectAccepted(core.apply(cmd.limit(2, "sell", 2_000_000_000n, 1n)));
    const result = expectRejected(
      core.apply(cmd.market(1, "buy", { qtyLots: 10_000n, slippageBps: 500 })),
    );
    expect(result.code).toBe(RejectCode.NotionalAboveMax);
  });

  it("rejects with PriceLimitRequired when the other side of the book is empty", () => {
    const { core, cmd } = setup();
    const before = core.stateHash();
    for (const side of ["buy", "sell"] as const) {
      const result = expectRejected(
        core.apply(cmd.market(1, side, { qtyLots: 1n, slippageBps: 500 })),
      );
      expect(result.code).toBe(RejectCode.PriceLimitRequired);
      expect(result.message).toMatch(/other side of the book is empty/);
    }
    expect(core.stateHash()).toBe(before);
  });

  it("rejects a slippage out of range, not an integer, or given with a price limit", () => {
    const { core, cmd } = setup();
    core.apply(cmd.limit(2, "sell", 1_000n, 1n));
    const codes = [
      { slippageBps: MIN_SLIPPAGE_BPS - 1 },
      { slippageBps: MAX_SLIPPAGE_BPS + 1 },
      { slippageBps: 1.5 },
      { slippageBps: "500" as unknown as number },
      { slippageBps: 500, priceLimitTicks: 1_100n },
    ].map((options) =>
      expectRejected(core.apply(cmd.market(1, "buy", { qtyLots: 1n, ...options }))),
    );
    expect(codes.map((r) => r.code)).toEqual(Array(5).fill(RejectCode.InvalidOrderOptions));
    expect(core.balance(1, "USDT").frozenAtoms).toBe(0n);
  });

  it("property: a buy never fills above best × (1 + bps), a sell never below best × (1 − bps)", () => {
    const level = fc.record({
      priceTicks: fc.bigInt({ min: 100n, max: 2_000_000n }),
      qtyLots: fc.bigInt({ min: 1n, max: 50n }),
    });
    fc.assert(
      fc.property(
        fc.array(level, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("buy" as const, "sell" as const),
        fc.integer({ min: MIN_SLIPPAGE_BPS, max: MAX_SLIPPAGE_BPS }),
        fc.bigInt({ min: 1n, max: 400n }),
        fc.boolean(),
        (levels, side, bps, qtyLots, byQuote) => {
          const { core, cmd } = setup();
          const resting = side === "buy" ? "sell" : "buy";
          for (const l of levels)
            expectAccepted(core.apply(cmd.limit(2, resting, l.priceTicks, l.qtyLots)));
          const best = core.bestPrice("BTCUSDT", resting) as bigint;
          const size =
            byQuote && side === "buy" ? { quoteAtoms: qtyLots * 1_000_000n } : { qtyLots };
          const result = core.apply(cmd.market(1, side, { ...size, slippageBps: bps }));
          if (!result.accepted) {
            // Only the maximum order value may refuse it (a buy by quantity at its limit).
            expect(result.code).toBe(RejectCode.NotionalAboveMax);
            return;
          }
          const b = BigInt(bps);
          for (const trade of eventsOf(result, "trade")) {
            if (side === "buy")
              expect(trade.priceTicks * 10_000n).toBeLessThanOrEqual(best * (10_000n + b));
            else expect(trade.priceTicks * 10_000n).toBeGreaterThanOrEqual(best * (10_000n - b));
          }
          // The bound is the tightest whole tick: one tick looser would break it.
          const limit = eventsOf(result, "order.accepted")[0]?.priceTicks as bigint;
          if (side === "buy") expect((limit + 1n) * 10_000n).toBeGreaterThan(best * (10_000n + b));
          else expect((limit - 1n) * 10_000n).toBeLessThan(best * (10_000n - b));
          expect(core.balance(1, side === "buy" ? "USDT" : "BTC").frozenAtoms).toBe(0n);
        },
      ),
      { numRuns: 150 },
    );
  });
});

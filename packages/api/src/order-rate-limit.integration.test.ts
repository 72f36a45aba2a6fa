import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import type { OrderRateLimits } from "@exchange/domains/trading/order-rate-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

let services: Services;

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => closeServices(services));

async function newTrader(): Promise<Actor> {
  return { kind: "user", userId: (await createTestUser(services.db, { tag: "rate" })).id };
}

/** The trader API under these limits. */
function tradingUnder(limits: Partial<OrderRateLimits>, actor: Actor) {
  const orderRateLimits = {
    placePerSecond: 1_000,
    placePerMinute: 1_000,
    cancelPerSecond: 1_000,
    cancelPerMinute: 1_000,
    ...limits,
  };
  return callTraderApi({ ...services, orderRateLimits }, actor).trading;
}

/** The app code a call ends with, and the whole error when it was refused for its rate. */
async function outcomeOf(call: Promise<unknown>): Promise<{ code: string; error?: AppError }> {
  try {
    await call;
    return { code: "OK" };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (!(cause instanceof AppError)) throw error;
    return {
      code: cause.code,
      ...(cause.code === AppErrorCode.RATE_LIMITED ? { error: cause } : {}),
    };
  }
}

// Orders on a market that does not exist: every call within the limit gets as far as looking the
// market up (NOT_FOUND) and no engine is needed; a call over the limit never gets there.
const order = { symbol: "NOSUCH", side: "buy", type: "limit", price: "1", quantity: "1" } as const;

describe("order rate limits", () => {
  it("stop a trader placing more orders a second than allowed, and say when to retry", async () => {
    const trading = tradingUnder({ placePerSecond: 3 }, await newTrader());

    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => outcomeOf(trading.placeOrder(order))),
    );

    expect(outcomes.filter((o) => o.code === AppErrorCode.NOT_FOUND)).toHaveLength(3);
    const refused = outcomes.filter((o) => o.code === AppErrorCode.RATE_LIMITED);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.error?.message).toBe("Too many orders. Please try again in 1 second.");
    expect(refused[0]?.error?.retryAfterS).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await outcomeOf(trading.placeOrder(order))).code).toBe(AppErrorCode.NOT_FOUND);
  });

  it("stop a trader placing more orders a minute than allowed, without slowing anyone else", async () => {
    const trading = tradingUnder({ placePerMinute: 4 }, await newTrader());
    const other = tradingUnder({ placePerMinute: 4 }, await newTrader());

    for (let i = 0; i < 4; i++) await trading.placeOrder(order).catch(() => undefined);
    const refused = await outcomeOf(trading.placeOrder(order));

    expect(refused.code).toBe(AppErrorCode.RATE_LIMITED);
    expect(refused.error?.retryAfterS).toBeGreaterThan(50);
    expect(refused.error?.message).toMatch(
      /^Too many orders\. Please try again in (\d+ seconds|1 minute)\.$/,
    );
    expect((await outcomeOf(other.placeOrder(order))).code).toBe(AppErrorCode.NOT_FOUND);
  });

  it("count cancels, one or all, apart from placements", async () => {
    const trading = tradingUnder({ cancelPerMinute: 2, placePerMinute: 2 }, await newTrader());

    await outcomeOf(trading.cancelOrder({ symbol: "NOSUCH", orderId: 1 }));
    await outcomeOf(trading.cancelAll({ symbol: "NOSUCH" }));
    const third = await outcomeOf(trading.cancelOrder({ symbol: "NOSUCH", orderId: 1 }));

    expect(third.code).toBe(AppErrorCode.RATE_LIMITED);
    expect(third.error?.message).toMatch(
      /^Too many cancels\. Please try again in (\d+ seconds|1 minute)\.$/,
    );
    expect((await outcomeOf(trading.placeOrder(order))).code).toBe(AppErrorCode.NOT_FOUND);
  });
});

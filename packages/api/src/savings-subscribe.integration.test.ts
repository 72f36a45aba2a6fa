import { AppError } from "@exchange/domains/errors";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { runPayouts } from "@exchange/domains/savings/payouts";
import { redemptionQuote } from "@exchange/domains/savings/redemption";
import { addDays } from "@exchange/domains/savings/repayment-schedule";
import { sendRedeem } from "@exchange/domains/savings/savings-engine";
import { findSubscriptionRecord } from "@exchange/domains/savings/subscription-repository";
import { resumeSubscriptions, subscribe } from "@exchange/domains/savings/subscriptions";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { createTestSavingsInstance } from "@exchange/domains/testing/savings-fixtures";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { ManualClock } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";

/**
 * Subscribing to a savings instance against the real engine and worker: the principal leaves
 * the user's available balance for the savings pool, the plan is written at once, and every
 * refusal leaves the balance and the quota as they were.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
/** Atoms of one USDT (the seeded asset has 8 decimals). */
const USDT = 10n ** 8n;

beforeAll(async () => {
  const sandbox = await createEngineSandbox("savings-subscribe");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
});

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.stop();
});

async function fundedUser(usdt: bigint, kycLevel = 1): Promise<number> {
  const user = await createTestUser(services.db, { tag: "savings", kycLevel });
  if (usdt > 0n) {
    const reply = await services.engine.send({
      type: "balance.deposit",
      id: `test-deposit:savings:${user.id}`,
      ts: Date.now(),
      business: "test-deposit",
      businessId: `savings:${user.id}`,
      userId: user.id,
      asset: "USDT",
      amountAtoms: usdt * USDT,
    });
    expect(reply.outcome.ok).toBe(true);
  }
  return user.id;
}

async function usdtOf(userId: number) {
  const balances = await callTraderApi(services, { kind: "user", userId }).trading.balances();
  const usdt = balances.find((b) => b.asset === "USDT");
  return { available: usdt?.available ?? "0", frozen: usdt?.frozen ?? "0" };
}

async function quotaTaken(instanceId: number): Promise<string> {
  const row = await services.db.savingsInstance.findUniqueOrThrow({ where: { id: instanceId } });
  return row.subscribedAtoms.toFixed();
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the subscription was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("subscribing to savings", () => {
  it("moves the principal into the pool and writes the whole plan at once", async () => {
    const userId = await fundedUser(1_000n);
    const { instanceId } = await createTestSavingsInstance(services.db, {
      payoutPeriod: "WEEKLY",
      termDays: 30,
      annualRatePpm: 50_000,
    });
    const requestKey = crypto.randomUUID();
    const record = await subscribe(services, userId, { instanceId, amount: "365", requestKey });
    expect(record).toMatchObject({ status: "ACTIVE", amountAtoms: 365n * USDT });
    await eventually(async () =>
      expect(await usdtOf(userId)).toEqual({ available: "635", frozen: "0" }),
    );
    expect(await quotaTaken(instanceId)).toBe(String(365n * USDT));
    const plans = await services.db.savingsPlan.findMany({
      where: { subscriptionId: record.id },
      orderBy: { seq: "asc" },
    });
    // 365 USDT at 5 %: 0.05 USDT a day; weeks of 7, 7, 7, 7 and 2 days.
    expect(plans.map((p) => [p.interestAtoms.toFixed(), p.principalAtoms.toFixed()])).toEqual([
      [String((35n * USDT) / 100n), "0"],
      [String((35n * USDT) / 100n), "0"],
      [String((35n * USDT) / 100n), "0"],
      [String((35n * USDT) / 100n), "0"],
      [String(USDT / 10n), String(365n * USDT)],
    ]);
    // The same request again (a double click) is the same subscription, paid once.
    const again = await subscribe(services, userId, { instanceId, amount: "365", requestKey });
    expect(again.id).toBe(record.id);
    expect(await quotaTaken(instanceId)).toBe(String(365n * USDT));
    await eventually(async () =>
      expect(await usdtOf(userId)).toEqual({ available: "635", frozen: "0" }),
    );
  });

  it("refuses a closed window, an amount out of bounds, a low KYC level or too little balance, changing nothing", async () => {
    const { instanceId } = await createTestSavingsInstance(services.db, {
      minAmountAtoms: 10n * USDT,
      maxAmountAtoms: 500n * USDT,
      kycLevel: 1,
    });
    const rich = await fundedUser(1_000n);
    const poor = await fundedUser(50n);
    const unverified = await fundedUser(1_000n, 0);
    const attempt = (userId: number, amount: string) =>
      subscribe(services, userId, { instanceId, amount, requestKey: crypto.randomUUID() });

    expect((await refusal(attempt(rich, "9.99"))).fieldErrors?.amount?.[0]).toBe(
      "The least you can subscribe is 10 USDT.",
    );
    expect((await refusal(attempt(rich, "500.01"))).fieldErrors?.amount?.[0]).toBe(
      "The most you can subscribe at once is 500 USDT.",
    );
    expect((await refusal(attempt(rich, "10.000000001"))).code).toBe("INVALID_INPUT");
    expect((await refusal(attempt(unverified, "100"))).code).toBe("KYC_REQUIRED");
    expect((await refusal(attempt(poor, "100"))).code).toBe("INSUFFICIENT_BALANCE");
    expect(await quotaTaken(instanceId)).toBe("0");
    expect(await services.db.savingsSubscription.count({ where: { instanceId } })).toBe(0);
    await eventually(async () =>
      expect(await usdtOf(poor)).toEqual({ available: "50", frozen: "0" }),
    );

    const yesterday = await createTestSavingsInstance(services.db, {
      day: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });
    const closed = await refusal(
      subscribe(services, rich, {
        instanceId: yesterday.instanceId,
        amount: "100",
        requestKey: crypto.randomUUID(),
      }),
    );
    expect(closed.code).toBe("SAVINGS_NOT_OPEN");
    await eventually(async () =>
      expect(await usdtOf(rich)).toEqual({ available: "1000", frozen: "0" }),
    );
  });

  it("lets two users racing for the last of the quota not both have it", async () => {
    const { instanceId } = await createTestSavingsInstance(services.db, {
      dailyQuotaAtoms: 150n * USDT,
      maxAmountAtoms: 100n * USDT,
    });
    const users = await Promise.all([fundedUser(100n), fundedUser(100n), fundedUser(100n)]);
    const results = await Promise.allSettled(
      users.map((userId) =>
        subscribe(services, userId, { instanceId, amount: "100", requestKey: crypto.randomUUID() }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect((r.reason as AppError).code).toBe("SAVINGS_QUOTA_EXCEEDED");
    expect(await quotaTaken(instanceId)).toBe(String(100n * USDT));
  });

  it("finishes a subscription left pending, once", async () => {
    const userId = await fundedUser(200n);
    const { instanceId } = await createTestSavingsInstance(services.db);
    const record = await subscribe(services, userId, {
      instanceId,
      amount: "100",
      requestKey: crypto.randomUUID(),
    });
    // As if the process had stopped between the engine's answer and the row's update.
    await services.db.savingsSubscription.update({
      where: { id: record.id },
      data: { status: "PENDING", createdAt: new Date(Date.now() - 120_000) },
    });
    const later = { ...services, clock: new ManualClock(Date.now()) };
    expect(await resumeSubscriptions(later)).toBeGreaterThanOrEqual(1);
    expect((await findSubscriptionRecord(services.db, record.id))?.status).toBe("ACTIVE");
    await eventually(async () =>
      expect(await usdtOf(userId)).toEqual({ available: "100", frozen: "0" }),
    );
  });

  it("records a redemption whose reply was lost when the payout run finds the position closed", async () => {
    const userId = await fundedUser(300n);
    const { instanceId, day } = await createTestSavingsInstance(services.db, {
      payoutPeriod: "DAILY",
      termDays: 10,
      earlyRedemption: "PENALTY",
      penaltyRatePpm: 10_000,
    });
    const record = await subscribe(services, userId, {
      instanceId,
      amount: "200",
      requestKey: crypto.randomUUID(),
    });
    // The engine redeems (1 % penalty), but the reply never reaches the subscription's row.
    const lost = await sendRedeem(services, {
      subscriptionId: record.id,
      forfeitInterest: false,
      penaltyAtoms: 2n * USDT,
    });
    expect(lost.ok).toBe(true);
    expect((await findSubscriptionRecord(services.db, record.id))?.status).toBe("ACTIVE");

    const run = await runPayouts(services, { asOf: addDays(day, 3), trigger: "schedule" });
    expect(run.plansPaid).toBe(0);
    const after = await services.db.savingsSubscription.findUniqueOrThrow({
      where: { id: record.id },
      include: { plans: true },
    });
    expect(after.status).toBe("REDEEMED");
    expect(after.redeemedAtoms?.toFixed()).toBe(String(198n * USDT));
    expect(after.plans.every((p) => p.status === "CANCELLED")).toBe(true);
    // Returned once: 100 kept + 198 back.
    await eventually(async () =>
      expect(await usdtOf(userId)).toEqual({ available: "298", frozen: "0" }),
    );
  });

  it("does not redeem 'early' once the term is over", async () => {
    const userId = await fundedUser(100n);
    const { instanceId, day } = await createTestSavingsInstance(services.db, { termDays: 7 });
    const record = await subscribe(services, userId, {
      instanceId,
      amount: "50",
      requestKey: crypto.randomUUID(),
    });
    const actor = { kind: "user" as const, userId };
    const beforeMaturity = new Date(`${addDays(day, 7)}T23:59:59Z`).getTime();
    const quote = await redemptionQuote(
      { ...services, clock: new ManualClock(beforeMaturity) },
      actor,
      record.id,
    );
    expect(quote.returned).toBe("50");
    const atMaturity = new Date(`${addDays(day, 8)}T00:00:00Z`).getTime();
    const refused = await refusal(
      redemptionQuote({ ...services, clock: new ManualClock(atMaturity) }, actor, record.id),
    );
    expect(refused.code).toBe("SAVINGS_STATE");
  });
});

import { formatUnits } from "@exchange/contracts/money";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { penaltyAtoms } from "@exchange/domains/savings/redemption-rules";
import { addDays, dayOf } from "@exchange/domains/savings/repayment-schedule";
import { closeServices, createServices } from "@exchange/domains/services";
import { expectBooksReconciled } from "@exchange/domains/testing/books";
import { eventually } from "@exchange/domains/testing/eventually";
import { createTestSavingsInstance } from "@exchange/domains/testing/savings-fixtures";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { commandIds } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Subscriptions and early redemption through the procedures a trader calls, against the real
 * engine and worker: each case ends with what the user sees of their balance and their
 * subscription, the instance's quota as it stands, and the books reconciling at the end.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;

const USDT = 10n ** 8n;
const usdt = (atoms: bigint) => formatUnits(atoms, 8);

const trader = (actor: Actor) => callTraderApi(services, actor);

beforeAll(async () => {
  const sandbox = await createEngineSandbox("savings-subscriptions");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, {
    RECONCILE_EVERY_MS: "1000",
    RECONCILE_MAX_LAG_MS: "1000",
  });
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

async function newUser(tag: string, whole: bigint, kycLevel = 1): Promise<Actor> {
  const user = await createTestUser(services.db, { tag, kycLevel });
  const actor: Actor = { kind: "user", userId: user.id };
  if (whole > 0n) {
    const reply = await services.engine.send({
      type: "balance.deposit",
      id: `savings-test-deposit:${user.id}`,
      ts: Date.now(),
      business: "test-deposit",
      businessId: `savings:${user.id}`,
      userId: user.id,
      asset: "USDT",
      amountAtoms: whole * USDT,
    });
    expect(reply.outcome.ok).toBe(true);
    await expectAvailable(actor, String(whole));
  }
  return actor;
}

async function availableOf(actor: Actor): Promise<string> {
  const balances = await trader(actor).trading.balances();
  return balances.find((b) => b.asset === "USDT")?.available ?? "0";
}

async function expectAvailable(actor: Actor, available: string): Promise<void> {
  await eventually(async () => expect(await availableOf(actor)).toBe(available));
}

async function subscribedOf(instanceId: number): Promise<bigint> {
  const row = await services.db.savingsInstance.findUniqueOrThrow({
    where: { id: instanceId },
    select: { subscribedAtoms: true },
  });
  return BigInt(row.subscribedAtoms.toFixed());
}

function subscribe(actor: Actor, instanceId: number, amount: string, requestKey?: string) {
  return trader(actor).savings.subscribe({
    instanceId,
    amount,
    requestKey: requestKey ?? crypto.randomUUID(),
  });
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause as { code?: string } | undefined;
  return { code: cause?.code ?? (error as TRPCError).code, message: (error as TRPCError).message };
}

describe("subscribing", () => {
  it("moves the amount out of the available balance, takes quota, and creates the plan at once", async () => {
    const { instanceId } = await createTestSavingsInstance(services.db, {
      payoutPeriod: "WEEKLY",
      termDays: 30,
      dailyQuotaAtoms: 10_000n * USDT,
      minAmountAtoms: 10n * USDT,
      maxAmountAtoms: 5_000n * USDT,
    });
    const user = await newUser("subscribe", 1_000n);
    const preview = await trader(user).savings.preview({ instanceId, amount: "400" });
    const created = await subscribe(user, instanceId, "400");
    expect(created.status).toBe("ACTIVE");
    await expectAvailable(user, "600");
    expect(await subscribedOf(instanceId)).toBe(400n * USDT);
    const detail = await trader(user).savings.subscription({ id: created.id });
    // The plan the preview showed is the plan created: 5 weekly payments, principal with the last.
    expect(detail.plans.map((p) => [p.dueDate, p.interest, p.principal])).toEqual(
      preview.plans.map((p) => [p.dueDate, p.interest, p.principal]),
    );
    expect(detail.plans).toHaveLength(5);
    expect(detail.plans.every((p) => p.status === "PENDING")).toBe(true);
    expect(detail.interestScheduled).toBe(preview.interestTotal);
    const list = await trader(user).savings.subscriptions({});
    expect(list.items.map((s) => s.id)).toEqual([created.id]);
  });

  it("subscribes once for a double-clicked request (the same key twice)", async () => {
    const { instanceId } = await createTestSavingsInstance(services.db);
    const user = await newUser("double", 100n);
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      subscribe(user, instanceId, "30", key),
      subscribe(user, instanceId, "30", key).catch((e: unknown) => e),
    ]);
    expect(a.id).toBeDefined();
    if (!(b instanceof Error)) expect((b as { id: string }).id).toBe(a.id);
    await expectAvailable(user, "70");
    expect(await subscribedOf(instanceId)).toBe(30n * USDT);
    expect((await trader(user).savings.subscriptions({})).items).toHaveLength(1);
  });

  it("never accepts more than the quota when many users race for its last part", async () => {
    const quota = 3_000n;
    const { instanceId } = await createTestSavingsInstance(services.db, {
      dailyQuotaAtoms: quota * USDT,
      maxAmountAtoms: 1_000n * USDT,
    });
    const users = await Promise.all(
      Array.from({ length: 10 }, (_, i) => newUser(`race-${i}`, 1_000n)),
    );
    const outcomes = await Promise.allSettled(users.map((u) => subscribe(u, instanceId, "700")));
    const accepted = outcomes.filter((o) => o.status === "fulfilled");
    // 4 × 700 = 2 800 fit; a fifth would make 3 500.
    expect(accepted).toHaveLength(4);
    expect(await subscribedOf(instanceId)).toBe(2_800n * USDT);
    for (const [i, outcome] of outcomes.entries()) {
      const user = users[i] as Actor;
      if (outcome.status === "fulfilled") {
        await expectAvailable(user, "300");
      } else {
        const { code, message } = await refusal(Promise.reject(outcome.reason));
        expect(code).toBe("SAVINGS_QUOTA_EXCEEDED");
        expect(message).toMatch(/quota|left/i);
        await expectAvailable(user, "1000");
      }
    }
    // What is left still fits one smaller subscription exactly.
    const last = await newUser("race-last", 1_000n);
    await subscribe(last, instanceId, "200");
    expect(await subscribedOf(instanceId)).toBe(quota * USDT);
    expect((await refusal(subscribe(last, instanceId, "10"))).code).toBe("SAVINGS_QUOTA_EXCEEDED");
  });

  it("refuses bad subscriptions with a clear error, moving nothing and taking no quota", async () => {
    const { instanceId } = await createTestSavingsInstance(services.db, {
      minAmountAtoms: 10n * USDT,
      maxAmountAtoms: 500n * USDT,
      kycLevel: 1,
    });
    const today = dayOf(new Date(services.clock.now()));
    const closed = await createTestSavingsInstance(services.db, { day: addDays(today, -1) });
    const early = await createTestSavingsInstance(services.db, { day: addDays(today, 1) });
    const user = await newUser("refused", 300n);
    const unverified = await newUser("unverified", 300n, 0);

    const cases: [() => Promise<unknown>, string][] = [
      [() => subscribe(user, instanceId, "9.99"), "INVALID_INPUT"],
      [() => subscribe(user, instanceId, "500.00000001"), "INVALID_INPUT"],
      [() => subscribe(user, instanceId, "400"), "INSUFFICIENT_BALANCE"],
      [() => subscribe(unverified, instanceId, "20"), "KYC_REQUIRED"],
      [() => subscribe(user, closed.instanceId, "20"), "SAVINGS_NOT_OPEN"],
      [() => subscribe(user, early.instanceId, "20"), "SAVINGS_NOT_OPEN"],
      [() => subscribe(user, 2_000_000_000, "20"), "NOT_FOUND"],
    ];
    for (const [call, code] of cases) {
      const answer = await refusal(call());
      expect(answer.code).toBe(code);
      expect(answer.message.length).toBeGreaterThan(10);
    }
    await expectAvailable(user, "300");
    await expectAvailable(unverified, "300");
    for (const id of [instanceId, closed.instanceId, early.instanceId]) {
      expect(await subscribedOf(id)).toBe(0n);
    }
    expect((await trader(user).savings.subscriptions({})).items).toEqual([]);
  });
});

/** A user of 1 000 USDT with an ACTIVE subscription of `principal` atoms to a product of `terms`. */
async function subscribed(
  tag: string,
  terms: Parameters<typeof createTestSavingsInstance>[1],
  principal: bigint,
) {
  const { instanceId } = await createTestSavingsInstance(services.db, {
    payoutPeriod: "WEEKLY",
    termDays: 28,
    annualRatePpm: 100_000,
    ...terms,
  });
  const user = await newUser(tag, 1_000n);
  const subscription = await subscribe(user, instanceId, usdt(principal));
  await expectAvailable(user, usdt(1_000n * USDT - principal));
  return { user, id: subscription.id };
}

describe("early redemption", () => {
  it("returns the principal less the penalty, rounded up, and cancels every pending plan", async () => {
    const principal = 333_33333333n; // 333.33333333 USDT
    const { user, id } = await subscribed(
      "penalty",
      { earlyRedemption: "PENALTY", penaltyRatePpm: 12_345 },
      principal,
    );
    const quote = await trader(user).savings.redemptionQuote({ id });
    // 1.2345 % of it is 4.11499999995885 USDT: 4.115 kept, the last atom rounded up.
    const penalty = penaltyAtoms(principal, 12_345);
    expect(penalty).toBe(4_11500000n);
    expect(quote).toMatchObject({
      principal: "333.33333333",
      deduction: "4.115",
      returned: usdt(principal - penalty),
    });
    const redeemed = await trader(user).savings.redeem({ id });
    expect(redeemed).toMatchObject({
      status: "REDEEMED",
      redeemed: quote.returned,
      deduction: quote.deduction,
    });
    expect(redeemed.plans.every((p) => p.status === "CANCELLED")).toBe(true);
    await expectAvailable(user, usdt(1_000n * USDT - penalty));
  });

  it("takes back the interest already paid under FORFEIT_INTEREST; a paid plan stays paid", async () => {
    const { user, id } = await subscribed(
      "forfeit",
      { earlyRedemption: "FORFEIT_INTEREST" },
      500n * USDT,
    );
    // The payout run pays the first week's interest (as the payout job does: the engine, then the row).
    const [first] = await services.db.savingsPlan.findMany({
      where: { subscriptionId: id },
      orderBy: { seq: "asc" },
      take: 1,
    });
    if (!first) throw new Error("no plan");
    const interest = BigInt(first.interestAtoms.toFixed());
    const paid = await services.engine.send({
      type: "savings.payout",
      id: commandIds.savingsPayout(first.id),
      ts: Date.now(),
      business: "savings.payout",
      businessId: first.id,
      subscriptionId: id,
      interestAtoms: interest,
      principalAtoms: 0n,
    } as never);
    expect(paid.outcome.ok).toBe(true);
    await services.db.savingsPlan.update({
      where: { id: first.id },
      data: { status: "PAID", paidAt: new Date() },
    });
    await expectAvailable(user, usdt(500n * USDT + interest));

    const quote = await trader(user).savings.redemptionQuote({ id });
    expect(quote).toMatchObject({
      deduction: usdt(interest),
      returned: usdt(500n * USDT - interest),
    });
    const redeemed = await trader(user).savings.redeem({ id });
    expect(redeemed.plans.map((p) => p.status)).toEqual([
      "PAID",
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
    ]);
    expect(redeemed).toMatchObject({ deduction: usdt(interest), interestPaid: usdt(interest) });
    // The interest came and went: the user has exactly what they put in.
    await expectAvailable(user, "1000");
  });

  it("is refused where the product does not allow it, and nothing moves", async () => {
    const { user, id } = await subscribed(
      "not-allowed",
      { earlyRedemption: "NOT_ALLOWED" },
      100n * USDT,
    );
    for (const call of [
      () => trader(user).savings.redemptionQuote({ id }),
      () => trader(user).savings.redeem({ id }),
    ]) {
      const answer = await refusal(call());
      expect(answer.code).toBe("SAVINGS_REDEMPTION_NOT_ALLOWED");
      expect(answer.message).toMatch(/maturity/);
    }
    await expectAvailable(user, "900");
    expect((await trader(user).savings.subscription({ id })).status).toBe("ACTIVE");
  });

  it("returns the money once: a second redeem is refused as already redeemed", async () => {
    const { user, id } = await subscribed(
      "twice",
      { earlyRedemption: "FORFEIT_INTEREST" },
      250n * USDT,
    );
    await trader(user).savings.redeem({ id });
    await expectAvailable(user, "1000");
    const again = await refusal(trader(user).savings.redeem({ id }));
    expect(again.code).toBe("SAVINGS_STATE");
    expect(again.message).toMatch(/already redeemed/);
    // Still 1000 once the read model has caught up with anything a second command could do.
    await new Promise((r) => setTimeout(r, 300));
    expect(await availableOf(user)).toBe("1000");
  });

  it("sends one command for many concurrent redeems", async () => {
    const { user, id } = await subscribed(
      "concurrent",
      { earlyRedemption: "PENALTY", penaltyRatePpm: 10_000 },
      100n * USDT,
    );
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => trader(user).savings.redeem({ id })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === "rejected")
        expect((await refusal(Promise.reject(o.reason))).code).toBe("SAVINGS_STATE");
    }
    await expectAvailable(user, "999"); // 900 + 100 − 1 % of 100
  });

  it("shows another user nothing of it and lets them redeem nothing", async () => {
    const { user, id } = await subscribed("owner", { earlyRedemption: "PENALTY" }, 50n * USDT);
    const other = await newUser("stranger", 0n);
    for (const call of [
      () => trader(other).savings.subscription({ id }),
      () => trader(other).savings.redemptionQuote({ id }),
      () => trader(other).savings.redeem({ id }),
    ]) {
      expect((await refusal(call())).code).toBe("NOT_FOUND");
    }
    expect((await trader(user).savings.subscription({ id })).status).toBe("ACTIVE");
  });
});

describe("the books", () => {
  it("reconcile after every subscription and redemption above: the postings sum to zero", async () => {
    await expectBooksReconciled(services.db);
  });
});

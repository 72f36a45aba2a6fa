import type { Command } from "@exchange/core";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import {
  listPayoutRuns,
  requestPayoutRun,
  runPayouts,
  savingsPool,
} from "@exchange/domains/savings/payouts";
import { addDays, type Day, dayOf } from "@exchange/domains/savings/repayment-schedule";
import {
  listSubscriptionsAdmin,
  subscriptionAdminDetail,
} from "@exchange/domains/savings/savings-admin";
import { subscribe } from "@exchange/domains/savings/subscriptions";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { createTestSavingsInstance } from "@exchange/domains/testing/savings-fixtures";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { commandIds } from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  WorkerProcess,
} from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The payout run against a real engine (its savings module), the real worker (projector, and
 * the job queue that runs an operations request) and the sandbox's Postgres: what is due is
 * paid, a run twice or a rerun after a crash pays each plan once, a redeemed subscription's
 * plan is cancelled, and the ledger still sums to zero.
 */
/** USDT carries 8 places in the engine (seed data). */
const USDT = 10n ** 8n;
const TODAY: Day = dayOf(new Date());

let sandbox: EngineSandbox;
let engine: EngineProcess;
let worker: WorkerProcess;
let services: Services;

beforeAll(async () => {
  sandbox = await createEngineSandbox("payouts");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices({ ...sandbox, logLevel: "fatal" });
  await syncReferenceData(services.db, services.engine, services.clock.now());
}, 60_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

async function send(command: Record<string, unknown>) {
  return services.engine.send(command as unknown as Command);
}

/** A funded trader with one ACTIVE subscription of `amount` whole USDT to today's instance. */
async function subscribed(
  tag: string,
  options: { amount: bigint; payoutPeriod?: "WEEKLY" | "AT_MATURITY"; termDays?: number },
) {
  const user = await createTestUser(services.db, { tag });
  const deposit = await send({
    type: "balance.deposit",
    id: commandIds.deposit(`payouts-test:${user.id}`),
    ts: Date.now(),
    business: "test-deposit",
    businessId: `payouts-test:${user.id}`,
    userId: user.id,
    asset: "USDT",
    amountAtoms: 10_000n * USDT,
  });
  expect(deposit.outcome.ok).toBe(true);
  const { instanceId } = await createTestSavingsInstance(services.db, {
    annualRatePpm: 100_000,
    termDays: options.termDays ?? 30,
    payoutPeriod: options.payoutPeriod ?? "WEEKLY",
    dailyQuotaAtoms: 100_000n * USDT,
    maxAmountAtoms: 10_000n * USDT,
    day: TODAY,
  });
  const record = await subscribe(services, user.id, {
    instanceId,
    amount: String(options.amount),
    requestKey: crypto.randomUUID(),
  });
  expect(record.status).toBe("ACTIVE");
  const plans = await services.db.savingsPlan.findMany({
    where: { subscriptionId: record.id },
    orderBy: { seq: "asc" },
    select: { id: true, dueDate: true, interestAtoms: true, principalAtoms: true },
  });
  return {
    user,
    subscriptionId: record.id,
    amountAtoms: options.amount * USDT,
    plans: plans.map((p) => ({
      id: p.id,
      dueDate: dayOf(p.dueDate),
      interestAtoms: BigInt(p.interestAtoms.toFixed()),
      principalAtoms: BigInt(p.principalAtoms.toFixed()),
    })),
  };
}

/** The user's available USDT as the projector stores it, once it has caught up to `expected`. */
async function availableIs(userId: number, expected: bigint) {
  await eventually(async () => {
    const row = await services.db.accountBalance.findUnique({
      where: { userId_account_asset: { userId, account: "available", asset: "USDT" } },
    });
    expect(BigInt(row?.balanceAtoms.toFixed() ?? "0")).toBe(expected);
  });
}

async function planStatuses(subscriptionId: string) {
  const plans = await services.db.savingsPlan.findMany({
    where: { subscriptionId },
    orderBy: { seq: "asc" },
    select: { status: true, payoutRunId: true },
  });
  return plans.map((p) => p.status);
}

/**
 * How many engine commands credited each of these plans to a user in the ledger (once each,
 * always; the last plan's command posts its interest and its principal).
 */
async function creditsPerPlan(planIds: readonly string[]) {
  const rows = await services.db.$queryRaw<Array<{ business_id: string; commands: number }>>`
    SELECT business_id, count(DISTINCT seq)::int AS commands FROM ledger_postings
     WHERE business = 'savings.payout' AND user_id > 0 AND business_id = ANY(${[...planIds]})
     GROUP BY business_id`;
  return Object.fromEntries(rows.map((r) => [r.business_id, r.commands]));
}

async function ledgerSumsToZero() {
  await eventually(async () => {
    const rows = await services.db.$queryRaw<Array<{ asset: string; total: string }>>`
      SELECT asset, sum(amount_atoms)::text AS total FROM ledger_postings GROUP BY asset`;
    for (const row of rows) expect(row).toEqual({ asset: row.asset, total: "0" });
  });
}

const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("a payout run", () => {
  it("pays the plans due by its day, and a second run for that day pays nothing again", async () => {
    const { user, subscriptionId, plans, amountAtoms } = await subscribed("due", {
      amount: 1_000n,
    });
    const asOf = plans[1]?.dueDate ?? "";
    const first = await runPayouts(services, { asOf, trigger: "schedule" });
    expect(first).toMatchObject({ ok: true, error: null });
    expect(await planStatuses(subscriptionId)).toEqual([
      "PAID",
      "PAID",
      "PENDING",
      "PENDING",
      "PENDING",
    ]);
    const interest = sum(plans.slice(0, 2).map((p) => p.interestAtoms));
    expect(interest).toBeGreaterThan(0n);
    await availableIs(user.id, 10_000n * USDT - amountAtoms + interest);

    const second = await runPayouts(services, { asOf, trigger: "schedule" });
    expect(second).toMatchObject({ ok: true, plansPaid: 0 });
    await availableIs(user.id, 10_000n * USDT - amountAtoms + interest);
    expect(await creditsPerPlan(plans.slice(0, 2).map((p) => p.id))).toEqual(
      Object.fromEntries(plans.slice(0, 2).map((p) => [p.id, 1])),
    );
  });

  it("pays a plan whose row a crash left PENDING after the engine paid it, without paying twice", async () => {
    const { user, subscriptionId, plans, amountAtoms } = await subscribed("crash-row", {
      amount: 500n,
    });
    const asOf = plans[0]?.dueDate ?? "";
    const run = await runPayouts(services, { asOf, trigger: "schedule" });
    // The engine paid; the row is put back as if the process died before writing it.
    await services.db.savingsPlan.updateMany({
      where: { subscriptionId },
      data: { status: "PENDING", paidAt: null, payoutRunId: null },
    });
    const rerun = await runPayouts(services, { asOf, trigger: "schedule" });
    expect(rerun).toMatchObject({ ok: true, plansPaid: 1 });
    expect(run.runId).not.toBe(rerun.runId);
    expect(await planStatuses(subscriptionId)).toEqual([
      "PAID",
      "PENDING",
      "PENDING",
      "PENDING",
      "PENDING",
    ]);
    await availableIs(user.id, 10_000n * USDT - amountAtoms + (plans[0]?.interestAtoms ?? 0n));
    expect(await creditsPerPlan([plans[0]?.id ?? ""])).toEqual({ [plans[0]?.id ?? ""]: 1 });
  });

  it("stopped in the middle, then run again, pays every plan exactly once and matures", async () => {
    const subs = await Promise.all(
      ["mid-a", "mid-b", "mid-c"].map((tag) => subscribed(tag, { amount: 2_000n })),
    );
    const maturity = subs[0]?.plans.at(-1)?.dueDate ?? "";
    const stopped = runPayouts(
      services,
      { asOf: maturity, trigger: "operations" },
      {
        afterPlan: (handled) => {
          if (handled === 4) throw new Error("the process stopped");
        },
      },
    );
    await expect(stopped).rejects.toThrow("the process stopped");
    const rerun = await runPayouts(services, { asOf: maturity, trigger: "operations" });
    expect(rerun.ok).toBe(true);
    for (const { user, subscriptionId, plans } of subs) {
      expect(new Set(await planStatuses(subscriptionId))).toEqual(new Set(["PAID"]));
      const status = await services.db.savingsSubscription.findUniqueOrThrow({
        where: { id: subscriptionId },
        select: { status: true, endedAt: true },
      });
      expect(status.status).toBe("MATURED");
      expect(status.endedAt).not.toBeNull();
      // Principal back, every period's interest once.
      await availableIs(user.id, 10_000n * USDT + sum(plans.map((p) => p.interestAtoms)));
      const credits = await creditsPerPlan(plans.map((p) => p.id));
      expect(Object.values(credits)).toEqual(plans.map(() => 1));
    }
    await ledgerSumsToZero();
    const runs = await services.db.savingsPayoutRun.findMany({
      where: { asOf: new Date(`${maturity}T00:00:00Z`), trigger: "operations" },
      orderBy: { id: "asc" },
    });
    expect(runs.map((r) => [r.ok, r.error?.startsWith("the run stopped") ?? null])).toEqual([
      [false, true],
      [true, null],
    ]);
    const paidBy = await services.db.savingsPlan.findMany({
      where: { subscriptionId: { in: subs.map((s) => s.subscriptionId) } },
      select: { payoutRunId: true },
    });
    const runIds = new Set(runs.map((r) => r.id));
    expect(paidBy.every((p) => p.payoutRunId !== null && runIds.has(p.payoutRunId))).toBe(true);
  });

  it("cancels the plan of a subscription redeemed meanwhile, and pays the others", async () => {
    const redeemed = await subscribed("redeemed", { amount: 100n, payoutPeriod: "AT_MATURITY" });
    const other = await subscribed("not-redeemed", { amount: 100n, payoutPeriod: "AT_MATURITY" });
    // The engine closed the position; the redemption's rows are not written yet.
    const reply = await send({
      type: "savings.redeem",
      id: commandIds.savingsRedeem(redeemed.subscriptionId),
      ts: Date.now(),
      business: "savings.redeem",
      businessId: redeemed.subscriptionId,
      subscriptionId: redeemed.subscriptionId,
      forfeitInterest: true,
      penaltyAtoms: 0n,
    });
    expect(reply.outcome.ok).toBe(true);
    const asOf = redeemed.plans[0]?.dueDate ?? "";
    const run = await runPayouts(services, { asOf, trigger: "schedule" });
    expect(run).toMatchObject({ ok: true, plansCancelled: 1 });
    expect(await planStatuses(redeemed.subscriptionId)).toEqual(["CANCELLED"]);
    expect(await planStatuses(other.subscriptionId)).toEqual(["PAID"]);
    // The redemption's own rows, as its flow writes them.
    await services.db.savingsSubscription.update({
      where: { id: redeemed.subscriptionId },
      data: { status: "REDEEMED", endedAt: new Date() },
    });
    await ledgerSumsToZero();
  });
});

describe("the run log", () => {
  it("closes as interrupted a run a stopped process left open, once the next run starts", async () => {
    const left = await services.db.savingsPayoutRun.create({
      data: {
        asOf: new Date(`${TODAY}T00:00:00Z`),
        trigger: "schedule",
        startedAt: new Date(Date.now() - 2 * 3_600_000),
      },
    });
    const recent = await services.db.savingsPayoutRun.create({
      data: { asOf: new Date(`${TODAY}T00:00:00Z`), trigger: "schedule" },
    });
    await runPayouts(services, { asOf: TODAY, trigger: "schedule" });
    const closed = await services.db.savingsPayoutRun.findUniqueOrThrow({ where: { id: left.id } });
    const running = await services.db.savingsPayoutRun.findUniqueOrThrow({
      where: { id: recent.id },
    });
    expect(closed).toMatchObject({ ok: false, error: expect.stringMatching(/^interrupted/) });
    expect(closed.finishedAt).not.toBeNull();
    // Started minutes ago: it may still be running in another process.
    expect(running).toMatchObject({ ok: null, finishedAt: null });
    await services.db.savingsPayoutRun.delete({ where: { id: recent.id } });
  });
});

describe("what operations see", () => {
  it("runs payouts for a day on the worker's queue, by whom, with totals per asset", async () => {
    const { plans, user, subscriptionId } = await subscribed("operations", { amount: 300n });
    const staff = await services.db.staff.findFirstOrThrow({
      where: { roles: { has: "OPERATIONS" } },
    });
    const asOf = plans[0]?.dueDate ?? "";
    const { requestedAt } = await requestPayoutRun(services, { staffId: staff.id }, asOf);
    const run = await eventually(async () => {
      const { runs } = await listPayoutRuns(services, { limit: 20 });
      const mine = runs.find(
        (r) => r.trigger === "operations" && r.asOf === asOf && r.startedAt >= requestedAt,
      );
      expect(mine?.ok).toBe(true);
      return mine;
    }, 20_000);
    expect(run?.triggeredBy).toBe(staff.name);
    const totals = run?.totals.find((t) => t.asset === "USDT");
    expect(await planStatuses(subscriptionId)).toEqual([
      "PAID",
      "PENDING",
      "PENDING",
      "PENDING",
      "PENDING",
    ]);

    const audit = await services.db.auditLog.findFirst({
      where: { action: "savings.payouts.run", actorId: String(staff.id) },
      orderBy: { id: "desc" },
    });
    expect(audit?.after).toEqual({ asOf });

    const { subscriptions, total } = await listSubscriptionsAdmin(services, {
      email: user.email.slice(0, 20).toUpperCase(),
      offset: 0,
      limit: 10,
    });
    expect(total).toBe(1);
    expect(subscriptions[0]).toMatchObject({
      id: subscriptionId,
      email: user.email,
      amount: "300",
      annualRatePercent: "10",
      status: "ACTIVE",
    });
    const detail = await subscriptionAdminDetail(services, subscriptionId);
    expect(detail.plans[0]).toMatchObject({ status: "PAID", payoutRunId: run?.id });
    expect(detail.interestPaid).toBe(detail.plans[0]?.interest);
    expect(totals).toEqual({ asset: "USDT", interest: detail.plans[0]?.interest, principal: "0" });

    await eventually(async () => {
      const pool = (await savingsPool(services)).find((p) => p.asset === "USDT");
      expect(pool?.poolBalance).toBe(pool?.outstandingPrincipal);
      expect(pool?.interestExpense).not.toBe("0");
    });
  });

  it("refuses a run for a day more than a year away", async () => {
    const staff = await services.db.staff.findFirstOrThrow({
      where: { roles: { has: "OPERATIONS" } },
    });
    await expect(
      requestPayoutRun(services, { staffId: staff.id }, addDays(TODAY, 400)),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

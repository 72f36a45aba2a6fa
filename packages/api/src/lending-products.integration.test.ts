import { findAuditRows } from "@exchange/domains/audit/audit-repository";
import type { AppError } from "@exchange/domains/errors";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { eventually } from "@exchange/domains/testing/eventually";
import { staffActor } from "@exchange/domains/testing/test-services";
import { commandIds } from "@exchange/protocol";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Loan products and the loan pool (issue 19 parts 1, 2) against a real engine and worker (its
 * projector writes the pool's balance): operations create a product with the seed's lines and
 * read each line's LTV and price; a change of terms is a new version; every change is audited;
 * funding moves the engine's pool, a double submit moves it once, and defunding more than the
 * pool holds is refused with nothing moved.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let ops: Actor;
let finance: Actor;
let opsId: number;

const admin = (actor: Actor = ops) => callAdminApi(services, actor);

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return ((error as TRPCError).cause ?? error) as AppError;
}

/** The seed's worked example as operations type it: 80 % / 85 % / 83 % / 82 %. */
const SEED_TERMS = {
  name: "USDT against BTC, 7 days",
  collateralAsset: "BTC",
  loanAsset: "USDT",
  initialLtvPercent: "80",
  warningLinePercent: "85",
  liquidationLinePercent: "83",
  effectiveLiquidationLinePercent: "82",
  liquidationFeePercent: "2",
  interestPeriod: "HOUR" as const,
  ratePercent: "0.002",
  termDays: 7 as const,
  minLoan: "100",
  maxLoan: "250000",
  kycLevel: 1,
};

async function staffMember(role: "OPERATIONS" | "FINANCE") {
  const staff = await services.db.staff.create({
    data: {
      email: `lending-${role.toLowerCase()}-${crypto.randomUUID()}@test.local`,
      name: role,
      passwordHash: "x",
      roles: [role],
    },
    select: { id: true },
  });
  return staff.id;
}

/** The USDT pool as the admin page shows it, once the projector caught up with `balance`. */
async function usdtPoolShows(balance: string) {
  return eventually(async () => {
    const { pools } = await admin().lending.pool.list();
    const pool = pools.find((p) => p.asset === "USDT");
    expect(pool?.balance).toBe(balance);
    return pool;
  });
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("lending");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox);
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  opsId = await staffMember("OPERATIONS");
  ops = staffActor(opsId, "OPERATIONS");
  finance = staffActor(await staffMember("FINANCE"), "FINANCE");
}, 60_000);

afterAll(async () => {
  await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("loan products", () => {
  it("are created with the seed's lines, audited, each line beside its LTV and price", async () => {
    const created = await admin().lending.products.create(SEED_TERMS);
    expect(created).toMatchObject({ version: 1, enabled: true, termDays: 7, minLoan: "100" });

    const atThirtyThousand = await admin().lending.products.get({
      id: created.id,
      referencePrice: "30000",
    });
    expect(atThirtyThousand.referencePrice).toBe("30000");
    expect(
      atThirtyThousand.lines.map((l) => [l.line, l.linePercent, l.equivalentLtvPercent, l.price]),
    ).toEqual([
      ["warning", "85", "94.1177", "25500"],
      ["liquidation", "83", "96.3856", "24900"],
      ["effectiveLiquidation", "82", "97.561", "24600"],
    ]);

    const audit = await findAuditRows(services.db, {
      limit: 5,
      targetType: "loan_product",
      targetId: String(created.id),
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["lending.product.create", String(opsId)],
    ]);
  });

  it("keep the seed's demo products in the list", async () => {
    const names = (await admin().lending.products.list()).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(["USDT against BTC, 30 days", "USDT against ETH, open-ended"]),
    );
  });

  it("take new terms as a new version, keeping the old one, and enable and disable, audited", async () => {
    const { id } = await admin().lending.products.create({ ...SEED_TERMS, name: "Versioned" });
    const revised = await admin().lending.products.revise({
      ...SEED_TERMS,
      id,
      name: "Versioned",
      effectiveLiquidationLinePercent: "83",
      termDays: null,
    });
    expect(revised).toMatchObject({ version: 2, termDays: null });
    const versions = await admin().lending.products.versions({ id });
    expect(versions.map((v) => [v.version, v.effectiveLiquidationLinePercent, v.termDays])).toEqual(
      [
        [2, "83", null],
        [1, "82", 7],
      ],
    );
    expect((await admin().lending.products.setEnabled({ id, enabled: false })).enabled).toBe(false);
    // Disabling twice changes nothing and writes no second record.
    await admin().lending.products.setEnabled({ id, enabled: false });
    expect((await admin().lending.products.setEnabled({ id, enabled: true })).enabled).toBe(true);
    const audit = await findAuditRows(services.db, {
      limit: 10,
      targetType: "loan_product",
      targetId: String(id),
    });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      "lending.product.create",
      "lending.product.revise",
      "lending.product.disable",
      "lending.product.enable",
    ]);
  });

  it("refuse lines out of order, a pair without a market and unknown levels, writing nothing", async () => {
    const before = await services.db.loanProductVersion.count();
    const lines = await refusal(
      admin().lending.products.create({ ...SEED_TERMS, effectiveLiquidationLinePercent: "79" }),
    );
    expect(lines.message).toMatch(/effective liquidation line must be above the initial LTV/);
    const noMarket = await refusal(
      admin().lending.products.create({ ...SEED_TERMS, collateralAsset: "ETH", loanAsset: "BTC" }),
    );
    expect(noMarket.fieldErrors?.collateralAsset?.[0]).toBe(
      "There is no ETH/BTC market to sell collateral on.",
    );
    const level = await refusal(admin().lending.products.create({ ...SEED_TERMS, kycLevel: 99 }));
    expect(level.fieldErrors?.kycLevel?.[0]).toMatch(/highest KYC level/);
    expect(await services.db.loanProductVersion.count()).toBe(before);
  });

  it("are for operations: finance may not create one", async () => {
    const forbidden = await admin(finance)
      .lending.products.create(SEED_TERMS)
      .then(
        () => expect.fail("accepted"),
        (e: TRPCError) => e,
      );
    expect(forbidden.code).toBe("FORBIDDEN");
  });
});

describe("the loan pool", () => {
  it("is funded from the operator account once per request, audited once", async () => {
    const requestId = crypto.randomUUID();
    const fund = { requestId, asset: "USDT", amount: "100000" };
    expect(await admin().lending.pool.fund(fund)).toEqual({
      asset: "USDT",
      amount: "100000",
      repeated: false,
    });
    // A double submit of the same form, at once and later: answered from the engine's journal,
    // nothing moves again and no second record is written.
    const again = await Promise.all([
      admin().lending.pool.fund(fund),
      admin().lending.pool.fund(fund),
    ]);
    expect(again.map((r) => r.repeated)).toEqual([true, true]);
    const pool = await usdtPoolShows("100000");
    expect(pool).toMatchObject({
      outstandingPrincipal: "0",
      accruedInterest: "0",
      utilisationPercent: "0",
      insurance: "0",
    });
    const audit = await findAuditRows(services.db, {
      limit: 5,
      targetType: "loan_pool",
      targetId: "USDT",
    });
    expect(audit.map((a) => a.action)).toEqual(["lending.pool.fund"]);
  });

  it("refuses defunding more than it holds, moving nothing; gives back what it holds", async () => {
    const tooMuch = await refusal(
      admin().lending.pool.defund({
        requestId: crypto.randomUUID(),
        asset: "USDT",
        amount: "100000.00000001",
      }),
    );
    expect(tooMuch.code).toBe("INSUFFICIENT_BALANCE");
    expect(tooMuch.fieldErrors?.amount?.[0]).toMatch(/holds less than that/);

    // The engine refuses it too, whatever the read model said.
    const direct = await services.engine.send({
      type: "balance.transfer",
      id: commandIds.lendingPoolDefund(crypto.randomUUID()),
      ts: services.clock.now(),
      business: "lending.pool.defund",
      businessId: crypto.randomUUID(),
      asset: "USDT",
      amountAtoms: 200_000n * 10n ** 8n,
      from: { system: "loan" },
      to: { system: "operator" },
    });
    expect(direct.outcome.ok).toBe(false);

    await admin().lending.pool.defund({
      requestId: crypto.randomUUID(),
      asset: "USDT",
      amount: "40000",
    });
    await usdtPoolShows("60000");
  });

  it("moves only assets some product lends, in the asset's decimals", async () => {
    const notLent = await refusal(
      admin().lending.pool.fund({ requestId: crypto.randomUUID(), asset: "BTC", amount: "1" }),
    );
    expect(notLent.fieldErrors?.asset?.[0]).toBe("No loan product lends BTC.");
    const tooFine = await refusal(
      admin().lending.pool.fund({
        requestId: crypto.randomUUID(),
        asset: "USDT",
        amount: "1.000000001",
      }),
    );
    expect(tooFine.fieldErrors?.amount?.[0]).toMatch(/at most \d+ decimals/);
  });
});

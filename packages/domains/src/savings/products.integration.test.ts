/**
 * Savings products and their instances against the run's database, on a clock the test sets (in
 * 2031, so the days are this test's own whatever other tests generated). What operations and
 * traders would notice: a new product is offered today; generation, however often and however
 * concurrent, makes one instance per product and day; a revision leaves generated instances on
 * their version; a paused product gets no new instances but keeps its offers; traders see
 * exactly the instances whose window contains now.
 */
import { ManualClock } from "@exchange/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAuditRows } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { closeServices, testServices } from "../testing/test-services";
import { findInstanceById } from "./instance-repository";
import { generateInstances, listInstances, openInstances } from "./instances";
import { type CreateProductInput, ZCreateProductInput } from "./product-contracts";
import { createProduct, productVersions, reviseProduct, setProductStatus } from "./products";

const clock = new ManualClock(Date.parse("2031-01-15T12:00:00Z"));
let base: Services;
let services: Services;
let staffId: number;

const TERMS: CreateProductInput = ZCreateProductInput.parse({
  name: "USDT 30 days",
  asset: "USDT",
  annualRatePercent: "5.25",
  termDays: 30,
  payoutPeriod: "MONTHLY",
  dailyQuota: "100000",
  minAmount: "10",
  maxAmount: "5000",
  kycLevel: 1,
  earlyRedemption: "PENALTY",
  penaltyRatePercent: "1.5",
});

beforeAll(async () => {
  base = await testServices();
  services = { ...base, clock };
  const staff = await base.db.staff.findUniqueOrThrow({
    where: { email: "operations@exchange.local" },
    select: { id: true },
  });
  staffId = staff.id;
});
afterAll(() => closeServices(base));

const caller = () => ({ staffId, ip: "10.1.2.3" });

async function instancesOf(productId: number, from: string, to: string) {
  return listInstances(services, { productId, from, to });
}

describe("a new product", () => {
  it("is version 1, ACTIVE, audited, and offered from today to the end of next month", async () => {
    clock.set(Date.parse("2031-01-15T12:00:00Z"));
    const product = await createProduct(services, caller(), { ...TERMS, name: "New today" });
    expect(product).toMatchObject({
      version: 1,
      status: "ACTIVE",
      asset: "USDT",
      annualRatePercent: "5.25",
      dailyQuota: "100000",
      penaltyRatePercent: "1.5",
    });
    const instances = await instancesOf(product.id, "2031-01-01", "2031-03-31");
    expect(instances).toHaveLength(17 + 28);
    expect(instances[0]).toMatchObject({
      day: "2031-01-15",
      valueDate: "2031-01-16",
      maturityDate: "2031-02-15",
      version: 1,
      quota: "100000",
      subscribed: "0",
      remaining: "100000",
    });
    expect(instances.at(-1)?.day).toBe("2031-02-28");

    const offered = (await openInstances(services)).filter((i) => i.productId === product.id);
    expect(offered.map((i) => i.day)).toEqual(["2031-01-15"]);

    const audit = await findAuditRows(base.db, {
      limit: 5,
      targetType: "savings_product",
      targetId: String(product.id),
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["savings.product.create", String(staffId)],
    ]);
  });

  it("is refused with the field to fix when the asset or the level does not exist", async () => {
    const attempt = (input: Partial<CreateProductInput>) =>
      createProduct(services, caller(), { ...TERMS, ...input }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const noAsset = await attempt({ asset: "NOPE" });
    expect(noAsset).toBeInstanceOf(AppError);
    expect((noAsset as AppError).code).toBe(AppErrorCode.INVALID_INPUT);
    expect((noAsset as AppError).fieldErrors).toEqual({ asset: ["There is no asset NOPE."] });
    const noLevel = (await attempt({ kycLevel: 99 })) as AppError;
    expect(noLevel.fieldErrors?.kycLevel?.[0]).toMatch(/highest KYC level is \d/);
    const tooFine = (await attempt({ minAmount: "10.000000001" })) as AppError;
    expect(tooFine.fieldErrors).toEqual({ minAmount: ["USDT has at most 8 decimals."] });
  });
});

describe("generating a month", () => {
  it("creates one instance per day and product however often, even twice at once", async () => {
    clock.set(Date.parse("2031-01-15T12:00:00Z"));
    const product = await createProduct(services, caller(), { ...TERMS, name: "Generated" });
    const [first, second] = await Promise.all([
      generateInstances(services, "2031-03"),
      generateInstances(services, "2031-03"),
    ]);
    expect(first + second).toBeGreaterThanOrEqual(31);
    expect(await generateInstances(services, "2031-03")).toBe(0);
    const march = await instancesOf(product.id, "2031-03-01", "2031-03-31");
    expect(march.map((i) => i.day)).toEqual(
      Array.from({ length: 31 }, (_, i) => `2031-03-${String(i + 1).padStart(2, "0")}`),
    );
    // A month already over makes nothing: its windows are closed.
    expect(await generateInstances(services, "2030-12")).toBe(0);
  });

  it("leaves generated instances on their version after a revision", async () => {
    clock.set(Date.parse("2031-01-15T12:00:00Z"));
    const product = await createProduct(services, caller(), { ...TERMS, name: "Revised" });
    const revised = await reviseProduct(services, caller(), {
      ...TERMS,
      id: product.id,
      name: "Revised at 6 %",
      annualRatePercent: "6",
      dailyQuota: "50000",
    });
    expect(revised).toMatchObject({ version: 2, annualRatePercent: "6", asset: "USDT" });
    const february = await instancesOf(product.id, "2031-02-01", "2031-02-28");
    expect(february.every((i) => i.version === 1 && i.annualRatePercent === "5.25")).toBe(true);
    expect(february[0]?.quota).toBe("100000");

    await generateInstances(services, "2031-04");
    const april = await instancesOf(product.id, "2031-04-01", "2031-04-30");
    expect(april).toHaveLength(30);
    expect(april[0]).toMatchObject({ version: 2, annualRatePercent: "6", quota: "50000" });

    const versions = await productVersions(services, product.id);
    expect(versions.map((v) => [v.version, v.annualRatePercent, v.createdBy])).toEqual([
      [2, "6", "operations@exchange.local"],
      [1, "5.25", "operations@exchange.local"],
    ]);
    const audit = await findAuditRows(base.db, {
      limit: 5,
      targetType: "savings_product",
      targetId: String(product.id),
    });
    expect(audit[0]).toMatchObject({
      action: "savings.product.revise",
      before: { version: 1, annualRatePercent: "5.25" },
      after: { version: 2, annualRatePercent: "6" },
    });
  });

  it("gives a paused product no new instances; its offers stay until resumed", async () => {
    clock.set(Date.parse("2031-01-15T12:00:00Z"));
    const product = await createProduct(services, caller(), { ...TERMS, name: "Paused" });
    const paused = await setProductStatus(services, caller(), { id: product.id, status: "PAUSED" });
    expect(paused.status).toBe("PAUSED");
    await generateInstances(services, "2031-05");
    expect(await instancesOf(product.id, "2031-05-01", "2031-05-31")).toEqual([]);
    const offered = (await openInstances(services)).filter((i) => i.productId === product.id);
    expect(offered.map((i) => i.day)).toEqual(["2031-01-15"]);

    // Paused over a month end: resuming fills the current and the next month.
    clock.set(Date.parse("2031-03-02T08:00:00Z"));
    await setProductStatus(services, caller(), { id: product.id, status: "ACTIVE" });
    const resumed = await instancesOf(product.id, "2031-03-01", "2031-04-30");
    expect(resumed[0]?.day).toBe("2031-03-02");
    expect(resumed).toHaveLength(30 + 30);
    const actions = (
      await findAuditRows(base.db, {
        limit: 5,
        targetType: "savings_product",
        targetId: String(product.id),
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "savings.product.resume",
      "savings.product.pause",
      "savings.product.create",
    ]);
  });
});

describe("what traders are offered", () => {
  it("is the instance whose window contains the clock's now, sold out ones included", async () => {
    clock.set(Date.parse("2031-06-10T09:00:00Z"));
    const product = await createProduct(services, caller(), { ...TERMS, name: "Windows" });
    const offeredAt = async (iso: string) => {
      clock.set(Date.parse(iso));
      return (await openInstances(services)).filter((i) => i.productId === product.id);
    };
    expect((await offeredAt("2031-06-10T00:00:00.000Z")).map((i) => i.day)).toEqual(["2031-06-10"]);
    expect((await offeredAt("2031-06-10T23:59:59.999Z")).map((i) => i.day)).toEqual(["2031-06-10"]);
    const next = await offeredAt("2031-06-11T00:00:00.000Z");
    expect(next.map((i) => i.day)).toEqual(["2031-06-11"]);
    expect(await offeredAt("2031-06-09T23:59:59.999Z")).toEqual([]);
    expect(await offeredAt("2031-08-01T00:00:00.000Z")).toEqual([]);

    const id = next[0]?.id as number;
    const record = await findInstanceById(base.db, id);
    expect(record?.version.terms.assetCode).toBe("USDT");
    expect(record?.day).toBe("2031-06-11");

    // Sold out: still listed, nothing remaining.
    await base.db.savingsInstance.update({
      where: { id },
      data: { subscribedAtoms: "10000000000000" },
    });
    const soldOut = await offeredAt("2031-06-11T12:00:00Z");
    expect(soldOut[0]).toMatchObject({ subscribed: "100000", remaining: "0" });
  });
});

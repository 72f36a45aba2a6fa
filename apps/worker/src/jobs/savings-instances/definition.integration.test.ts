/**
 * The savings-instances job's run against the run's database, on a clock the test sets: a
 * product created in January gets March's instances from the job's first run in February;
 * running it again (a retry, two workers at once) creates nothing twice.
 */

import { listInstances } from "@exchange/domains/savings/instances";
import { ZCreateProductInput } from "@exchange/domains/savings/product-contracts";
import { createProduct } from "@exchange/domains/savings/products";
import type { Services } from "@exchange/domains/services";
import { closeServices, testServices } from "@exchange/domains/testing/test-services";
import { createLogger, ManualClock } from "@exchange/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerContext } from "../../worker-context";
import { savingsInstancesJob } from "./definition";

const clock = new ManualClock(Date.parse("2032-01-20T12:00:00Z"));
let services: Services;

beforeAll(async () => {
  services = { ...(await testServices()), clock };
});
afterAll(() => closeServices(services));

describe("the savings-instances job", () => {
  it("generates next month once the month turns, and nothing twice", async () => {
    const staff = await services.db.staff.findUniqueOrThrow({
      where: { email: "operations@exchange.local" },
    });
    const product = await createProduct(
      services,
      { staffId: staff.id },
      ZCreateProductInput.parse({
        name: "Job test",
        asset: "USDT",
        annualRatePercent: "4",
        termDays: 7,
        payoutPeriod: "AT_MATURITY",
        dailyQuota: "1000",
        minAmount: "1",
        maxAmount: "100",
        kycLevel: 0,
        earlyRedemption: "NOT_ALLOWED",
      }),
    );
    const march = () =>
      listInstances(services, { productId: product.id, from: "2032-03-01", to: "2032-03-31" });
    expect(await march()).toEqual([]);

    const context = { store: services.db, clock, log: createLogger("worker", "warn") };
    const run = savingsInstancesJob.build(context as unknown as WorkerContext);
    const job = { businessKey: "savings-instances:test", attempt: 1, commandId: (p: string) => p };
    clock.set(Date.parse("2032-02-01T01:00:00Z"));
    await run(job);
    expect(await march()).toHaveLength(31);
    await Promise.all([run(job), run(job)]);
    const again = await march();
    expect(again).toHaveLength(31);
    expect(new Set(again.map((i) => i.day)).size).toBe(31);
  });
});

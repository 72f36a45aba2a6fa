import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  API_RESPONSE_MS_MAX,
  CPU_SHARE_MAX,
  type InstanceVitals,
  type SeedFigure,
  seedFigures,
  systemFigures,
} from "./system-figures";

const quiet = systemFigures({
  ordersInWindow: 0,
  depositsCredited: 0,
  depositsFailed: 0,
  withdrawalDurationsMs: [],
  withdrawalsOverdue: 0,
});

const instance = (over: Partial<InstanceVitals> & { process: string }): InstanceVitals => ({
  cpuShare: 0.1,
  rssBytes: 100_000_000,
  hostMemoryShare: 0.5,
  diskShare: 0.4,
  ...over,
});

const byId = (figures: SeedFigure[]) => Object.fromEntries(figures.map((f) => [f.id, f]));

describe("seed 003 §8.3's figures against their lines", () => {
  it("lists every figure of the seed, each with its group", () => {
    const figures = seedFigures({ instances: [], networkMs: 1, business: quiet });
    expect(figures.map((f) => `${f.group}:${f.id}`)).toEqual([
      "system:cpu",
      "system:memory",
      "system:disk",
      "system:network",
      "application:apiResponse",
      "application:errorRate",
      "application:messageDelay",
      "application:dbQuery",
      "business:orders",
      "business:depositSuccess",
      "business:withdrawalProcessing",
    ]);
  });

  it("with nothing measured there is nothing to judge", () => {
    const figures = byId(seedFigures({ instances: [], networkMs: null, business: quiet }));
    for (const id of ["cpu", "apiResponse", "errorRate", "messageDelay", "network"]) {
      expect(figures[id]).toMatchObject({ value: null, within: null });
    }
  });

  it("judges the worst instance, the API over web, admin and gateway, and the engine's own", () => {
    const figures = byId(
      seedFigures({
        networkMs: 120,
        business: quiet,
        instances: [
          instance({ process: "worker", cpuShare: 0.9, diskShare: 0.2 }),
          instance({ process: "web", requests: { answered: 150, serverErrors: 1, p95Ms: 100 } }),
          instance({ process: "gateway", requests: { answered: 50, serverErrors: 2, p95Ms: 250 } }),
          // Not an API process: its requests are not the API's.
          instance({ process: "stream", requests: { answered: 1000, serverErrors: 0, p95Ms: 1 } }),
          instance({ process: "engine", commandP95Ms: 5, journalWriteP95Ms: 100 }),
        ],
      }),
    );
    expect(figures.cpu).toMatchObject({ value: 0.9, within: false });
    expect(figures.memory).toMatchObject({ value: 0.5, within: true });
    expect(figures.disk).toMatchObject({ value: 0.4, within: true });
    expect(figures.network).toMatchObject({ value: 120, within: false });
    expect(figures.apiResponse).toMatchObject({ value: 250, within: false });
    expect(figures.errorRate).toMatchObject({ value: 3 / 200, within: false });
    expect(figures.messageDelay).toMatchObject({ value: 5, within: true });
    expect(figures.dbQuery).toMatchObject({ value: 100, within: false });
  });

  it("a figure is within exactly when it is below its line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat({ max: 5_000 }), { minLength: 1, maxLength: 8 }),
        (cpuShares, p95s) => {
          const figures = byId(
            seedFigures({
              networkMs: 1,
              business: quiet,
              instances: [
                ...cpuShares.map((cpuShare) => instance({ process: "worker", cpuShare })),
                ...p95s.map((p95Ms) =>
                  instance({ process: "admin", requests: { answered: 1, serverErrors: 0, p95Ms } }),
                ),
              ],
            }),
          );
          expect(figures.cpu?.within).toBe(Math.max(...cpuShares) < CPU_SHARE_MAX);
          expect(figures.apiResponse?.within).toBe(Math.max(...p95s) < API_RESPONSE_MS_MAX);
        },
      ),
    );
  });

  it("carries the business figures and their judgement", () => {
    const business = systemFigures({
      ordersInWindow: 120,
      depositsCredited: 98,
      depositsFailed: 2,
      withdrawalDurationsMs: [60_000],
      withdrawalsOverdue: 0,
    });
    const figures = byId(seedFigures({ instances: [], networkMs: 1, business }));
    expect(figures.orders).toMatchObject({ value: 2, line: null, within: null });
    expect(figures.depositSuccess).toMatchObject({ value: 0.98, within: false });
    expect(figures.withdrawalProcessing).toMatchObject({ value: 60_000, within: true });
  });
});

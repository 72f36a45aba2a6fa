import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BucketCounts,
  bucketCounts,
  bucketDelta,
  bucketPercentile,
  counterDelta,
  createVitalsSampler,
  type RegistryLike,
  type SeriesValue,
  slidingBaseline,
  ZProcessVitals,
} from "./process-vitals";

const BOUNDS = [0.001, 0.01, 0.1, 1, Number.POSITIVE_INFINITY];

/** Cumulative bucket counts of observations, as a histogram keeps them. */
function cumulative(observations: readonly number[]): BucketCounts {
  return new Map(BOUNDS.map((le) => [le, observations.filter((o) => o <= le).length]));
}

const observation = fc.constantFrom(0.0005, 0.005, 0.05, 0.5, 5);

describe("vitals from a histogram's buckets", () => {
  it("sums each bound over label sets and skips _sum and _count", () => {
    const values: SeriesValue[] = [
      { value: 1, labels: { le: 0.1, route: "a" }, metricName: "x_bucket" },
      { value: 2, labels: { le: 0.1, route: "b" }, metricName: "x_bucket" },
      { value: 3, labels: { le: "+Inf", route: "b" }, metricName: "x_bucket" },
      { value: 9, labels: { route: "b" }, metricName: "x_count" },
    ];
    expect(bucketCounts(values)).toEqual(
      new Map([
        [0.1, 3],
        [Number.POSITIVE_INFINITY, 3],
      ]),
    );
  });

  it("the delta of two readings is the buckets of what was observed between them", () => {
    fc.assert(
      fc.property(fc.array(observation), fc.array(observation), (before, between) => {
        const delta = bucketDelta(cumulative([...before, ...between]), cumulative(before));
        expect(delta).toEqual(cumulative(between));
      }),
    );
  });

  it("after a reset the whole reading counts", () => {
    expect(bucketDelta(cumulative([0.5]), cumulative([0.5, 0.5, 5]))).toEqual(cumulative([0.5]));
  });

  it("the percentile is the upper bound of the bucket holding it: never below, one bucket above at most", () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1 }), (observations) => {
        const sorted = [...observations].sort((a, b) => a - b);
        const exact = sorted[Math.ceil(0.95 * sorted.length) - 1] ?? 0;
        const p95 = bucketPercentile(cumulative(observations), 0.95);
        if (exact > 1) expect(p95).toBe(1);
        else expect(p95).toBe(BOUNDS.find((le) => exact <= le));
      }),
    );
  });

  it("nothing observed has no percentile", () => {
    expect(bucketPercentile(cumulative([]), 0.95)).toBeNull();
  });

  it("a counter's gain, and a reset", () => {
    expect(counterDelta(10, undefined)).toBe(10);
    expect(counterDelta(15, 10)).toBe(5);
    expect(counterDelta(3, 10)).toBe(3);
  });
});

describe("the window's baseline", () => {
  it("is the newest reading at least a window old, or the oldest kept", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 50 }), (gaps) => {
        const baseline = slidingBaseline<number>(30_000);
        let at = 0;
        const times: number[] = [];
        for (const gap of gaps) {
          at += gap;
          times.push(at);
          const answer = baseline(at, at);
          const old = times.filter((t) => t <= at - 30_000);
          expect(answer).toBe(old.length > 0 ? Math.max(...old) : times[0]);
        }
      }),
    );
  });
});

describe("the vitals sampler", () => {
  it("reads the process, the host and a registry's request series between two samples", async () => {
    let requests: SeriesValue[] = [];
    let buckets: SeriesValue[] = [];
    const registry: RegistryLike = {
      getSingleMetric(name) {
        if (name === "exchange_trpc_requests_total")
          return { get: async () => ({ values: requests }) };
        if (name === "exchange_trpc_request_seconds")
          return { get: async () => ({ values: buckets }) };
        return undefined;
      },
    };
    const sample = createVitalsSampler({ registry: () => registry });
    await sample();
    requests = [
      { value: 98, labels: { code: "OK" } },
      { value: 2, labels: { code: "INTERNAL_SERVER_ERROR" } },
    ];
    buckets = [
      { value: 90, labels: { le: 0.1 }, metricName: "exchange_trpc_request_seconds_bucket" },
      { value: 100, labels: { le: 0.25 }, metricName: "exchange_trpc_request_seconds_bucket" },
      { value: 100, labels: { le: "+Inf" }, metricName: "exchange_trpc_request_seconds_bucket" },
    ];
    const vitals = await sample();
    expect(ZProcessVitals.parse(vitals)).toEqual(vitals);
    expect(vitals.requests).toEqual({ answered: 100, serverErrors: 2, p95Ms: 250 });
    expect(vitals.rssBytes).toBeGreaterThan(0);
    expect(vitals.hostMemoryShare).toBeGreaterThan(0);
    expect(vitals.diskShare).not.toBeNull();
    expect(vitals.commandP95Ms).toBeUndefined();
  });
});

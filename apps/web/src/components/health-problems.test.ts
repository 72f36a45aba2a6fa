import { CONSUMER_LABELS } from "@exchange/api/client";
import { describe, expect, it } from "vitest";
import en from "../../messages/en/nav.json";
import { CONSUMER_KEYS, consumerKey, type HealthReport, healthProblems } from "./health-problems";

const healthy: HealthReport = {
  ok: true,
  database: { ok: true },
  engine: { ok: true },
  consumers: [{ name: "projector", ok: true, state: "running", processedSeq: 9 }],
};

describe("the footer's reading of the health report", () => {
  it("finds nothing wrong when the venue is up", () => {
    expect(healthProblems(healthy)).toEqual([]);
  });

  it("names the database, the engine, a silent consumer and where a stuck one is held", () => {
    const since = new Date("2026-12-06T08:02:37Z");
    const problems = healthProblems({
      ok: false,
      database: { ok: false },
      engine: { ok: false },
      consumers: [
        { name: "projector", ok: false, state: "stuck", processedSeq: 41, since },
        { name: "market-data", ok: false, state: "stuck", stuckSeq: 7 },
        { name: "worker", ok: false, state: "silent" },
        { name: "reconciliation", ok: true, state: "running" },
      ],
    });
    expect(problems).toEqual([
      { kind: "database" },
      { kind: "engine" },
      { kind: "stuck", consumer: "projector", seq: 42, since },
      { kind: "stuck", consumer: "market-data", seq: 7, since: undefined },
      { kind: "silent", consumer: "worker" },
    ]);
  });

  it("has words for every consumer the API names, and none left over", () => {
    expect(Object.keys(CONSUMER_KEYS).sort()).toEqual(Object.keys(CONSUMER_LABELS).sort());
    for (const key of Object.values(CONSUMER_KEYS)) {
      expect(en.status.consumers[key]).toBeTruthy();
    }
    expect(consumerKey("toString")).toBeNull();
    expect(consumerKey("new-consumer")).toBeNull();
  });

  it("says it in the same English words as the API's one-liner", () => {
    for (const [name, key] of Object.entries(CONSUMER_KEYS)) {
      expect(en.status.consumers[key]).toBe(CONSUMER_LABELS[name]?.toLowerCase());
    }
  });
});

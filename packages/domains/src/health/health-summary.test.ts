import { describe, expect, it } from "vitest";
import { type HealthLike, healthProblems } from "./health-summary";

const healthy: HealthLike = {
  ok: true,
  database: { ok: true },
  engine: { ok: true },
  consumers: [{ name: "projector", ok: true, state: "running", processedSeq: 9 }],
};

describe("reading a health report", () => {
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
});

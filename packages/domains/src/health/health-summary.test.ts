import { describe, expect, it } from "vitest";
import { healthSummary } from "./health-summary";

const up = { ok: true };
const healthy = {
  ok: true,
  database: up,
  engine: up,
  consumers: [{ name: "market-data", ok: true, state: "running", processedSeq: 90 }],
};

describe("the one-line health summary", () => {
  it("says all is well only when the report is ok", () => {
    expect(healthSummary(healthy)).toBe("All systems operational");
  });

  it("names a stuck consumer, its entry and since when", () => {
    const summary = healthSummary({
      ...healthy,
      ok: false,
      consumers: [
        {
          name: "market-data",
          ok: false,
          state: "stuck",
          processedSeq: 90,
          stuckSeq: 91,
          since: new Date("2026-12-04T20:31:05.123Z"),
        },
      ],
    });
    expect(summary).toBe("Degraded: market data stuck at sequence 91 since 20:31:05 UTC");
  });

  it("lists every problem: engine, database and a worker that stopped writing", () => {
    const summary = healthSummary({
      ok: false,
      database: { ok: false },
      engine: { ok: false },
      consumers: [{ name: "worker", ok: false, state: "silent" }],
    });
    expect(summary).toBe(
      "Degraded: database unreachable; matching engine offline; background worker not running",
    );
  });
});

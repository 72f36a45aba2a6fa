import { describe, expect, it } from "vitest";
import {
  anyFell,
  compareFigure,
  compareFigures,
  formatComparison,
  inferBetter,
  median,
  medianFigures,
  recordFigures,
} from "./compare-figures";

describe("median", () => {
  it("takes the middle run, whatever order the runs came in", () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  it("takes each figure's median over the runs that printed it, ignoring text", () => {
    const runs = [
      { ordersPerSec: 100, p99MsAt1k: 9, machine: "a" },
      { ordersPerSec: 300, p99MsAt1k: 3 },
      { ordersPerSec: 200 },
    ];
    expect(medianFigures(runs)).toEqual({ ordersPerSec: 200, p99MsAt1k: 3 });
  });
});

describe("compareFigure", () => {
  const throughput = { value: 1_000, better: "higher", tolerance: 0.1 } as const;
  const latency = { value: 10, better: "lower", tolerance: 0.1 } as const;

  it("says a throughput fell when it dropped beyond its tolerance, and by how much", () => {
    const row = compareFigure("ordersPerSec", throughput, 850);
    expect(row.verdict).toBe("fell");
    expect(row.change).toBeCloseTo(-0.15);
  });

  it("says a latency fell when it rose beyond its tolerance", () => {
    expect(compareFigure("p99Ms", latency, 11.5).verdict).toBe("fell");
    expect(compareFigure("p99Ms", latency, 8).verdict).toBe("improved");
  });

  it("lets a figure move the wrong way within its tolerance", () => {
    expect(compareFigure("ordersPerSec", throughput, 901).verdict).toBe("ok");
    expect(compareFigure("p99Ms", latency, 10.9).verdict).toBe("ok");
  });

  it("calls a gain beyond the tolerance an improvement, not a fall", () => {
    expect(compareFigure("ordersPerSec", throughput, 1_500).verdict).toBe("improved");
  });

  it("reports a recorded figure that was not measured as missing", () => {
    expect(compareFigure("ordersPerSec", throughput, undefined)).toMatchObject({
      verdict: "missing",
      measured: null,
    });
  });
});

describe("compareFigures", () => {
  it("lists recorded figures in the baseline's order, then new ones, and finds the fall", () => {
    const rows = compareFigures(
      {
        "engine.ordersPerSec": { value: 50_000, better: "higher", tolerance: 0.2 },
        "engine.p99MsAt1k": { value: 5, better: "lower", tolerance: 0.5 },
      },
      { "engine.p99MsAt1k": 9, "engine.ordersPerSec": 48_000, "ws.p99Ms": 40 },
    );
    expect(rows.map((row) => [row.name, row.verdict])).toEqual([
      ["engine.ordersPerSec", "ok"],
      ["engine.p99MsAt1k", "fell"],
      ["ws.p99Ms", "unrecorded"],
    ]);
    expect(anyFell(rows)).toBe(true);
    expect(anyFell(rows.slice(0, 1))).toBe(false);
  });

  it("prints what fell and by how much", () => {
    const rows = compareFigures(
      { "core.opsPerSec": { value: 4_000_000, better: "higher", tolerance: 0.2 } },
      { "core.opsPerSec": 3_000_000 },
    );
    const table = formatComparison(rows);
    expect(table).toMatch(/core\.opsPerSec\s+4000000\s+3000000\s+-25\.0 %\s+FELL/);
  });
});

describe("recording", () => {
  it("reads a figure's direction from its name, and leaves run descriptions out", () => {
    expect(inferBetter("ordersPerSec")).toBe("higher");
    expect(inferBetter("p99MsAt1k")).toBe("lower");
    expect(inferBetter("projectorLagMs")).toBe("lower");
    expect(inferBetter("replayedCommands")).toBeNull();
    expect(inferBetter("msgs")).toBeNull();
  });

  it("takes measured values, keeps each recorded direction and tolerance, and keeps the rest", () => {
    const next = recordFigures(
      {
        "engine.ordersPerSec": { value: 6_000, better: "higher", tolerance: 0.3 },
        "api.ordersPerSec": { value: 150, better: "higher", tolerance: 0.2 },
      },
      { "engine.ordersPerSec": 50_000, "engine.p99MsAt1k": 4, "engine.ops": 20_000, "x.y": 1 },
      ["x.y"],
    );
    expect(next).toEqual({
      "engine.ordersPerSec": { value: 50_000, better: "higher", tolerance: 0.3 },
      "api.ordersPerSec": { value: 150, better: "higher", tolerance: 0.2 },
      "engine.p99MsAt1k": { value: 4, better: "lower", tolerance: 0.5 },
    });
  });
});

import { describe, expect, it } from "vitest";
import { type CheckInputs, failingChecks, passingChecks } from "./alert-checks";

const healthy: CheckInputs = {
  health: {
    database: { ok: true, latencyMs: 1 },
    engine: { ok: true, latencyMs: 2 },
    consumers: [{ name: "projector", ok: true, state: "running", processedSeq: 9, lag: 0 }],
  },
  reconciliation: { id: 4, ok: true, failure: null, differences: 0, chainShortfall: false },
  hotWallet: [],
  silentProcesses: [],
};

describe("the worker's checks as alerts", () => {
  it("finds nothing failing when the venue is up", () => {
    expect(failingChecks(healthy)).toEqual([]);
  });

  it("raises the engine, a stuck consumer, a reconciliation difference, a low hot wallet and a silent process", () => {
    const failing = failingChecks({
      health: {
        database: { ok: true, latencyMs: 1 },
        engine: { ok: false, latencyMs: 0, error: "timeout" },
        consumers: [
          { name: "projector", ok: false, state: "stuck", processedSeq: 40, stuckSeq: 41 },
          { name: "market-data", ok: true, state: "running" },
        ],
      },
      reconciliation: { id: 7, ok: false, failure: null, differences: 2, chainShortfall: false },
      hotWallet: [
        { chainKey: "evm-local", assetCode: "USDT", kind: "HOT_WALLET_LOW", message: "low" },
        { chainKey: "evm-local", assetCode: "ETH", kind: "DEPOSIT_REORGED", message: "reorg" },
      ],
      silentProcesses: [
        { process: "stream", instance: "host:12", lastBeatAt: new Date("2026-12-06T10:00:00Z") },
      ],
    });
    expect(failing.map((r) => r.key)).toEqual([
      "check:engine",
      "check:consumer:projector",
      "check:reconciliation",
      "check:hot-wallet:evm-local:USDT:HOT_WALLET_LOW",
      "check:process:stream@host:12",
    ]);
    expect(failing.every((r) => !r.ok && r.severity === "CRITICAL")).toBe(true);
    expect(failing.find((r) => r.key === "check:reconciliation")).toMatchObject({
      message: "Reconciliation #7 found 2 difference(s)",
    });
  });

  it("passes whatever of its families is no longer failing, and leaves other alerts alone", () => {
    const failingNow = failingChecks({
      ...healthy,
      health: { ...healthy.health, engine: { ok: false, latencyMs: 0 } },
    });
    const unresolved = ["check:engine", "check:consumer:projector", "log:worker:boom", "other"];
    expect(passingChecks(failingNow, unresolved)).toEqual([
      { key: "check:consumer:projector", ok: true },
    ]);
  });
});

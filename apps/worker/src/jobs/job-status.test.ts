import { describe, expect, it } from "vitest";
import { JobStatus } from "./job-status";

describe("a job's entry on the consumer board", () => {
  it("fails a step for a failed attempt, and takes the proved seq of a successful one", async () => {
    const status = new JobStatus("reconciliation", false);
    const step = status.step();
    status.settled({ ok: false, error: new Error("database gone") });
    await expect(step).rejects.toThrow("database gone");
    status.settled({ ok: true, result: { processedSeq: 42 } });
    await expect(status.step()).resolves.toBe(true);
    expect(status.processedSeq).toBe(42);
  });

  it("is done once a job run at start has succeeded, and stops when asked", async () => {
    const once = new JobStatus("reference-data", true);
    once.settled({ ok: true, result: {} });
    await expect(once.step()).resolves.toBe(false);

    const repeated = new JobStatus("reconciliation", false);
    const waiting = repeated.step();
    repeated.stop();
    await expect(waiting).resolves.toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ConsumerTracker, retryDelayMs } from "./consumer-tracker";

const retry = { firstDelayMs: 100, maxDelayMs: 5_000 };
const idle = { inHand: undefined, boundedSteps: true };

function tracker(stuckAlertMs = 30_000) {
  return new ConsumerTracker("projector", { stuckAlertMs, retry });
}

describe("retry backoff", () => {
  it("doubles from the first delay and never waits longer than the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map((n) => retryDelayMs(n, retry))).toEqual([
      100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000,
    ]);
  });
});

describe("a consumer failing on one entry", () => {
  it("retries with growing waits and turns stuck only after the alert threshold", () => {
    const t = tracker(30_000);
    const at = { processedSeq: 41, inHand: { fromSeq: 42, toSeq: 42 }, error: new Error("boom") };
    expect(t.stepFailed(0, at).retryInMs).toBe(100);
    expect(t.stepFailed(100, at).retryInMs).toBe(200);
    expect(t.status(29_999, { ...idle, processedSeq: 41 })).toMatchObject({
      state: "retrying",
      stuckSeq: 42,
      attempts: 2,
      error: "boom",
      failingSince: 0,
    });
    expect(t.status(30_000, { ...idle, processedSeq: 41 })).toMatchObject({
      state: "stuck",
      stuckSeq: 42,
    });
  });

  it("takes entries one at a time after a batch fails, so that the failure names its entry", () => {
    const t = tracker();
    expect(t.maxEntries(100, 5_000)).toBe(5_000);
    t.stepFailed(0, { processedSeq: 100, inHand: { fromSeq: 101, toSeq: 180 }, error: "x" });
    expect(t.maxEntries(100, 5_000)).toBe(1);
    t.stepSucceeded(101, true);
    expect(t.maxEntries(101, 5_000)).toBe(1);
    t.stepSucceeded(180, true);
    expect(t.maxEntries(180, 5_000)).toBe(5_000);
  });

  it("stays failing after a successful step that did not store the failed entry", () => {
    const t = tracker(1_000);
    t.stepFailed(0, { processedSeq: 7, inHand: { fromSeq: 8, toSeq: 8 }, error: "x" });
    t.stepSucceeded(7, true);
    expect(t.status(2_000, { ...idle, processedSeq: 7 }).state).toBe("stuck");
  });

  it("recovers once the failed entry is stored", () => {
    const t = tracker(1_000);
    t.stepFailed(0, { processedSeq: 7, inHand: { fromSeq: 8, toSeq: 8 }, error: "x" });
    t.stepSucceeded(8, true);
    expect(t.status(5_000, { ...idle, processedSeq: 8 })).toEqual({
      name: "projector",
      processedSeq: 8,
      state: "running",
    });
  });

  it("recovers from a failure without an entry in hand on the next successful step", () => {
    const t = tracker(1_000);
    t.stepFailed(0, { processedSeq: 7, inHand: undefined, error: "database down" });
    t.stepSucceeded(7, true);
    expect(t.status(5_000, { ...idle, processedSeq: 7 }).state).toBe("running");
  });

  it("keeps the time of the first failure while the position does not move", () => {
    const t = tracker(1_000);
    const at = { processedSeq: 7, inHand: { fromSeq: 8, toSeq: 8 }, error: "x" };
    t.stepFailed(0, at);
    t.stepFailed(600, at);
    t.stepFailed(1_200, at);
    expect(t.status(1_200, { ...idle, processedSeq: 7 })).toMatchObject({
      state: "stuck",
      failingSince: 0,
      attempts: 3,
    });
  });
});

describe("a consumer blocked inside a step", () => {
  it("is stuck on the entry in hand once the step outlasts the threshold", () => {
    const t = tracker(1_000);
    t.stepStarted(0);
    const blocked = { processedSeq: 9, inHand: { fromSeq: 10, toSeq: 12 }, boundedSteps: true };
    expect(t.status(999, blocked).state).toBe("running");
    expect(t.status(1_000, blocked)).toMatchObject({ state: "stuck", stuckSeq: 10 });
  });

  it("is not judged by step time when its steps are timed jobs", () => {
    const t = tracker(1_000);
    t.stepStarted(0);
    expect(
      t.status(60_000, { processedSeq: 9, inHand: undefined, boundedSteps: false }).state,
    ).toBe("running");
  });

  it("says done once a one-shot job has finished", () => {
    const t = tracker();
    t.stepSucceeded(undefined, false);
    expect(
      t.status(0, { processedSeq: undefined, inHand: undefined, boundedSteps: false }).state,
    ).toBe("done");
  });
});

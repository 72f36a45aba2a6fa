import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emptyTally,
  NO_OPEN_POSITION,
  planActionOf,
  runSummary,
  tallyPlan,
  verdictOf,
} from "./payout-outcomes";
import { isDay, operationsRunKey, payoutRunKeyOf } from "./payouts";

const plan = (n: number, subscription = `s${n}`) => ({ id: `p${n}`, subscriptionId: subscription });

describe("what one plan's engine answer does to its row", () => {
  it("pays on accept, including a repeat of an earlier run's command", () => {
    expect(verdictOf({ kind: "accepted" })).toBe("paid");
  });

  it("cancels the plan when the position is closed (redeemed meanwhile)", () => {
    expect(verdictOf({ kind: "rejected", code: NO_OPEN_POSITION, message: "no position" })).toBe(
      "cancelled",
    );
  });

  it("leaves the plan for the retry on any other refusal or a timeout", () => {
    expect(verdictOf({ kind: "rejected", code: 600, message: "insufficient" })).toBe("failed");
    expect(verdictOf({ kind: "rejected", code: 101, message: "unknown command" })).toBe("failed");
    expect(verdictOf({ kind: "timeout" })).toBe("failed");
  });

  it("sends a command only when there is something to pay", () => {
    expect(planActionOf({ interestAtoms: 0n, principalAtoms: 0n })).toBe("mark-paid");
    expect(planActionOf({ interestAtoms: 1n, principalAtoms: 0n })).toBe("send");
    expect(planActionOf({ interestAtoms: 0n, principalAtoms: 5n })).toBe("send");
  });
});

describe("a run's row at its end", () => {
  it("is ok with the plans it paid when nothing failed; a plan another run paid is not counted", () => {
    const tally = emptyTally();
    tallyPlan(tally, plan(1), { verdict: "paid", newlyPaid: true });
    tallyPlan(tally, plan(2), { verdict: "paid", newlyPaid: false });
    tallyPlan(tally, plan(3), { verdict: "cancelled" });
    expect(runSummary(tally)).toEqual({ ok: true, error: null, plansPaid: 1 });
    expect(tally.plansCancelled).toBe(1);
  });

  it("is not ok and names the failed plans; their subscriptions' later plans wait", () => {
    const tally = emptyTally();
    tallyPlan(tally, plan(1), { verdict: "paid", newlyPaid: true });
    tallyPlan(tally, plan(2, "sub-b"), { verdict: "failed", reason: "the engine did not answer" });
    const summary = runSummary(tally);
    expect(summary.ok).toBe(false);
    expect(summary.plansPaid).toBe(1);
    expect(summary.error).toBe(
      "1 plan not paid: plan p2 of subscription sub-b: the engine did not answer",
    );
    expect(tally.held.has("sub-b")).toBe(true);
    expect(tally.held.has("s1")).toBe(false);
  });

  it("spells out at most five failures and counts the rest", () => {
    const tally = emptyTally();
    for (let n = 0; n < 8; n += 1) tallyPlan(tally, plan(n), { verdict: "failed", reason: "x" });
    const error = runSummary(tally).error ?? "";
    expect(error.startsWith("8 plans not paid: ")).toBe(true);
    expect(error.match(/plan p\d/g)).toHaveLength(5);
    expect(error.endsWith("; and 3 more")).toBe(true);
  });

  it("counts every plan exactly once whatever the mix of answers", () => {
    const outcome = fc.oneof(
      fc.record({ verdict: fc.constant("paid" as const), newlyPaid: fc.boolean() }),
      fc.constant({ verdict: "cancelled" as const }),
      fc.constant({ verdict: "failed" as const, reason: "r" }),
    );
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 50 }), (outcomes) => {
        const tally = emptyTally();
        for (const [n, o] of outcomes.entries()) tallyPlan(tally, plan(n), o);
        const paid = outcomes.filter((o) => o.verdict === "paid" && o.newlyPaid).length;
        const failed = outcomes.filter((o) => o.verdict === "failed").length;
        const summary = runSummary(tally);
        expect(summary.plansPaid).toBe(paid);
        expect(summary.ok).toBe(failed === 0);
        expect(tally.failures).toHaveLength(failed);
      }),
    );
  });
});

describe("a payout run's business key", () => {
  it("pays what is due by the UTC day of a scheduled run's slot", () => {
    expect(payoutRunKeyOf("savings-payouts:2026-12-06T00:05:00.000Z")).toEqual({
      trigger: "schedule",
      asOf: "2026-12-06",
    });
  });

  it("reads the day and request of an operations run", () => {
    const id = "0b6f6a63-3f3c-4a43-9d2f-0f5f1c1b2a3d";
    expect(payoutRunKeyOf(operationsRunKey("2027-02-28", id))).toEqual({
      trigger: "operations",
      asOf: "2027-02-28",
      requestId: id,
    });
  });

  it("refuses anything else, and days that do not exist", () => {
    for (const key of [
      "savings-payouts:2026-02-30T00:05:00.000Z",
      "savings-payouts:2026-12-06",
      "reconciliation:2026-12-06T00:05:00.000Z",
      "savings-payouts:2026-13-01:operations:0b6f6a63-3f3c-4a43-9d2f-0f5f1c1b2a3d",
    ]) {
      expect(() => payoutRunKeyOf(key)).toThrow(/not a payout run's key/);
    }
  });

  it("knows real calendar days, leap days included", () => {
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2027-02-29")).toBe(false);
    expect(isDay("2026-12-6")).toBe(false);
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date("9999-12-31"), noInvalidDate: true }),
        (d) => isDay(d.toISOString().slice(0, 10)),
      ),
    );
  });
});

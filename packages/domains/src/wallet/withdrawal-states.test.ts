import { WITHDRAWAL_END_STATUSES, WITHDRAWAL_STATUSES } from "@exchange/contracts/wallet";
import { describe, expect, it } from "vitest";
import { canMoveWithdrawal, engineActionOf, WITHDRAWAL_TRANSITIONS } from "./withdrawal-states";

describe("the withdrawal state machine", () => {
  it("lets nothing leave an end state, and every end state moves money once", () => {
    for (const end of WITHDRAWAL_END_STATUSES) {
      expect(WITHDRAWAL_TRANSITIONS[end]).toEqual([]);
      expect(engineActionOf(end)).toBeDefined();
    }
    const live = WITHDRAWAL_STATUSES.filter((s) => !WITHDRAWAL_END_STATUSES.includes(s));
    for (const status of live) expect(engineActionOf(status)).toBeUndefined();
  });

  it("settles only what was confirmed on chain, and lets the user cancel only before approval", () => {
    expect(engineActionOf("CONFIRMED")).toBe("settle");
    expect(canMoveWithdrawal("PENDING_APPROVAL", "CANCELLED")).toBe(true);
    expect(canMoveWithdrawal("APPROVED", "CANCELLED")).toBe(false);
    expect(canMoveWithdrawal("BROADCAST", "REJECTED")).toBe(false);
    expect(canMoveWithdrawal("APPROVED", "CONFIRMED")).toBe(false);
  });

  it("reaches every state from REQUESTED", () => {
    const seen = new Set(["REQUESTED"]);
    const queue = ["REQUESTED"] as (keyof typeof WITHDRAWAL_TRANSITIONS)[];
    while (queue.length > 0) {
      for (const next of WITHDRAWAL_TRANSITIONS[
        queue.shift() as keyof typeof WITHDRAWAL_TRANSITIONS
      ]) {
        if (!seen.has(next)) queue.push(next);
        seen.add(next);
      }
    }
    expect([...seen].sort()).toEqual([...WITHDRAWAL_STATUSES].sort());
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  flagsOf,
  RESTRICTION_KINDS,
  type RestrictedAction,
  restrictionStopping,
  restrictionsInForce,
} from "./restriction-rules";

const ACTIONS: RestrictedAction[] = [
  "placeOrder",
  "placeOco",
  "amendOrder",
  "cancelOrder",
  "requestWithdrawal",
  "approveWithdrawal",
  "cancelWithdrawal",
  "logIn",
];

describe("restriction rules", () => {
  it("a trading freeze stops new orders, OCO lists and amendments, never a cancel", () => {
    expect(restrictionStopping(["TRADING"], "placeOrder")).toBe("TRADING");
    expect(restrictionStopping(["TRADING"], "placeOco")).toBe("TRADING");
    expect(restrictionStopping(["TRADING"], "amendOrder")).toBe("TRADING");
    expect(restrictionStopping(["TRADING"], "cancelOrder")).toBeNull();
    expect(restrictionStopping(["TRADING"], "requestWithdrawal")).toBeNull();
    expect(restrictionStopping(["TRADING"], "logIn")).toBeNull();
  });

  it("a withdrawal freeze stops requests and finance's approval, not the user's cancel", () => {
    expect(restrictionStopping(["WITHDRAWALS"], "requestWithdrawal")).toBe("WITHDRAWALS");
    expect(restrictionStopping(["WITHDRAWALS"], "approveWithdrawal")).toBe("WITHDRAWALS");
    expect(restrictionStopping(["WITHDRAWALS"], "cancelWithdrawal")).toBeNull();
    expect(restrictionStopping(["WITHDRAWALS"], "placeOrder")).toBeNull();
  });

  it("nothing in force stops nothing; a cancel is never stopped by any restriction", () => {
    fc.assert(
      fc.property(
        fc.subarray([...RESTRICTION_KINDS]),
        fc.constantFrom(...ACTIONS),
        (kinds, action) => {
          const stopping = restrictionStopping(kinds, action);
          if (kinds.length === 0) expect(stopping).toBeNull();
          if (action === "cancelOrder" || action === "cancelWithdrawal") {
            expect(stopping).toBeNull();
          }
          if (stopping !== null) expect(kinds).toContain(stopping);
        },
      ),
    );
  });

  it("a suspension counts as the log-in restriction, and each flag follows its kind", () => {
    expect(restrictionsInForce(["TRADING", "TRADING"], "SUSPENDED")).toEqual(["TRADING", "LOGIN"]);
    expect(flagsOf(restrictionsInForce([], "ACTIVE"))).toEqual({
      tradingFrozen: false,
      withdrawalsFrozen: false,
      loginSuspended: false,
    });
    expect(flagsOf(restrictionsInForce(["WITHDRAWALS"], "SUSPENDED"))).toEqual({
      tradingFrozen: false,
      withdrawalsFrozen: true,
      loginSuspended: true,
    });
  });
});

import { describe, expect, it } from "vitest";
import { AppErrorCode } from "../errors";
import { rateDecision, rateLimitedError, retryAfterText } from "./rate-limit";

describe("rate-limit windows", () => {
  it("allows up to the limit and refuses the next, for the window's remaining time", () => {
    expect(rateDecision(1, 3, 60_000)).toEqual({ allowed: true });
    expect(rateDecision(3, 3, 60_000)).toEqual({ allowed: true });
    expect(rateDecision(4, 3, 42_000)).toEqual({ allowed: false, retryAfterMs: 42_000 });
  });

  it("never asks to wait less than a second (a key about to expire)", () => {
    expect(rateDecision(9, 3, 5)).toEqual({ allowed: false, retryAfterMs: 1_000 });
    expect(rateDecision(9, 3, -2)).toEqual({ allowed: false, retryAfterMs: 1_000 });
  });

  it("says how long to wait in words, rounded up", () => {
    expect(retryAfterText(14 * 60_000 + 1)).toBe("15 minutes");
    expect(retryAfterText(60_000)).toBe("1 minute");
    expect(retryAfterText(40_500)).toBe("41 seconds");
    expect(retryAfterText(1)).toBe("1 second");
  });

  it("answers RATE_LIMITED with the wait in the message and in seconds", () => {
    const error = rateLimitedError(14 * 60_000);
    expect(error.code).toBe(AppErrorCode.RATE_LIMITED);
    expect(error.message).toBe("Too many attempts. Please try again in 14 minutes.");
    expect(error.retryAfterS).toBe(840);
  });
});

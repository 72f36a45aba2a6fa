import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jobCommandId } from "./job-definition";
import { jobIdOf, retryDelayMs } from "./job-queue";

describe("retries of a job", () => {
  it("wait 100 ms first, then twice as long each time, never longer than the cap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 100, max: 600_000 }),
        (n, maxMs) => {
          const delay = retryDelayMs(n, maxMs);
          expect(delay).toBeLessThanOrEqual(maxMs);
          expect(retryDelayMs(n + 1, maxMs)).toBeGreaterThanOrEqual(delay);
          if (n === 1) expect(delay).toBe(Math.min(100, maxMs));
        },
      ),
    );
  });
});

describe("names derived from a business key", () => {
  it("give BullMQ an id without `:` and the engine one command id per key and part", () => {
    const key = fc.stringMatching(/^[a-z0-9:.-]{1,40}$/);
    fc.assert(
      fc.property(key, key, fc.constantFrom("deposit", "withdraw"), (a, b, part) => {
        expect(jobIdOf(a)).not.toContain(":");
        expect(jobIdOf(a) === jobIdOf(b)).toBe(a === b);
        expect(jobCommandId(a, part)).toBe(jobCommandId(a, part));
        expect(jobCommandId(a, part) === jobCommandId(b, part)).toBe(a === b);
      }),
    );
  });
});

import { hostileJsonValue } from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZTreasuryOverviewInput } from "./treasury.types";

describe("the hot-wallet page's input", () => {
  it("takes how many sweeps and alerts to list, 1 to 100 each, 20 when left out", () => {
    expect(ZTreasuryOverviewInput.parse(undefined)).toEqual({ sweeps: 20, alerts: 20 });
    expect(ZTreasuryOverviewInput.parse({ sweeps: 5 })).toEqual({ sweeps: 5, alerts: 20 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (s, a) => {
        expect(ZTreasuryOverviewInput.parse({ sweeps: s, alerts: a })).toEqual({
          sweeps: s,
          alerts: a,
        });
      }),
    );
  });

  it("refuses anything else, never answering an out-of-range page size", () => {
    const outOfRange = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 101 }),
      fc.double({ noInteger: true }),
      fc.string(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(outOfRange, (bad) => {
        expect(ZTreasuryOverviewInput.safeParse({ sweeps: bad }).success).toBe(false);
        expect(ZTreasuryOverviewInput.safeParse({ alerts: bad }).success).toBe(false);
      }),
    );
    fc.assert(
      fc.property(hostileJsonValue(), (value) => {
        const parsed = ZTreasuryOverviewInput.safeParse(value);
        if (parsed.success) {
          for (const n of [parsed.data.sweeps, parsed.data.alerts]) {
            expect(Number.isInteger(n) && n >= 1 && n <= 100).toBe(true);
          }
        }
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cursorOf, detailsOf, positionOf } from "./user-timeline";
import { ZTimelineInput } from "./user-timeline-contracts";

describe("timeline cursor", () => {
  it("names the same position it was made from, and passes the input schema", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("audit" as const, "deposit" as const, "withdrawal" as const),
        fc.oneof(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String), fc.uuid()),
        (at, source, id) => {
          const cursor = cursorOf({ at, source, id });
          expect(positionOf(cursor)).toEqual({ at, source, id });
          expect(ZTimelineInput.safeParse({ userId: 1, cursor }).success).toBe(true);
        },
      ),
    );
  });

  it("refuses text that is not a cursor, and bounds the page size", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = ZTimelineInput.safeParse({ userId: 1, cursor: text });
        if (parsed.success) expect(text).toMatch(/^\d+\.(audit|deposit|withdrawal)\./);
      }),
    );
    expect(ZTimelineInput.safeParse({ userId: 1, limit: 0 }).success).toBe(false);
    expect(ZTimelineInput.safeParse({ userId: 1, limit: 101 }).success).toBe(false);
    expect(ZTimelineInput.safeParse({ userId: 1, kinds: ["NOPE"] }).success).toBe(false);
  });
});

describe("timeline details", () => {
  it("shows scalar fields, an amount in the asset's decimals, and nothing nested", () => {
    const precisions = new Map([["USDT", 8]]);
    expect(
      detailsOf(
        { asset: "USDT", amountAtoms: "1050000000", status: "CREDITED", nested: { a: 1 } },
        precisions,
      ),
    ).toEqual([
      { name: "asset", value: "USDT" },
      { name: "amount", value: "10.5" },
      { name: "status", value: "CREDITED" },
    ]);
    expect(detailsOf(null, precisions)).toEqual([]);
    expect(detailsOf(["a"], precisions)).toEqual([]);
  });
});

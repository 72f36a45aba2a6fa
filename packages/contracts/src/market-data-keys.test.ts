import { MAX_UNITS } from "@exchange/core";
import { describe, expect, it } from "vitest";
import { levelField } from "./market-data-keys";

describe("levelField", () => {
  it("holds the largest price the core accepts, a price of 1 followed by 45 zeros stopped the job", () => {
    expect(levelField("sell", MAX_UNITS)).toBe(`a:${MAX_UNITS.toString().padStart(40, "0")}`);
    expect(levelField("buy", 10n ** 39n)).toHaveLength(42);
  });

  it("sorts as the prices do, across every width up to the maximum", () => {
    const prices = [MAX_UNITS, 1n, 10n ** 20n, 99n, 10n ** 20n - 1n];
    const sorted = [...prices].sort((a, b) => (a < b ? -1 : 1));
    expect(prices.map((p) => levelField("buy", p)).sort()).toEqual(
      sorted.map((p) => levelField("buy", p)),
    );
  });

  it("refuses what no field can hold rather than write a field out of order", () => {
    expect(() => levelField("buy", 10n ** 40n)).toThrow(RangeError);
  });
});

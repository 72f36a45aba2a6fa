import { describe, expect, it } from "vitest";
import { isUnfunded } from "./funding";

describe("when the wallet offers a first deposit", () => {
  it("offers it while every balance is zero, however many decimals the zero has", () => {
    expect(isUnfunded([])).toBe(true);
    expect(isUnfunded([{ total: "0" }, { total: "0.00000000" }])).toBe(true);
  });

  it("stops once any asset holds even one atom", () => {
    expect(isUnfunded([{ total: "0" }, { total: "0.00000001" }])).toBe(false);
    expect(isUnfunded([{ total: "150" }])).toBe(false);
  });
});

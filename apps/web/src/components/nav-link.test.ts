import { describe, expect, it } from "vitest";
import { isCurrentSection } from "./nav-link";

describe("the header's current section", () => {
  it("covers a section's sub-pages but not a look-alike prefix", () => {
    expect(isCurrentSection("/trade/BTCUSDT", "/trade")).toBe(true);
    expect(isCurrentSection("/wallet", "/wallet")).toBe(true);
    expect(isCurrentSection("/wallets", "/wallet")).toBe(false);
  });

  it("marks the front page only on the front page", () => {
    expect(isCurrentSection("/", "/")).toBe(true);
    expect(isCurrentSection("/markets", "/")).toBe(false);
  });
});

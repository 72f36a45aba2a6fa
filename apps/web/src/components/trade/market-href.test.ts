import { describe, expect, it } from "vitest";
import { marketHref } from "./market-href";

describe("marketHref", () => {
  it("sends BTCUSDT to the spot screen /trade/BTCUSDT", () => {
    expect(marketHref("BTCUSDT")).toBe("/trade/BTCUSDT");
  });
  it("sends BTCUSDT-PERP to the futures screen /futures/BTCUSDT-PERP", () => {
    expect(marketHref("BTCUSDT-PERP")).toBe("/futures/BTCUSDT-PERP");
  });
});

import { describe, expect, it } from "vitest";
import { channels, isSymbol } from "./channels";
import { ZSymbol } from "./wire";

describe("market symbols on the wire", () => {
  it("takes a spot market's symbol, BTCUSDT, and a perpetual's, BTCUSDT-PERP", () => {
    expect(isSymbol("BTCUSDT")).toBe(true);
    expect(isSymbol("BTCUSDT-PERP")).toBe(true);
    expect(ZSymbol.safeParse("BTCUSDT-PERP").success).toBe(true);
    expect(channels.markprice("BTCUSDT-PERP")).toBe("BTCUSDT-PERP@markprice");
  });

  it("refuses other dashes, lower case and an empty base: BTC-USDT, btcusdt, -PERP", () => {
    for (const text of ["BTC-USDT", "btcusdt", "-PERP", "BTCUSDT-PERP-PERP", "BTCUSDT-perp"]) {
      expect(isSymbol(text)).toBe(false);
    }
  });
});

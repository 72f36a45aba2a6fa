import { parseUnits } from "@exchange/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { channels } from "./channels";
import { encodeMarkPrice, ZMarkPricePush } from "./markprice";

describe("the mark price push", () => {
  it("carries the index as the mark price, to the quote asset's atom, funding fields null", () => {
    const push = ZMarkPricePush.parse(
      JSON.parse(
        JSON.stringify(
          encodeMarkPrice({
            symbol: "BTCUSDT",
            indexPriceAtoms: 30_000_500_000n,
            quotePrecision: 6,
            atMs: 1_700_000_000_000,
          }),
        ),
      ),
    );
    expect(push).toEqual({
      symbol: "BTCUSDT",
      markPrice: "30000.5",
      indexPrice: "30000.5",
      estimatedSettlePrice: null,
      fundingRate: null,
      nextFundingTime: null,
      time: new Date(1_700_000_000_000),
    });
    expect(channels.markprice("BTCUSDT")).toBe("BTCUSDT@markprice");
  });

  it("parses back to the same atoms and instant", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (atoms, precision, atMs) => {
          const wire = JSON.parse(
            JSON.stringify(
              encodeMarkPrice({
                symbol: "ETHUSDT",
                indexPriceAtoms: atoms,
                quotePrecision: precision,
                atMs,
              }),
            ),
          );
          const push = ZMarkPricePush.parse(wire);
          expect(parseUnits(push.indexPrice, precision)).toBe(atoms);
          expect(push.time.getTime()).toBe(atMs);
        },
      ),
    );
  });
});

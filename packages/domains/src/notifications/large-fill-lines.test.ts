import { compare, decimal } from "@exchange/contracts/money";
import { fuzz, hostileString } from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLargeFillLines } from "./large-fill-lines";

describe("large-fill lines (LARGE_FILL_NOTIONALS)", () => {
  it("reads a line per quote asset, in plain decimal text", () => {
    expect(parseLargeFillLines("USDT=50000, BTC=0.5")).toEqual([
      { quoteAsset: "USDT", minNotional: "50000" },
      { quoteAsset: "BTC", minNotional: "0.5" },
    ]);
    expect(parseLargeFillLines("")).toEqual([]);
    expect(parseLargeFillLines("USDT=.5")).toEqual([{ quoteAsset: "USDT", minNotional: "0.5" }]);
  });

  it.each([
    ["USDT", "not ASSET=amount"],
    ["usdt=5", "not ASSET=amount"],
    ["USDT=5=6", "not ASSET=amount"],
    ["USDT=0", "positive decimal"],
    ["USDT=-3", "positive decimal"],
    ["USDT=1e5", "positive decimal"],
    ["USDT=5,USDT=6", "two lines"],
  ])("refuses %s, saying why", (text, why) => {
    const lines = parseLargeFillLines(text);
    expect("problem" in lines && lines.problem).toContain(why);
  });

  it("gives back exactly the lines written, whatever they are", async () => {
    const line = fc.record({
      asset: fc.stringMatching(/^[A-Z0-9]{1,20}$/),
      whole: fc.bigInt({ min: 0n, max: 10n ** 20n }),
      fraction: fc.stringMatching(/^[0-9]{0,8}$/),
    });
    await fuzz(
      fc.property(fc.uniqueArray(line, { selector: (l) => l.asset, maxLength: 5 }), (lines) => {
        const written = lines.map((l) => ({
          ...l,
          amount: l.fraction ? `${l.whole}.${l.fraction}` : `${l.whole}`,
        }));
        const parsed = parseLargeFillLines(written.map((l) => `${l.asset}=${l.amount}`).join(","));
        const positive = written.every((l) => decimal(l.amount).units > 0n);
        if (!positive) {
          expect(parsed).toHaveProperty("problem");
          return;
        }
        expect(parsed).toHaveLength(written.length);
        written.forEach((l, i) => {
          const got = (parsed as { quoteAsset: string; minNotional: string }[])[i];
          expect(got?.quoteAsset).toBe(l.asset);
          expect(compare(decimal(got?.minNotional ?? ""), decimal(l.amount))).toBe(0);
        });
      }),
      300,
    );
  });

  it("answers any text with lines of clean codes and positive decimals, or a problem", async () => {
    await fuzz(
      fc.property(hostileString({ maxLength: 60 }), (text) => {
        const parsed = parseLargeFillLines(text);
        if ("problem" in parsed) return;
        for (const line of parsed) {
          expect(line.quoteAsset).toMatch(/^[A-Z0-9]{1,20}$/);
          expect(decimal(line.minNotional).units > 0n).toBe(true);
        }
      }),
      500,
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engineMarketConfig } from "./market-config";
import { checkMarketDraft, type MarketDraft } from "./market-draft";

const PRECISIONS = { base: 8, quote: 6 };

const DRAFT: MarketDraft = {
  baseAsset: "SOL",
  quoteAsset: "USDT",
  priceTick: "0.01",
  lotSize: "0.001",
  minQty: "0.001",
  maxQty: "10000",
  maxPrice: "1000000",
  minNotional: "5",
  maxNotional: "10000000",
  maxOpenOrders: 200,
  makerFeeRate: "0.001",
  takerFeeRate: "0.002",
  status: "PRE_OPEN",
};

function fieldsWrong(change: Partial<MarketDraft>): string[] {
  const checked = checkMarketDraft({ ...DRAFT, ...change }, PRECISIONS);
  return "fieldErrors" in checked ? Object.keys(checked.fieldErrors) : [];
}

describe("checkMarketDraft", () => {
  it("turns coherent terms into the market row, named base + quote, that the engine takes", () => {
    const checked = checkMarketDraft(DRAFT, PRECISIONS);
    if (!("market" in checked)) throw new Error(JSON.stringify(checked.fieldErrors));
    expect(checked.market).toMatchObject({
      symbol: "SOLUSDT",
      basePrecision: 8,
      status: "PRE_OPEN",
    });
    expect(engineMarketConfig(checked.market)).toMatchObject({
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: 100_000n,
      maxQtyLots: 10_000_000n,
      maxPriceTicks: 100_000_000n,
      makerFeePpm: 1_000,
      status: "preOpen",
    });
  });

  it.each([
    ["a tick that does not divide the maximum price", { priceTick: "0.03" }, "maxPrice"],
    ["a tick finer than the quote asset", { priceTick: "0.0000001" }, "priceTick"],
    ["a zero tick", { priceTick: "0" }, "priceTick"],
    ["a lot finer than the base asset", { lotSize: "0.000000001" }, "lotSize"],
    ["a lot larger than the maximum quantity", { lotSize: "20000", minQty: "20000" }, "lotSize"],
    ["a minimum quantity off the lot", { minQty: "0.0015" }, "minQty"],
    ["a maximum quantity off the lot", { maxQty: "10000.0005" }, "maxQty"],
    ["a maximum below the minimum", { minQty: "5", maxQty: "1" }, "maxQty"],
    ["a maximum notional below the minimum", { maxNotional: "4" }, "maxNotional"],
    ["a maximum notional of nothing", { maxNotional: "0", minNotional: "0" }, "maxNotional"],
    ["a fee above 10 %", { makerFeeRate: "0.15" }, "makerFeeRate"],
    ["a fee finer than a millionth", { takerFeeRate: "0.0000001" }, "takerFeeRate"],
    ["the same asset on both sides", { quoteAsset: "SOL" }, "quoteAsset"],
    ["no open orders allowed", { maxOpenOrders: 0 }, "maxOpenOrders"],
  ] as const)("refuses %s", (_, change, field) => {
    expect(fieldsWrong(change)).toContain(field);
  });

  it("refuses a lot whose value at one tick is a fraction of the quote's smallest unit", () => {
    // 0.00000001 SOL at 0.000001 USDT is 10^-14 USDT.
    const checked = checkMarketDraft(
      {
        ...DRAFT,
        priceTick: "0.000001",
        lotSize: "0.00000001",
        minQty: "0.00000001",
        maxPrice: "1",
      },
      PRECISIONS,
    );
    expect("fieldErrors" in checked && checked.fieldErrors.lotSize).toBeTruthy();
  });

  it("accepts only what the engine's units take, for any steps and limits (property)", () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 10 }))
      .map(([units, scale]) => {
        const text = units.toString().padStart(scale + 1, "0");
        return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
      });
    const draft = fc.record({
      priceTick: amount,
      lotSize: amount,
      minQty: amount,
      maxQty: amount,
      maxPrice: amount,
      minNotional: amount,
      maxNotional: amount,
    });
    fc.assert(
      fc.property(draft, (terms) => {
        const checked = checkMarketDraft({ ...DRAFT, ...terms }, PRECISIONS);
        if ("fieldErrors" in checked) return;
        // Accepted: every amount converts exactly, and the engine's rules hold.
        const config = engineMarketConfig(checked.market);
        expect(config.tickSizeAtoms > 0n && config.lotSizeAtoms > 0n).toBe(true);
        expect((config.tickSizeAtoms * config.lotSizeAtoms) % 10n ** 8n).toBe(0n);
        expect(config.minQtyLots > 0n && config.maxQtyLots >= config.minQtyLots).toBe(true);
        expect(config.maxNotionalAtoms >= config.minNotionalAtoms).toBe(true);
      }),
      { seed: 20_261_211, numRuns: 400 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CreateContractInput,
  MAX_CONTRACT_LEVERAGE,
  MAX_RISK_TIERS,
  ratePpm,
  ZCreateContractInput,
} from "./contract-listing-contracts";
import { contractSymbol, contractTerms } from "./contract-operations";

/** Binance's ETHUSDT tiers, roughly: what the seed lists. */
const ETH_TIERS = [
  { maxNotional: "50000", maintenanceRate: "0.005", maxLeverage: 100 },
  { maxNotional: "500000", maintenanceRate: "0.0065", maxLeverage: 75 },
  { maxNotional: "8000000", maintenanceRate: "0.01", maxLeverage: 50 },
  { maxNotional: "50000000", maintenanceRate: "0.02", maxLeverage: 25 },
  { maxNotional: "80000000", maintenanceRate: "0.05", maxLeverage: 10 },
];

const ETH = {
  baseAsset: "ETH",
  priceTick: "0.01",
  lotSize: "0.001",
  minQty: "0.001",
  maxQty: "10000",
  maxPrice: "1000000",
  minNotional: "5",
  maxNotional: "10000000",
  makerFeeRate: "0.0002",
  takerFeeRate: "0.0005",
  maxLeverage: 100,
  riskTiers: ETH_TIERS,
};

function problems(input: unknown): Record<string, string[]> {
  const parsed = ZCreateContractInput.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".");
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

describe("a perpetual contract's listing input", () => {
  it("takes ETHUSDT's terms with Binance-like defaults: USDT, 8 h funding, cap 0.3 %, interest 0.01 %, pre-open", () => {
    const parsed = ZCreateContractInput.parse(ETH);
    expect(parsed).toMatchObject({
      quoteAsset: "USDT",
      fundingIntervalHours: 8,
      fundingCap: "0.003",
      interestRate: "0.0001",
      status: "PRE_OPEN",
      maxOpenOrders: 200,
    });
    expect(contractSymbol(parsed)).toBe("ETHUSDT-PERP");
  });

  it("turns 0.5 % to 50 000 USDT into 5 000 ppm to 50 000 000 000 atoms of a 6-decimal USDT, 8 h into 28 800 000 ms", () => {
    const terms = contractTerms(ZCreateContractInput.parse(ETH), 6);
    expect(terms.riskTiers[0]).toEqual({
      maxNotionalAtoms: 50_000_000_000n,
      maintenanceMarginPpm: 5_000,
      maxLeverage: 100,
    });
    expect(terms).toMatchObject({
      maxLeverage: 100,
      fundingIntervalMs: 28_800_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
    });
  });

  it("refuses a settle asset other than USDT", () => {
    expect(Object.keys(problems({ ...ETH, quoteAsset: "BTC" }))).toEqual(["quoteAsset"]);
  });

  it("refuses leverage 0 and 126 on the contract and on a tier", () => {
    expect(problems({ ...ETH, maxLeverage: 0 }).maxLeverage).toBeDefined();
    expect(problems({ ...ETH, maxLeverage: 126 }).maxLeverage).toBeDefined();
    const tiers = [{ ...ETH_TIERS[0], maxLeverage: 126 }];
    expect(
      problems({ ...ETH, maxLeverage: 125, riskTiers: tiers })["riskTiers.0.maxLeverage"],
    ).toBeDefined();
  });

  it("refuses no tiers and eleven tiers", () => {
    expect(problems({ ...ETH, riskTiers: [] }).riskTiers).toEqual(["add at least one tier"]);
    const many = Array.from({ length: MAX_RISK_TIERS + 1 }, (_, i) => ({
      maxNotional: String((i + 1) * 1000),
      maintenanceRate: "0.005",
      maxLeverage: 100,
    }));
    expect(problems({ ...ETH, riskTiers: many }).riskTiers).toEqual(["at most 10 tiers"]);
  });

  it("names the cell of each broken tier rule: bound not ascending, rate falling, leverage rising", () => {
    const tiers = [
      { maxNotional: "50000", maintenanceRate: "0.005", maxLeverage: 50 },
      { maxNotional: "50000", maintenanceRate: "0.004", maxLeverage: 75 },
    ];
    expect(problems({ ...ETH, maxLeverage: 50, riskTiers: tiers })).toEqual({
      "riskTiers.1.maxNotional": ["must be above the tier before"],
      "riskTiers.1.maintenanceRate": ["must not be below the tier before"],
      "riskTiers.1.maxLeverage": ["must not be above the tier before"],
    });
  });

  it("refuses 1 % maintenance at 100× (liquidated the moment it opens) and takes 0.99 %", () => {
    const tier = (rate: string) => [
      { maxNotional: "50000", maintenanceRate: rate, maxLeverage: 100 },
    ];
    expect(problems({ ...ETH, riskTiers: tier("0.01") })).toEqual({
      "riskTiers.0.maintenanceRate": ["must be below 1 / 100 (the initial margin)"],
    });
    expect(problems({ ...ETH, riskTiers: tier("0.0099") })).toEqual({});
    expect(problems({ ...ETH, riskTiers: tier("0") })).toEqual({
      "riskTiers.0.maintenanceRate": ["must be above 0"],
    });
  });

  it("requires the first tier's leverage to be the contract's", () => {
    expect(problems({ ...ETH, maxLeverage: 125 })).toEqual({
      "riskTiers.0.maxLeverage": ["must be the contract's maximum leverage"],
    });
  });

  it("takes funding every 1, 4 or 8 hours and no other", () => {
    for (const hours of [1, 4, 8])
      expect(problems({ ...ETH, fundingIntervalHours: hours })).toEqual({});
    for (const hours of [0, 2, 24, 8.5]) {
      expect(Object.keys(problems({ ...ETH, fundingIntervalHours: hours }))).toEqual([
        "fundingIntervalHours",
      ]);
    }
  });

  it("refuses a funding cap of 0 or above 10 %, and interest beyond the cap either way", () => {
    expect(Object.keys(problems({ ...ETH, fundingCap: "0" }))).toEqual(["fundingCap"]);
    expect(Object.keys(problems({ ...ETH, fundingCap: "0.100001" }))).toEqual(["fundingCap"]);
    expect(Object.keys(problems({ ...ETH, interestRate: "0.004" }))).toEqual(["interestRate"]);
    expect(problems({ ...ETH, interestRate: "-0.003" })).toEqual({});
    expect(Object.keys(problems({ ...ETH, fundingCap: "0.0000001" }))).toEqual(["fundingCap"]);
  });

  it("reads rates as exact ppm, signed", () => {
    expect(ratePpm("0.0065")).toBe(6_500n);
    expect(ratePpm("-0.0001")).toBe(-100n);
    expect(ratePpm("0.1")).toBe(100_000n);
  });
});

/** Tiers as operations might type them: bounds, rates and leverages anywhere in the form's range. */
const arbitraryTier = fc.record({
  maxNotional: fc.bigInt({ min: 1n, max: 999_999_999_999n }).map(String),
  maintenanceRate: fc.integer({ min: 0, max: 999_999 }).map((ppm) => (ppm / 1e6).toFixed(6)),
  maxLeverage: fc.integer({ min: 1, max: MAX_CONTRACT_LEVERAGE }),
});

/** The core's rules (margin-math.ts riskTiersProblem) written out once more, as the oracle. */
function coreWouldTake(input: Pick<CreateContractInput, "riskTiers" | "maxLeverage">): boolean {
  const terms = contractTerms({ ...ZCreateContractInput.parse(ETH), ...input }, 6);
  const tiers = terms.riskTiers;
  if (tiers[0]?.maxLeverage !== input.maxLeverage) return false;
  return tiers.every((t, i) => {
    const before = tiers[i - 1];
    const own = t.maintenanceMarginPpm > 0 && t.maintenanceMarginPpm * t.maxLeverage < 1_000_000;
    if (before === undefined) return own;
    return (
      own &&
      t.maxNotionalAtoms > before.maxNotionalAtoms &&
      t.maintenanceMarginPpm >= before.maintenanceMarginPpm &&
      t.maxLeverage <= before.maxLeverage
    );
  });
}

describe("the listing input's tiers (property)", () => {
  it("accepts exactly the tiers the core's rules take, and names a riskTiers cell otherwise", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryTier, { minLength: 1, maxLength: MAX_RISK_TIERS }),
        fc.integer({ min: 1, max: MAX_CONTRACT_LEVERAGE }),
        fc.boolean(),
        (riskTiers, leverage, firstIsContract) => {
          const maxLeverage = firstIsContract ? (riskTiers[0]?.maxLeverage ?? leverage) : leverage;
          const parsed = ZCreateContractInput.safeParse({ ...ETH, riskTiers, maxLeverage });
          expect(parsed.success).toBe(coreWouldTake({ riskTiers, maxLeverage }));
          if (!parsed.success) {
            for (const issue of parsed.error.issues) expect(issue.path[0]).toBe("riskTiers");
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses any maintenance rate that is not a decimal of at most 6 places", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (rate) => {
        const tiers = [{ ...ETH_TIERS[0], maintenanceRate: rate }];
        const parsed = ZCreateContractInput.safeParse({ ...ETH, riskTiers: tiers });
        if (!/^\d+(\.\d{1,6})?$/.test(rate)) expect(parsed.success).toBe(false);
        if (parsed.success) expect(ratePpm(rate) * 100n).toBeLessThan(1_000_000n);
      }),
    );
  });
});

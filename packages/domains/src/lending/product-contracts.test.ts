import {
  extremeDecimal,
  extremeNumber,
  fuzz,
  hostileJsonValue,
  hostileString,
  idBeyondInt32,
  nearlyValidObject,
} from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utilisationPercent } from "./pool";
import { ZPoolMoveInput } from "./pool-contracts";
import {
  checkTermsForAssets,
  type LoanTermsContext,
  ZCreateLoanProductInput,
  ZLoanProductInput,
  ZReviseLoanProductInput,
} from "./product-contracts";
import { equivalentLtvPpm, percentToPpm } from "./product-lines";

/** The seed's BTC/USDT product, as operations would type it. */
const SEED_INPUT = {
  name: "BTC-backed USDT, 30 days",
  collateralAsset: "btc",
  loanAsset: "USDT",
  initialLtvPercent: "80",
  warningLinePercent: "85",
  liquidationLinePercent: "83",
  effectiveLiquidationLinePercent: "82",
  liquidationFeePercent: "2",
  interestPeriod: "DAY",
  ratePercent: "0.05",
  termDays: 30,
  minLoan: "100",
  maxLoan: "1000000",
  kycLevel: 1,
};

const USDT_ASSET = {
  code: "USDT",
  precision: 6,
  status: "ACTIVE",
  maxAmount: "1000000000",
} as const;
const CONTEXT: LoanTermsContext = {
  collateral: { code: "BTC", precision: 8, status: "ACTIVE", maxAmount: "1000000000" },
  loan: USDT_ASSET,
  marketExists: true,
  highestKycLevel: 2,
};

function fieldsOf(input: unknown): string[] {
  const parsed = ZCreateLoanProductInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
}

describe("a new loan product's terms", () => {
  it("takes the seed's product and stores it in ppm and USDT atoms", () => {
    const input = ZCreateLoanProductInput.parse(SEED_INPUT);
    const check = checkTermsForAssets(input, CONTEXT);
    expect(check).toEqual({
      ok: true,
      terms: {
        name: "BTC-backed USDT, 30 days",
        collateralAsset: "BTC",
        loanAsset: "USDT",
        initialLtvPpm: 800_000,
        warningLinePpm: 850_000,
        liquidationLinePpm: 830_000,
        effectiveLiquidationLinePpm: 820_000,
        liquidationFeePpm: 20_000,
        interestPeriod: "DAY",
        ratePpm: 500,
        termDays: 30,
        minLoanAtoms: 100_000_000n,
        maxLoanAtoms: 1_000_000_000_000n,
        kycLevel: 1,
      },
    });
  });

  it("allows open-ended loans and 7, 30 or 90 days, nothing else", () => {
    for (const termDays of [null, 7, 30, 90])
      expect(fieldsOf({ ...SEED_INPUT, termDays })).toEqual([]);
    for (const termDays of [0, 1, 31, 365, "30", undefined]) {
      expect(fieldsOf({ ...SEED_INPUT, termDays })).toContain("termDays");
    }
  });

  it("refuses lines out of order, each on its field", () => {
    expect(fieldsOf({ ...SEED_INPUT, warningLinePercent: "83" })).toEqual(["warningLinePercent"]);
    expect(fieldsOf({ ...SEED_INPUT, warningLinePercent: "100" })).toEqual(["warningLinePercent"]);
    expect(fieldsOf({ ...SEED_INPUT, effectiveLiquidationLinePercent: "84" })).toEqual([
      "effectiveLiquidationLinePercent",
    ]);
    expect(fieldsOf({ ...SEED_INPUT, initialLtvPercent: "82" })).toEqual([
      "effectiveLiquidationLinePercent",
    ]);
    expect(fieldsOf({ ...SEED_INPUT, initialLtvPercent: "0" })).toContain("initialLtvPercent");
  });

  it("refuses a minimum above the maximum, the same asset twice and fees or rates out of range", () => {
    expect(fieldsOf({ ...SEED_INPUT, minLoan: "1000001" })).toEqual(["minLoan"]);
    expect(fieldsOf({ ...SEED_INPUT, loanAsset: "BTC" })).toEqual(["loanAsset"]);
    expect(fieldsOf({ ...SEED_INPUT, liquidationFeePercent: "25" })).toEqual([
      "liquidationFeePercent",
    ]);
    expect(fieldsOf({ ...SEED_INPUT, ratePercent: "10.0001" })).toEqual(["ratePercent"]);
    expect(fieldsOf({ ...SEED_INPUT, ratePercent: "0.00001" })).toEqual(["ratePercent"]);
  });

  it("checks the assets, their market, the KYC level and the loan asset's decimals", () => {
    const input = ZCreateLoanProductInput.parse({
      ...SEED_INPUT,
      minLoan: "0.0000001",
      kycLevel: 3,
    });
    const check = checkTermsForAssets(input, { ...CONTEXT, marketExists: false });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.fieldErrors).sort()).toEqual([
      "collateralAsset",
      "kycLevel",
      "minLoan",
    ]);
    const missing = checkTermsForAssets(ZCreateLoanProductInput.parse(SEED_INPUT), {
      ...CONTEXT,
      collateral: null,
      loan: { ...USDT_ASSET, status: "DISABLED" },
    });
    expect(missing.ok ? [] : Object.keys(missing.fieldErrors).sort()).toEqual([
      "collateralAsset",
      "loanAsset",
    ]);
  });
});

describe("the pool's utilisation", () => {
  it("is outstanding over everything the pool was given, two decimals, rounded down", () => {
    expect(utilisationPercent(0n, 0n)).toBe("0");
    expect(utilisationPercent(0n, 1_000n)).toBe("0");
    expect(utilisationPercent(24_000n, 76_000n)).toBe("24");
    expect(utilisationPercent(1n, 2n)).toBe("33.33");
    expect(utilisationPercent(5n, 0n)).toBe("100");
  });
});

// ── Generated input ──────────────────────────────────────────────────────────────────────────

const plausible = fc.oneof(
  fc.constantFrom(1, 7, 30, 90, null, 0, -1, 2_147_483_648, true, "DAY", "HOUR", "WEEK"),
  fc.constantFrom("80", "85", "83", "82", "100", "0", "-1", "1e3", "", " 82.5 ", "x".repeat(81)),
  fc.constantFrom("BTC", "usdt", "ETH", " BTC ", crypto.randomUUID(), "not-a-uuid"),
  extremeDecimal(),
  hostileString({ maxLength: 40 }),
  extremeNumber(),
  idBeyondInt32(),
);

const input = (keys: string[]) =>
  fc.oneof(
    { arbitrary: nearlyValidObject(keys, plausible), weight: 8 },
    { arbitrary: hostileJsonValue(), weight: 1 },
  );

describe("lending inputs under generated input", () => {
  it("give the services lines in order and amounts they can parse, or refuse", async () => {
    const keys = [...Object.keys(SEED_INPUT), "id"];
    await fuzz(
      fc.property(input(keys), (raw) => {
        for (const schema of [ZCreateLoanProductInput, ZReviseLoanProductInput]) {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) continue;
          const terms = parsed.data;
          const initial = percentToPpm(terms.initialLtvPercent);
          const effective = percentToPpm(terms.effectiveLiquidationLinePercent);
          expect(initial).toBeGreaterThan(0);
          expect(percentToPpm(terms.warningLinePercent)).toBeLessThan(1_000_000);
          expect(equivalentLtvPpm(initial, effective)).toBeLessThanOrEqual(1_000_000);
          expect([null, 7, 30, 90]).toContain(terms.termDays);
        }
      }),
      2_000,
    );
  });

  it("give a pool move a UUID, a lent asset's code and a positive amount, or refuse", async () => {
    await fuzz(
      fc.property(input(["requestId", "asset", "amount", "id", "referencePrice"]), (raw) => {
        const move = ZPoolMoveInput.safeParse(raw);
        if (move.success) {
          expect(move.data.requestId).toMatch(/^[0-9a-f-]{36}$/i);
          expect(move.data.asset).toMatch(/^[A-Z0-9]{1,20}$/);
          expect(move.data.amount).toMatch(/^\d{1,30}(\.\d{1,18})?$/);
        }
        const product = ZLoanProductInput.safeParse(raw);
        if (product.success && product.data.referencePrice !== undefined) {
          expect(product.data.referencePrice).toMatch(/^\d{1,20}(\.\d{1,18})?$/);
        }
      }),
      2_000,
    );
  });
});

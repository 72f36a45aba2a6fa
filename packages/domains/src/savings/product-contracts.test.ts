import { compare, decimal, parseUnits } from "@exchange/contracts/money";
import {
  extremeDecimal,
  extremeNumber,
  fuzz,
  hostileJsonValue,
  hostileString,
  nearlyValidObject,
} from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CreateProductInput,
  checkTermsForAsset,
  ZCreateProductInput,
  ZListInstancesInput,
  ZReviseProductInput,
} from "./product-contracts";

/**
 * The products' inputs under generated values: a schema either refuses (a ZodError, answered as
 * a typed BAD_REQUEST naming the field) or hands the service terms within every bound; the
 * asset's check then either names the field or gives atoms the asset can hold.
 */

const VALID: CreateProductInput = {
  name: "USDT 30 days",
  asset: "USDT",
  annualRatePercent: "5.25",
  termDays: 30,
  payoutPeriod: "MONTHLY",
  dailyQuota: "100000",
  minAmount: "10",
  maxAmount: "5000",
  kycLevel: 1,
  earlyRedemption: "FORFEIT_INTEREST",
  penaltyRatePercent: "0",
};

const USDT = { code: "USDT", precision: 6, status: "ACTIVE" as const, maxAmount: "1000000000" };

const rate = fc.oneof(
  fc.constantFrom("0", "100", "100.0001", "5.25", "5.00001", "-1", "1e2", " 7 ", ""),
  fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 99_999 }))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
  extremeDecimal(),
);
const amount = fc.oneof(
  fc.constantFrom("0", "0.000001", "0.0000001", "10", "5000", "100000", "1000000001", "-5"),
  fc.bigInt({ min: 0n, max: 10n ** 12n }).map((units) => (Number(units) / 1e3).toString()),
  extremeDecimal(),
);

const FIELDS = {
  name: fc.oneof(fc.constantFrom("A", "x".repeat(80), "x".repeat(81)), hostileString()),
  asset: fc.constantFrom("USDT", "usdt", "BTC", "", "X".repeat(21)),
  annualRatePercent: rate,
  termDays: fc.oneof(fc.integer({ min: -5, max: 4000 }), extremeNumber()),
  payoutPeriod: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "AT_MATURITY", "YEARLY"),
  dailyQuota: amount,
  minAmount: amount,
  maxAmount: amount,
  kycLevel: fc.oneof(fc.integer({ min: -2, max: 5 }), extremeNumber()),
  earlyRedemption: fc.constantFrom("NOT_ALLOWED", "FORFEIT_INTEREST", "PENALTY", "SOMETIMES"),
  penaltyRatePercent: rate,
};
const fields = fc.record(FIELDS);
/** The valid terms with a few fields changed: most cases stay near the bounds. */
const nearValid = fc
  .record(FIELDS, { requiredKeys: [] })
  .map((changed) => ({ ...VALID, ...changed }));

const inputs = fc.oneof(
  { arbitrary: fields, weight: 6 },
  { arbitrary: nearValid, weight: 6 },
  { arbitrary: nearlyValidObject(Object.keys(VALID), fc.anything()), weight: 1 },
  { arbitrary: hostileJsonValue(), weight: 1 },
);

const percentAtMost100 = (text: string) => compare(decimal(text), decimal("100")) <= 0;

describe("a product's terms", () => {
  it("pass the schema only within every bound", async () => {
    await fuzz(
      fc.property(inputs, (raw) => {
        const parsed = ZCreateProductInput.safeParse(raw);
        if (!parsed.success) return;
        const t = parsed.data;
        expect(t.name.length).toBeGreaterThanOrEqual(1);
        expect(t.name.length).toBeLessThanOrEqual(80);
        expect(t.name).not.toContain("\u0000");
        expect(t.name).toBe(t.name.trim());
        expect(Number.isInteger(t.termDays) && t.termDays >= 1 && t.termDays <= 3650).toBe(true);
        for (const r of [t.annualRatePercent, t.penaltyRatePercent]) {
          expect(r).toMatch(/^\d{1,3}(\.\d{1,4})?$/);
          expect(percentAtMost100(r)).toBe(true);
        }
        const [min, max, quota] = [t.minAmount, t.maxAmount, t.dailyQuota].map(decimal);
        for (const value of [min, max, quota]) expect(value?.units).toBeGreaterThan(0n);
        expect(compare(min as never, max as never)).toBeLessThanOrEqual(0);
        expect(compare(max as never, quota as never)).toBeLessThanOrEqual(0);
        const penalty = decimal(t.penaltyRatePercent).units;
        expect(t.earlyRedemption === "PENALTY" ? penalty > 0n : penalty === 0n).toBe(true);
        expect(t.kycLevel).toBeGreaterThanOrEqual(0);
      }),
      3_000,
    );
  });

  it("fit the asset once checked against it, or name the field that does not", async () => {
    await fuzz(
      fc.property(inputs, fc.integer({ min: 0, max: 3 }), (raw, highestKycLevel) => {
        const parsed = ZCreateProductInput.safeParse(raw);
        if (!parsed.success) return;
        const check = checkTermsForAsset(parsed.data, {
          asset: parsed.data.asset === "USDT" ? USDT : null,
          highestKycLevel,
        });
        if (!check.ok) {
          expect(Object.keys(check.fieldErrors).length).toBeGreaterThan(0);
          return;
        }
        const { terms } = check;
        expect(terms.kycLevel).toBeLessThanOrEqual(highestKycLevel);
        expect(terms.minAmountAtoms).toBeGreaterThan(0n);
        expect(terms.minAmountAtoms).toBeLessThanOrEqual(terms.maxAmountAtoms);
        expect(terms.maxAmountAtoms).toBeLessThanOrEqual(terms.dailyQuotaAtoms);
        expect(terms.dailyQuotaAtoms).toBeLessThanOrEqual(parseUnits(USDT.maxAmount, 6));
        expect(terms.annualRatePpm).toBeLessThanOrEqual(1_000_000);
        expect(terms.minAmountAtoms).toBe(parseUnits(parsed.data.minAmount, 6));
      }),
      3_000,
    );
  });

  it("tell operations in words what to fix", () => {
    const errors = (input: Partial<CreateProductInput>) => {
      const parsed = ZCreateProductInput.safeParse({ ...VALID, ...input });
      return parsed.success ? {} : z4Fields(parsed.error.issues);
    };
    expect(errors({ name: "" }).name).toEqual(["Give the product a name."]);
    expect(errors({ annualRatePercent: "101" }).annualRatePercent).toEqual([
      "The annual rate is at most 100 %.",
    ]);
    expect(errors({ annualRatePercent: "5.123456" }).annualRatePercent?.[0]).toMatch(/4 decimals/);
    expect(errors({ termDays: 0 }).termDays).toEqual(["The term is at least 1 day."]);
    expect(errors({ minAmount: "6000" }).minAmount).toEqual([
      "The minimum cannot be above the maximum.",
    ]);
    expect(errors({ maxAmount: "200000", minAmount: "1" }).maxAmount).toEqual([
      "The maximum cannot be above the daily quota.",
    ]);
    expect(errors({ earlyRedemption: "PENALTY" }).penaltyRatePercent?.[0]).toMatch(/more than 0/);
    expect(errors({ penaltyRatePercent: "2" }).penaltyRatePercent?.[0]).toMatch(/leave it at 0/);
    expect(errors({ minAmount: "0" }).minAmount).toEqual(["The minimum must be more than 0."]);

    const fine = ZCreateProductInput.parse(VALID);
    const tooFine = checkTermsForAsset(
      { ...fine, minAmount: "0.0000001" },
      { asset: USDT, highestKycLevel: 3 },
    );
    expect(tooFine).toEqual({
      ok: false,
      fieldErrors: { minAmount: ["USDT has at most 6 decimals."] },
    });
    const disabled = checkTermsForAsset(fine, {
      asset: { ...USDT, status: "DISABLED" },
      highestKycLevel: 0,
    });
    expect(disabled).toEqual({
      ok: false,
      fieldErrors: { asset: ["USDT is disabled."], kycLevel: ["The highest KYC level is 0."] },
    });
    const huge = checkTermsForAsset(
      { ...fine, dailyQuota: "1000000001" },
      { asset: USDT, highestKycLevel: 3 },
    );
    expect(huge).toEqual({
      ok: false,
      fieldErrors: { dailyQuota: ["At most 1000000000 USDT."] },
    });
  });

  it("of a revision have no asset: the product keeps its own", () => {
    const { asset: _asset, ...terms } = VALID;
    const parsed = ZReviseProductInput.parse({ ...terms, asset: "BTC", id: 7 });
    expect(parsed).not.toHaveProperty("asset");
  });
});

describe("the instance list's range", () => {
  it("is real days, in order, at most a year", () => {
    expect(ZListInstancesInput.safeParse({ from: "2027-01-01", to: "2027-01-31" }).success).toBe(
      true,
    );
    expect(ZListInstancesInput.safeParse({ from: "2027-02-01", to: "2027-01-31" }).success).toBe(
      false,
    );
    expect(ZListInstancesInput.safeParse({ from: "2027-02-30", to: "2027-03-01" }).success).toBe(
      false,
    );
    expect(ZListInstancesInput.safeParse({ from: "2027-01-01", to: "2029-01-01" }).success).toBe(
      false,
    );
  });
});

function z4Fields(issues: { path: PropertyKey[]; message: string }[]) {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.join(".");
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

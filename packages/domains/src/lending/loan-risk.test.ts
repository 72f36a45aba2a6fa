import { describe, expect, it } from "vitest";
import {
  compareRisk,
  distancePpm,
  loanRiskFigures,
  type RiskInputs,
  settlementOf,
} from "./loan-risk";

const USDT = (whole: number | string) => BigInt(whole) * 10n ** 8n;
const BTC = USDT;

/** The seed's worked example: 1 BTC at 30 000, 80 % lends 24 000; lines 85 % and 82 %. */
const SEED: RiskInputs = {
  principalAtoms: USDT(24_000),
  interestAtoms: 0n,
  collateralAtoms: BTC(1),
  proceedsAtoms: 0n,
  collateralPrecision: 8,
  initialLtvPpm: 800_000,
  warningLinePpm: 850_000,
  effectiveLiquidationLinePpm: 820_000,
  indexPriceAtoms: USDT(30_000),
};

describe("a live loan's risk figures", () => {
  it("gives the seed's example: LTV 80 %, warning 25 500 (15 % away), liquidation 24 600 (18 % away)", () => {
    expect(loanRiskFigures(SEED)).toEqual({
      debtAtoms: USDT(24_000),
      owedAtoms: USDT(24_000),
      ltvPpm: 800_000n,
      warningPriceAtoms: USDT(25_500),
      liquidationPriceAtoms: USDT(24_600),
      bankruptcyPriceAtoms: USDT(24_000),
      warningDistancePpm: 150_000n,
      liquidationDistancePpm: 180_000n,
    });
  });

  it("shows a line already crossed as a negative distance", () => {
    const f = loanRiskFigures({ ...SEED, indexPriceAtoms: USDT(24_000) });
    expect(f.ltvPpm).toBe(1_000_000n);
    expect(f.warningDistancePpm).toBe(-62_500n);
    expect(f.liquidationDistancePpm).toBe(-25_000n);
  });

  it("counts accrued interest in the debt, raising the LTV and the lines", () => {
    const f = loanRiskFigures({ ...SEED, interestAtoms: USDT(240) });
    expect(f.debtAtoms).toBe(USDT(24_240));
    expect(f.ltvPpm).toBe(808_000n);
    expect(f.liquidationPriceAtoms).toBe(USDT(24_846));
  });

  it("judges a liquidating loan on what its proceeds do not yet pay", () => {
    const f = loanRiskFigures({
      ...SEED,
      collateralAtoms: BTC(1) / 2n,
      proceedsAtoms: USDT(12_000),
      indexPriceAtoms: USDT(22_000),
    });
    expect(f.owedAtoms).toBe(USDT(12_000));
    expect(f.bankruptcyPriceAtoms).toBe(USDT(24_000));
    expect(f.ltvPpm).toBe(1_090_910n);
  });

  it("has no LTV or distance without an index, and no LTV without collateral", () => {
    const none = loanRiskFigures({ ...SEED, indexPriceAtoms: null });
    expect([none.ltvPpm, none.warningDistancePpm, none.liquidationDistancePpm]).toEqual([
      null,
      null,
      null,
    ]);
    expect(none.liquidationPriceAtoms).toBe(USDT(24_600));
    expect(loanRiskFigures({ ...SEED, collateralAtoms: 0n }).ltvPpm).toBeNull();
  });

  it("rounds a distance toward zero", () => {
    expect(distancePpm(3n, 2n)).toBe(333_333n);
    expect(distancePpm(3n, 4n)).toBe(-333_333n);
  });
});

describe("the order of risk", () => {
  const at = new Date("2025-01-01T00:00:00Z");
  const row = (
    id: string,
    ltv: bigint | null,
    over: Partial<Parameters<typeof compareRisk>[0]>,
  ) => ({
    id,
    status: "OPEN",
    ltvPpm: ltv,
    liquidationDistancePpm: ltv === null ? null : 1_000_000n - ltv,
    openedAt: at,
    ...over,
  });

  it("puts liquidating loans first, then the highest LTV, loans without an index last", () => {
    const rows = [
      row("a", 400_000n, {}),
      row("b", null, {}),
      row("c", 810_000n, {}),
      row("d", 300_000n, { status: "LIQUIDATING" }),
      row("e", 805_000n, {}),
    ];
    expect(rows.sort(compareRisk).map((r) => r.id)).toEqual(["d", "c", "e", "a", "b"]);
  });

  it("breaks an equal LTV by the nearer liquidation line, then the older loan", () => {
    const later = new Date(at.getTime() + 1000);
    const rows = [
      row("far", 800_000n, { liquidationDistancePpm: 180_000n }),
      row("young", 800_000n, { liquidationDistancePpm: 100_000n, openedAt: later }),
      row("near", 800_000n, { liquidationDistancePpm: 100_000n }),
    ];
    expect(rows.sort(compareRisk).map((r) => r.id)).toEqual(["near", "young", "far"]);
  });
});

describe("a settled liquidation's split", () => {
  const loan = {
    userId: 7,
    collateralAsset: "BTC",
    loanAsset: "USDT",
    principalAtoms: USDT(24_000),
    interestAtoms: USDT(100),
    liquidationFeePpm: 20_000,
  };
  const p = (userId: number, account: string, asset: string, amountAtoms: bigint) => ({
    userId,
    account,
    asset,
    amountAtoms,
  });

  it("reads a surplus, the fee and the collateral returned from the engine's postings", () => {
    // Proceeds 25 000: principal 24 000, interest 100, fee 482 (2 % of 24 100), surplus 418.
    const postings = [
      p(7, "available", "USDT", -USDT(5_000)),
      p(0, "loanCollateral", "USDT", USDT(5_000)),
      p(0, "loanCollateral", "USDT", -USDT(25_000)),
      p(0, "loan", "USDT", USDT(24_000)),
      p(0, "loanIncome", "USDT", USDT(582)),
      p(7, "available", "USDT", USDT(418)),
      p(0, "loanCollateral", "BTC", -BTC(1) / 10n),
      p(7, "available", "BTC", BTC(1) / 10n),
    ];
    expect(settlementOf(postings, loan)).toEqual({
      shortfallAtoms: 0n,
      surplusAtoms: USDT(418),
      collateralReturnedAtoms: BTC(1) / 10n,
      feeAtoms: USDT(482),
      feeDueAtoms: USDT(482),
    });
  });

  it("reads a shortfall paid by insurance, with no fee and no surplus", () => {
    // Proceeds 21 000: principal 21 000 paid, 3 000 principal and 100 interest from insurance.
    const postings = [
      p(0, "loanCollateral", "USDT", -USDT(21_000)),
      p(0, "loan", "USDT", USDT(21_000)),
      p(0, "insurance", "USDT", -USDT(3_100)),
      p(0, "loan", "USDT", USDT(3_000)),
      p(0, "loanIncome", "USDT", USDT(100)),
    ];
    expect(settlementOf(postings, loan)).toMatchObject({
      shortfallAtoms: USDT(3_100),
      surplusAtoms: 0n,
      collateralReturnedAtoms: 0n,
      feeAtoms: 0n,
    });
  });
});

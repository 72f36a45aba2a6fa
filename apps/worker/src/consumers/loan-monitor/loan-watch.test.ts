import { describe, expect, it } from "vitest";
import {
  liquidationPriceAtoms,
  PairWatch,
  type WatchedLoan,
  warningPriceAtoms,
} from "./loan-watch";

/** USDT atoms (8 places) per whole BTC. */
const USDT = 10n ** 8n;
const BTC = 10n ** 8n;

/** The seed's worked example: 1 BTC at 30 000, 24 000 USDT borrowed, lines 85 % and 82 %. */
function seedLoan(loanId = "loan-1", overrides: Partial<WatchedLoan> = {}): WatchedLoan {
  return {
    loanId,
    userId: 7,
    collateralAsset: "BTC",
    loanAsset: "USDT",
    collateralPrecision: 8,
    loanPrecision: 8,
    status: "open",
    principalAtoms: 24_000n * USDT,
    interestAtoms: 0n,
    collateralAtoms: BTC,
    proceedsAtoms: 0n,
    initialLtvPpm: 800_000n,
    liquidationFeePpm: 20_000n,
    warningLinePpm: 850_000n,
    liquidationLinePpm: 820_000n,
    warned: false,
    ...overrides,
  };
}

describe("the loan monitor's view of a pair", () => {
  it("prices the seed's lines: warning at 25 500, liquidation at 24 600", () => {
    expect(warningPriceAtoms(seedLoan())).toBe(25_500n * USDT);
    expect(liquidationPriceAtoms(seedLoan())).toBe(24_600n * USDT);
  });

  it("warns at exactly the warning line, not a tick above it", () => {
    const watch = new PairWatch();
    watch.put(seedLoan());
    expect(watch.judge(25_500n * USDT + 1n).warn).toEqual([]);
    expect(watch.judge(25_500n * USDT).warn.map((l) => l.loanId)).toEqual(["loan-1"]);
  });

  it("warns once per crossing: not again while under the line, again after re-arming", () => {
    const watch = new PairWatch();
    watch.put(seedLoan());
    expect(watch.judge(25_400n * USDT).warn).toHaveLength(1);
    watch.markWarned("loan-1", true);
    expect(watch.judge(25_300n * USDT).warn).toEqual([]);
    expect(watch.judge(25_300n * USDT).rearm).toEqual([]);
    const back = watch.judge(26_000n * USDT);
    expect(back.rearm.map((l) => l.loanId)).toEqual(["loan-1"]);
    watch.markWarned("loan-1", false);
    expect(watch.judge(25_000n * USDT).warn).toHaveLength(1);
  });

  it("liquidates at the effective line (24 600), not at the stated one", () => {
    const watch = new PairWatch();
    watch.put(seedLoan());
    expect(watch.judge(24_900n * USDT).liquidate).toEqual([]);
    expect(watch.judge(24_600n * USDT).liquidate).toHaveLength(1);
  });

  it("looks only at the loans whose line the price reached, riskiest first", () => {
    const watch = new PairWatch();
    watch.put(seedLoan("safe", { principalAtoms: 10_000n * USDT }));
    watch.put(seedLoan("risky", { interestAtoms: 100n * USDT }));
    watch.put(seedLoan("middle"));
    const verdict = watch.judge(25_000n * USDT);
    expect(verdict.warn.map((l) => l.loanId)).toEqual(["risky", "middle"]);
    expect(verdict.liquidate).toEqual([]);
    expect(watch.judge(24_700n * USDT).liquidate.map((l) => l.loanId)).toEqual(["risky"]);
  });

  it("moves a loan's lines with its debt and collateral, and stops watching it once not open", () => {
    const watch = new PairWatch();
    watch.put(seedLoan());
    watch.put(seedLoan("loan-1", { collateralAtoms: 2n * BTC }));
    expect(watch.judge(24_000n * USDT).liquidate).toEqual([]);
    watch.put(seedLoan("loan-1", { status: "liquidating" }));
    expect(watch.size).toBe(0);
    expect(watch.judge(1n).liquidate).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { compareMarginRisk, fundingBalance, mergeInsuranceHistory } from "./risk-ranking";

describe("compareMarginRisk", () => {
  const at = (userId: number, symbol: string, ratio: bigint | null) => ({
    userId,
    symbol,
    marginRatioPpm: ratio,
  });

  it("puts a 95 % margin ratio before 40 % and 40 % before 2 %, a position without a figure last", () => {
    const sorted = [
      at(1, "BTCUSDT-PERP", 20_000n),
      at(2, "BTCUSDT-PERP", null),
      at(3, "BTCUSDT-PERP", 950_000n),
      at(4, "ETHUSDT-PERP", 400_000n),
    ].sort(compareMarginRisk);
    expect(sorted.map((p) => p.userId)).toEqual([3, 4, 1, 2]);
  });

  it("ranks a position past liquidation (no margin left, the core's sentinel) first", () => {
    const sorted = [at(1, "BTCUSDT-PERP", 999_999n), at(2, "BTCUSDT-PERP", 1_000_000_000n)].sort(
      compareMarginRisk,
    );
    expect(sorted.map((p) => p.userId)).toEqual([2, 1]);
  });

  it("breaks a tie by contract, then by trader, so every load reads the same", () => {
    const sorted = [
      at(9, "ETHUSDT-PERP", 500_000n),
      at(7, "BTCUSDT-PERP", 500_000n),
      at(5, "BTCUSDT-PERP", 500_000n),
    ].sort(compareMarginRisk);
    expect(sorted.map((p) => p.userId)).toEqual([5, 7, 9]);
  });
});

describe("fundingBalance", () => {
  it("longs paid 10.000001, shorts received 10, 0.000001 rounded to the venue: balanced, lines agree", () => {
    expect(
      fundingBalance({
        paidAtoms: 10_000_001n,
        receivedAtoms: 10_000_000n,
        roundingAtoms: 1n,
        linesNetAtoms: 1n,
      }),
    ).toEqual({ imbalanceAtoms: 0n, linesBalance: true });
  });

  it("says so when the totals create money or the positions' lines do not add up", () => {
    expect(
      fundingBalance({ paidAtoms: 10n, receivedAtoms: 12n, roundingAtoms: 0n, linesNetAtoms: -3n }),
    ).toEqual({ imbalanceAtoms: -2n, linesBalance: false });
  });
});

describe("mergeInsuranceHistory", () => {
  const line = (kind: "liquidation" | "loanShortfall", ref: string, ms: number) => ({
    kind,
    ref,
    amountAtoms: 1n,
    at: new Date(ms),
  });

  it("interleaves futures liquidations and loan shortfalls newest first, cut at the limit", () => {
    const merged = mergeInsuranceHistory(
      [line("liquidation", "2", 2_000), line("liquidation", "1", 500)],
      [line("loanShortfall", "a", 1_000), line("loanShortfall", "b", 2_000)],
      3,
    );
    expect(merged.map((l) => l.ref)).toEqual(["2", "b", "a"]);
  });
});

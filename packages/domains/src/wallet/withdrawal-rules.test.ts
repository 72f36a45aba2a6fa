import { parseAmount } from "@exchange/contracts/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  remainingLimit,
  requiredApprovalsOf,
  riskFlagsOf,
  usdtValueOf,
  withdrawalFeeAtoms,
} from "./withdrawal-rules";

const GWEI = 1_000_000_000n;
const d = (units: bigint, scale: number) => ({ units, scale });

describe("the withdrawal fee", () => {
  it("is gas × the chain's fee in ETH, rounded up to the asset's 8 decimals", () => {
    // 21 000 gas × 1.5 gwei = 0.0000315 ETH exactly = 3150 atoms.
    const fee = withdrawalFeeAtoms({
      kind: "NATIVE",
      feePerGasWei: 1_500_000_000n,
      precision: 8,
      floor: d(0n, 0),
    });
    expect(fee).toBe(3150n);
    // 21 000 × 1 wei is far under one atom (10^10 wei): rounded up to 1 atom, never down to 0.
    expect(
      withdrawalFeeAtoms({ kind: "NATIVE", feePerGasWei: 1n, precision: 8, floor: d(0n, 0) }),
    ).toBe(1n);
  });

  it("never goes below the floor", () => {
    const fee = withdrawalFeeAtoms({
      kind: "NATIVE",
      feePerGasWei: GWEI,
      precision: 8,
      floor: d(1n, 4), // 0.0001 ETH
    });
    expect(fee).toBe(10_000n);
  });

  it("prices a token's gas in the token at the ETH price, and falls back to the floor", () => {
    // 65 000 gas × 10 gwei = 0.00065 ETH × 3000 USDT = 1.95 USDT.
    const facts = { kind: "ERC20" as const, feePerGasWei: 10n * GWEI, precision: 8 };
    expect(withdrawalFeeAtoms({ ...facts, floor: d(1n, 0), nativePrice: d(3000n, 0) })).toBe(
      195_000_000n,
    );
    expect(withdrawalFeeAtoms({ ...facts, floor: d(1n, 0) })).toBe(100_000_000n);
  });

  it("is never below the floor and never below the exact chain cost (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        (feePerGasWei, floorAtoms) => {
          const fee = withdrawalFeeAtoms({
            kind: "NATIVE",
            feePerGasWei,
            precision: 8,
            floor: d(floorAtoms, 8),
          });
          expect(fee >= floorAtoms).toBe(true);
          // fee atoms × 10^10 wei ≥ the chain's cost in wei
          expect(fee * 10n ** 10n >= feePerGasWei * 21_000n).toBe(true);
        },
      ),
    );
  });
});

describe("a typed amount", () => {
  it("is atoms of the asset, or a named problem", () => {
    expect(parseAmount("1.5", 8)).toEqual({ atoms: 150_000_000n });
    expect(parseAmount("1.500000000", 8)).toEqual({ atoms: 150_000_000n });
    expect(parseAmount("0.000000001", 8)).toEqual({ problem: "too_many_decimals" });
    expect(parseAmount("0", 8)).toEqual({ problem: "not_positive" });
    expect(parseAmount("-1", 8)).toEqual({ problem: "not_positive" });
    for (const text of ["", "abc", "1e5", " 1", "1,5", "0x10", "."]) {
      expect(parseAmount(text, 8)).toEqual({ problem: "format" });
    }
  });

  it("never answers atoms for text it did not read exactly (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseAmount(text, 8);
        if ("atoms" in result) {
          expect(result.atoms > 0n).toBe(true);
          expect(/^\d*\.?\d*$/.test(text)).toBe(true);
        }
      }),
    );
  });
});

describe("approvals", () => {
  const thresholds = { autoApproveMaxAtoms: 1000n, dualApprovalMinAtoms: 10_000n };
  it("are none up to the automatic maximum, one above it or when flagged, two above the dual line", () => {
    expect(requiredApprovalsOf(1000n, [], thresholds)).toBe(0);
    expect(requiredApprovalsOf(1001n, [], thresholds)).toBe(1);
    expect(requiredApprovalsOf(5n, ["new_address"], thresholds)).toBe(1);
    expect(requiredApprovalsOf(10_000n, [], thresholds)).toBe(1);
    expect(requiredApprovalsOf(10_001n, [], thresholds)).toBe(2);
  });
});

describe("risk flags", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  const base = {
    withdrawalsLastHour: 0,
    addressUsedBefore: true,
    passwordChangedAt: null,
    totpEnabledAt: null,
    now,
  };
  it("raise nothing for a known address at a calm pace", () => {
    expect(riskFlagsOf(base)).toEqual([]);
  });
  it("raise velocity on the fourth within an hour, and a new address", () => {
    expect(riskFlagsOf({ ...base, withdrawalsLastHour: 2 })).toEqual([]);
    expect(riskFlagsOf({ ...base, withdrawalsLastHour: 3 })).toEqual(["velocity"]);
    expect(riskFlagsOf({ ...base, addressUsedBefore: false })).toEqual(["new_address"]);
  });
  it("raise a security change within 24 hours of a new password or two-factor", () => {
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    expect(riskFlagsOf({ ...base, passwordChangedAt: hoursAgo(23) })).toEqual([
      "recent_security_change",
    ]);
    expect(riskFlagsOf({ ...base, totpEnabledAt: hoursAgo(1) })).toEqual([
      "recent_security_change",
    ]);
    expect(riskFlagsOf({ ...base, passwordChangedAt: hoursAgo(25) })).toEqual([]);
  });
});

describe("the daily limit", () => {
  it("values USDT as itself and other assets at their price, unknown without one", () => {
    expect(usdtValueOf(150_000_000n, 8, "USDT", undefined)).toEqual(d(150_000_000n, 8));
    expect(usdtValueOf(50_000_000n, 8, "ETH", d(3000n, 0))).toEqual(d(150_000_000_000n, 8));
    expect(usdtValueOf(1n, 8, "ETH", undefined)).toBeUndefined();
  });
  it("has what is left, never below zero", () => {
    expect(remainingLimit(d(100n, 0), d(30n, 0))).toEqual(d(70n, 0));
    expect(remainingLimit(d(100n, 0), d(300n, 0))).toEqual(d(0n, 0));
  });
});

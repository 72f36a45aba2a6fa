import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chainToEngineAtoms,
  classifyDeposit,
  commonAncestor,
  confirmationsAt,
  depositKey,
  depositRulesOf,
} from "./deposit-rules";

describe("a chain amount in engine atoms", () => {
  it("rounds wei down to the asset's 8 places: dust is never credited", () => {
    expect(chainToEngineAtoms(10n ** 18n, 18, 8)).toBe(10n ** 8n);
    expect(chainToEngineAtoms(10n ** 10n - 1n, 18, 8)).toBe(0n);
    expect(chainToEngineAtoms(123_456_789_999_999_999n, 18, 8)).toBe(12_345_678n);
  });

  it("widens a 6-decimal token to 8 places exactly", () => {
    expect(chainToEngineAtoms(1_500_000n, 6, 8)).toBe(150_000_000n);
  });

  it("never credits more than arrived, and loses less than one atom", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 40n }),
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: 0, max: 18 }),
        (amount, chainDecimals, precision) => {
          const atoms = chainToEngineAtoms(amount, chainDecimals, precision);
          const scale = 10n ** BigInt(Math.max(chainDecimals, precision));
          const credited = atoms * (scale / 10n ** BigInt(precision));
          const arrived = amount * (scale / 10n ** BigInt(chainDecimals));
          expect(credited <= arrived).toBe(true);
          expect(arrived - credited < scale / 10n ** BigInt(precision)).toBe(true);
        },
      ),
    );
  });
});

describe("a newly found deposit", () => {
  const rules = depositRulesOf({ precision: 8, minDeposit: "0.001", largeDeposit: "100" });

  it("is below the minimum under 0.001, never credited", () => {
    expect(classifyDeposit(rules, { amountAtoms: 99_999n, senderBlocked: false })).toEqual({
      status: "BELOW_MINIMUM",
      flags: [],
    });
    expect(classifyDeposit(rules, { amountAtoms: 100_000n, senderBlocked: false }).status).toBe(
      "CONFIRMING",
    );
  });

  it("is held at the large line or from a blocked sender, naming each reason", () => {
    expect(classifyDeposit(rules, { amountAtoms: 100n * 10n ** 8n, senderBlocked: true })).toEqual({
      status: "HELD",
      flags: ["large_amount", "blocklisted_sender"],
    });
    expect(classifyDeposit(rules, { amountAtoms: 10n ** 8n, senderBlocked: true }).flags).toEqual([
      "blocklisted_sender",
    ]);
  });

  it("rounds a minimum finer than an atom up to one atom", () => {
    expect(
      depositRulesOf({ precision: 8, minDeposit: "0.000000001", largeDeposit: "1" })
        .minDepositAtoms,
    ).toBe(1n);
  });
});

describe("confirmations and keys", () => {
  it("count the deposit's own block", () => {
    expect(confirmationsAt(10n, 10n)).toBe(1);
    expect(confirmationsAt(12n, 10n)).toBe(3);
    expect(confirmationsAt(9n, 10n)).toBe(0);
  });

  it("name a native transfer by log index -1", () => {
    expect(depositKey("evm-local", "0xabc", -1)).toBe("evm-local:0xabc:-1");
  });
});

describe("the common ancestor after a reorganisation", () => {
  const seen = new Map<bigint, string>([
    [5n, "a5"],
    [6n, "a6"],
    [7n, "a7"],
    [8n, "a8"],
  ]);

  it("is the highest height where the chain still has the hash the watcher saw", async () => {
    const chain = new Map<bigint, string>([
      [5n, "a5"],
      [6n, "a6"],
      [7n, "b7"],
      [8n, "b8"],
    ]);
    expect(await commonAncestor(seen, async (n) => chain.get(n), 0n)).toBe(6n);
  });

  it("is the floor when every kept block was replaced", async () => {
    expect(await commonAncestor(seen, async () => "other", 3n)).toBe(3n);
  });

  it("is the top when nothing changed", async () => {
    expect(await commonAncestor(seen, async (n) => seen.get(n), 0n)).toBe(8n);
  });
});

import { fuzz } from "@exchange/protocol/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  atomsToChainUnits,
  type ChainSighting,
  etherSweepValue,
  hotWalletCanPay,
  isRepeatBroadcastError,
  judgeTransaction,
  lineInChainUnits,
  nextNonce,
} from "./chain-decisions";

describe("nonce allocation", () => {
  it("takes the node's pending count when nothing of ours is stored", () => {
    expect(nextNonce(0, null)).toBe(0);
    expect(nextNonce(7, null)).toBe(7);
  });

  it("never reuses a stored nonce, even one the node has not seen (signed, not yet sent)", () => {
    expect(nextNonce(3, 3)).toBe(4);
    expect(nextNonce(3, 9)).toBe(10);
  });

  it("follows the node when others (a faucet, a manual send) used nonces beyond ours", () => {
    expect(nextNonce(12, 4)).toBe(12);
  });

  it("is always above every stored nonce and at least the pending count", async () => {
    await fuzz(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.option(fc.nat({ max: 1_000_000 }), { nil: null }),
        (pending, stored) => {
          const nonce = nextNonce(pending, stored);
          expect(nonce).toBeGreaterThanOrEqual(pending);
          if (stored !== null) expect(nonce).toBeGreaterThan(stored);
          // And no gap is opened: it is one of the two lower bounds.
          expect([pending, stored === null ? 0 : stored + 1]).toContain(nonce);
        },
      ),
      500,
    );
  });
});

describe("engine atoms to chain units", () => {
  it("scales ETH's 8 decimals up to 18 exactly", () => {
    expect(atomsToChainUnits(25_000_000n, 8, 18)).toBe(250_000_000_000_000_000n);
  });

  it("cuts USDT's 8 decimals down to 6, never paying out more than was frozen", () => {
    expect(atomsToChainUnits(12_000_000_000n, 8, 6)).toBe(120_000_000n);
    expect(atomsToChainUnits(123_456_789n, 8, 6)).toBe(1_234_567n);
  });

  it("pays at most the atoms' value and less by under one chain unit", async () => {
    await fuzz(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: 0, max: 18 }),
        (atoms, precision, decimals) => {
          const units = atomsToChainUnits(atoms, precision, decimals);
          // Compare both at the finer of the two scales.
          const scale = Math.max(precision, decimals);
          const paid = units * 10n ** BigInt(scale - decimals);
          const owed = atoms * 10n ** BigInt(scale - precision);
          expect(paid <= owed).toBe(true);
          expect(owed - paid < 10n ** BigInt(scale - decimals)).toBe(true);
        },
      ),
      500,
    );
  });
});

describe("lines in chain units", () => {
  it("reads chain_assets' decimal text at the chain's decimals", () => {
    expect(lineInChainUnits("0.1", 18)).toBe(10n ** 17n);
    expect(lineInChainUnits("100", 6)).toBe(100_000_000n);
    expect(lineInChainUnits("0", 6)).toBe(0n);
  });

  it("rounds a finer line up, the stricter way", () => {
    expect(lineInChainUnits("1.0000001", 6)).toBe(1_000_001n);
    expect(lineInChainUnits("1.0000000", 6)).toBe(1_000_000n);
  });
});

describe("can the hot wallet pay", () => {
  const base = { lowLine: 100n, etherBalance: 1_000n, maxGasCost: 10n, assetIsEther: false };

  it("pays a token withdrawal that leaves the balance at the low line", () => {
    expect(hotWalletCanPay({ ...base, assetBalance: 300n, amount: 200n })).toBe(true);
  });

  it("waits when the balance would fall below the low line", () => {
    expect(hotWalletCanPay({ ...base, assetBalance: 300n, amount: 201n })).toBe(false);
  });

  it("waits when there is no ether for the gas", () => {
    expect(hotWalletCanPay({ ...base, assetBalance: 10_000n, amount: 1n, etherBalance: 9n })).toBe(
      false,
    );
  });

  it("counts the gas against the line when the asset is ether itself", () => {
    const ether = { ...base, assetIsEther: true, etherBalance: 310n, assetBalance: 310n };
    expect(hotWalletCanPay({ ...ether, amount: 200n })).toBe(true);
    expect(hotWalletCanPay({ ...ether, amount: 201n })).toBe(false);
  });
});

describe("judging a sent transaction", () => {
  const rules = { required: 3, dropAfterMs: 60_000 };
  const seen = (over: Partial<ChainSighting>): ChainSighting => ({
    latestBlock: 100n,
    known: true,
    senderMinedCount: 5,
    nonce: 5,
    ageMs: 1_000,
    ...over,
  });

  it("counts confirmations of a mined transaction until the asset's number", () => {
    expect(
      judgeTransaction(seen({ mined: { blockNumber: 99n, status: "success" } }), rules),
    ).toEqual({ kind: "confirming", confirmations: 2, blockNumber: 99n });
    expect(
      judgeTransaction(seen({ mined: { blockNumber: 98n, status: "success" } }), rules),
    ).toEqual({ kind: "confirmed", confirmations: 3, blockNumber: 98n });
  });

  it("makes a reverted transaction final only after the same confirmations", () => {
    const reverted = { blockNumber: 99n, status: "reverted" as const };
    expect(judgeTransaction(seen({ mined: reverted }), rules).kind).toBe("confirming");
    expect(judgeTransaction(seen({ mined: reverted, latestBlock: 101n }), rules).kind).toBe(
      "reverted",
    );
  });

  it("waits for a transaction in the node's pool", () => {
    expect(judgeTransaction(seen({}), rules)).toEqual({ kind: "pending" });
  });

  it("re-sends one the node does not know while its nonce is free", () => {
    expect(judgeTransaction(seen({ known: false }), rules)).toEqual({ kind: "resend" });
  });

  it("drops one whose nonce another transaction used", () => {
    expect(judgeTransaction(seen({ known: false, senderMinedCount: 6 }), rules)).toEqual({
      kind: "dropped",
    });
  });

  it("cancels one the node has not known for too long while its nonce is free, never drops it", () => {
    expect(judgeTransaction(seen({ known: false, ageMs: 60_000 }), rules)).toEqual({
      kind: "cancel",
    });
  });

  it("never drops or re-sends a mined transaction, whatever else it sees", async () => {
    await fuzz(
      fc.property(
        fc.bigInt({ min: 0n, max: 1_000n }),
        fc.nat({ max: 200 }),
        fc.boolean(),
        fc.nat({ max: 10 }),
        fc.nat({ max: 10 }),
        fc.constantFrom("success" as const, "reverted" as const),
        (blockNumber, ahead, known, senderMinedCount, nonce, status) => {
          const verdict = judgeTransaction(
            {
              mined: { blockNumber, status },
              latestBlock: blockNumber + BigInt(ahead),
              known,
              senderMinedCount,
              nonce,
              ageMs: 10 ** 9,
            },
            rules,
          );
          expect(["confirming", "confirmed", "reverted"]).toContain(verdict.kind);
          if (verdict.kind !== "confirming")
            expect(verdict.kind === "confirmed").toBe(status === "success");
        },
      ),
      500,
    );
  });
});

describe("broadcast refusals", () => {
  it("takes a node's 'already have it' answers as no failure", () => {
    expect(isRepeatBroadcastError("already known")).toBe(true);
    expect(isRepeatBroadcastError("Nonce too low. Expected nonce to be 4 but got 3.")).toBe(true);
    expect(isRepeatBroadcastError("insufficient funds for gas * price + value")).toBe(false);
  });
});

describe("ether sweeps", () => {
  it("sends the balance less the gas, or nothing under the dust line", () => {
    expect(etherSweepValue(1_000n, 21n, 100n)).toBe(979n);
    expect(etherSweepValue(120n, 21n, 100n)).toBeUndefined();
    expect(etherSweepValue(20n, 21n, 0n)).toBeUndefined();
  });
});

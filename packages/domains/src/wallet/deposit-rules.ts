import { decimal, divide, toUnits } from "@exchange/contracts/money";
import type { DepositStatus } from "@exchange/contracts/wallet";

/**
 * The pure rules of a deposit: what it is worth in the engine, what happens to it when found,
 * how many confirmations it has, and where a reorganised chain meets the one the watcher saw.
 * No I/O, so the watcher's decisions are tested here without a chain.
 */

/** Why a rule held a deposit for finance (stored in `deposits.flags`). */
export const DEPOSIT_FLAGS = {
  /** At least the asset's `large_deposit`. */
  largeAmount: "large_amount",
  /** Sent from an address in `blocked_addresses`. */
  blocklistedSender: "blocklisted_sender",
  /** The engine refused the credit (an unknown asset, a balance over its ceiling). */
  engineRefused: "engine_refused",
} as const;
export type DepositFlag = (typeof DEPOSIT_FLAGS)[keyof typeof DEPOSIT_FLAGS];

/**
 * A chain amount (wei, token atoms: `chainDecimals` places) in engine atoms of the asset
 * (`precision` places), rounded DOWN: the exchange never credits a fraction it did not receive.
 * The dust below one engine atom stays on the deposit address and is swept with the rest (it
 * shows on the chain side of the reconciliation, in the exchange's favour).
 */
export function chainToEngineAtoms(
  chainAmount: bigint,
  chainDecimals: number,
  precision: number,
): bigint {
  if (chainAmount < 0n) throw new RangeError("a chain amount is never negative");
  if (chainDecimals >= precision) {
    return divide(chainAmount, 10n ** BigInt(chainDecimals - precision), "down");
  }
  return chainAmount * 10n ** BigInt(precision - chainDecimals);
}

/** The asset's deposit rules, with its thresholds in engine atoms. */
export interface DepositRules {
  precision: number;
  /** Below this nothing is credited (BELOW_MINIMUM). */
  minDepositAtoms: bigint;
  /** At least this is held for finance. */
  largeDepositAtoms: bigint;
}

/**
 * Thresholds from the chain asset's decimal columns. The minimum rounds UP to an atom (a
 * minimum of 0.000000005 at 8 places is one atom, never zero); the large line rounds DOWN (a
 * deposit at the line is held).
 */
export function depositRulesOf(asset: {
  precision: number;
  minDeposit: string;
  largeDeposit: string;
}): DepositRules {
  return {
    precision: asset.precision,
    minDepositAtoms: toUnits(decimal(asset.minDeposit), asset.precision, "up"),
    largeDepositAtoms: toUnits(decimal(asset.largeDeposit), asset.precision, "down"),
  };
}

/** What a newly found deposit starts as, and why. */
export function classifyDeposit(
  rules: DepositRules,
  found: { amountAtoms: bigint; senderBlocked: boolean },
): {
  status: Extract<DepositStatus, "CONFIRMING" | "BELOW_MINIMUM" | "HELD">;
  flags: DepositFlag[];
} {
  if (found.amountAtoms < rules.minDepositAtoms || found.amountAtoms === 0n) {
    return { status: "BELOW_MINIMUM", flags: [] };
  }
  const flags: DepositFlag[] = [];
  if (found.amountAtoms >= rules.largeDepositAtoms) flags.push(DEPOSIT_FLAGS.largeAmount);
  if (found.senderBlocked) flags.push(DEPOSIT_FLAGS.blocklistedSender);
  return { status: flags.length > 0 ? "HELD" : "CONFIRMING", flags };
}

/** Blocks from the deposit's block to the head, both counted; 0 while the head is below it. */
export function confirmationsAt(head: bigint, blockNumber: bigint): number {
  if (head < blockNumber) return 0;
  const count = head - blockNumber + 1n;
  return count > 1_000_000n ? 1_000_000 : Number(count);
}

/** The deposit's business key: the engine's businessId and the tail of its command id. */
export const depositKey = (chainKey: string, txHash: string, logIndex: number): string =>
  `${chainKey}:${txHash}:${logIndex}`;

/**
 * The highest height at which the watcher's record and the chain agree, walking down from the
 * top of what the watcher recorded: `seen` are the hashes it stored by height, `onChain(n)` the
 * chain's hash at n now. Answers `floor` when nothing recorded matches (a reorganisation deeper
 * than the blocks kept): the watcher then re-reads from there.
 */
export async function commonAncestor(
  seen: ReadonlyMap<bigint, string>,
  onChain: (height: bigint) => Promise<string | undefined>,
  floor: bigint,
): Promise<bigint> {
  const heights = [...seen.keys()].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  for (const height of heights) {
    if (height < floor) break;
    if ((await onChain(height)) === seen.get(height)) return height;
  }
  return floor;
}

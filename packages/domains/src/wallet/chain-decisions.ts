/**
 * The signer's pure decisions, apart from any I/O so each is tested on its own: which nonce a
 * new transaction takes, how engine atoms become chain units, whether the hot wallet can pay a
 * withdrawal, what a sent transaction's state on chain means, and whether a sweep is worth it.
 */

/** Gas of a plain ether transfer (the protocol's fixed cost). */
export const ETHER_TRANSFER_GAS = 21_000n;
/**
 * Gas limit of an ERC-20 `transfer`: fixed, not estimated, so a transfer that would revert is
 * still sent (and mined with status 0, then failed and released) rather than refused by the
 * estimate with no trace. Generous for any standard token (a first transfer to an address
 * writes a new storage slot: ~52 000).
 */
export const TOKEN_TRANSFER_GAS = 100_000n;

/**
 * The next nonce of an address: the node's pending count (what it expects next, counting its
 * pool), but never one of ours already signed (stored before broadcast, perhaps never sent: a
 * restart re-sends it, so a new transaction must not take its nonce).
 */
export function nextNonce(chainPendingCount: number, highestStoredNonce: number | null): number {
  const afterStored = highestStoredNonce === null ? 0 : highestStoredNonce + 1;
  return Math.max(chainPendingCount, afterStored);
}

/**
 * Engine atoms (the asset's precision) to chain units (the chain's decimals). Where the chain
 * has fewer decimals the digits beyond them are cut (rounded down): the user receives at most
 * what was frozen, never more, so the rounding is in the exchange's favour; the withdrawal's
 * request refuses such amounts, so this is a guard, not a path.
 */
export function atomsToChainUnits(atoms: bigint, precision: number, decimals: number): bigint {
  if (decimals >= precision) return atoms * 10n ** BigInt(decimals - precision);
  return atoms / 10n ** BigInt(precision - decimals);
}

/** A decimal line of `chain_assets` (`"0.1"`) in chain units, rounded up (the stricter line). */
export function lineInChainUnits(line: string, decimals: number): bigint {
  const [whole = "0", fraction = ""] = line.split(".");
  const kept = fraction.slice(0, decimals).padEnd(decimals, "0");
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(kept || "0");
  return /[1-9]/.test(fraction.slice(decimals)) ? units + 1n : units;
}

export interface FundsCheck {
  /** The hot wallet's balance of the asset, in chain units. */
  assetBalance: bigint;
  /** What the withdrawal sends, in chain units. */
  amount: bigint;
  /** The asset's low line, in chain units: the balance after sending must stay at or above it. */
  lowLine: bigint;
  /** The hot wallet's ether, the gas the transaction may burn, and whether the asset is ether. */
  etherBalance: bigint;
  maxGasCost: bigint;
  assetIsEther: boolean;
}

/**
 * Whether the hot wallet can send the withdrawal now. Below the low line it waits (seed 004:
 * withdrawals wait for a transfer from cold storage instead of failing), and it waits too when
 * the gas cannot be paid.
 */
export function hotWalletCanPay(check: FundsCheck): boolean {
  const { assetBalance, amount, lowLine, etherBalance, maxGasCost, assetIsEther } = check;
  if (assetIsEther) return assetBalance - amount - maxGasCost >= lowLine;
  return assetBalance - amount >= lowLine && etherBalance >= maxGasCost;
}

/** What the chain says of one sent transaction. */
export interface ChainSighting {
  /** The receipt, once mined. */
  mined?: { blockNumber: bigint; status: "success" | "reverted" };
  latestBlock: bigint;
  /** Whether the node knows the transaction (mined or in its pool). */
  known: boolean;
  /** The sender's mined transaction count: above the nonce, the nonce is spent. */
  senderMinedCount: number;
  nonce: number;
  /** Milliseconds since it was signed. */
  ageMs: number;
}

export type TransactionVerdict =
  /** Mined with fewer confirmations than needed: count them. */
  | { kind: "confirming"; confirmations: number; blockNumber: bigint }
  /** Mined, enough confirmations, success. */
  | { kind: "confirmed"; confirmations: number; blockNumber: bigint }
  /** Mined, enough confirmations, status 0. */
  | { kind: "reverted"; confirmations: number; blockNumber: bigint }
  /** In the pool, not mined yet. */
  | { kind: "pending" }
  /** Unknown to the node, its nonce still free: send the same bytes again. */
  | { kind: "resend" }
  /**
   * Unknown for too long, its nonce still free: the signed bytes stay valid for as long as the
   * nonce is free, so it cannot be called dropped yet (a copy gossiped elsewhere could still be
   * mined after the funds were released). Its nonce is spent by a cancelling transaction first.
   */
  | { kind: "cancel" }
  /** Gone for good: its nonce was used by another transaction. */
  | { kind: "dropped" };

/**
 * Judges one transaction. `required` confirmations make it final either way: a reverted one
 * counts the same blocks as a successful one, so a reorganisation cannot undo a final verdict
 * sooner for failures than for successes.
 */
export function judgeTransaction(
  seen: ChainSighting,
  rules: { required: number; dropAfterMs: number },
): TransactionVerdict {
  if (seen.mined) {
    const blockNumber = seen.mined.blockNumber;
    const confirmations = Number(seen.latestBlock - blockNumber + 1n);
    if (confirmations < rules.required) return { kind: "confirming", confirmations, blockNumber };
    return seen.mined.status === "success"
      ? { kind: "confirmed", confirmations, blockNumber }
      : { kind: "reverted", confirmations, blockNumber };
  }
  if (seen.known) return { kind: "pending" };
  // Not mined and unknown: another transaction of that nonce was mined (ours never will be), or
  // the node forgot it. Re-send the same bytes while the nonce is free, until the time is up;
  // then spend the nonce (a cancel), after which it is dropped.
  if (seen.senderMinedCount > seen.nonce) return { kind: "dropped" };
  return seen.ageMs >= rules.dropAfterMs ? { kind: "cancel" } : { kind: "resend" };
}

/**
 * Whether a node's refusal of a raw transaction means it already has it (or already mined it):
 * a re-send of the same bytes after a restart meets these, and they are not failures; the
 * receipt tracking settles what happened.
 */
export function isRepeatBroadcastError(message: string): boolean {
  return /already known|known transaction|nonce too low|already imported|nonce has already been used/i.test(
    message,
  );
}

/**
 * How much ether a sweep of ether moves: the balance less the most its gas may cost; nothing
 * (undefined) when that is below the dust line, which stays on the address until more arrives.
 */
export function etherSweepValue(
  balance: bigint,
  maxGasCost: bigint,
  dustLine: bigint,
): bigint | undefined {
  const value = balance - maxGasCost;
  return value > 0n && value >= dustLine ? value : undefined;
}

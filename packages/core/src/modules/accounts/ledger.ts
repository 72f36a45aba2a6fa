import { assert } from "../../assert";
import type { BalanceCause, BalanceChangedEvent, Posting } from "../../events";
import type { Account, Asset, Balance } from "../../model";
import type { SystemAccount } from "../../types";

/**
 * Debits are posted as `0n - amount`, never `-amount`: in this V8 unary minus on a bigint is a
 * builtin call costing several times a subtraction, and ledgers negate on every posting.
 *
 * Double-entry postings. Each helper moves money between two named accounts of one asset, or
 * one leg of a move whose other leg the caller posts with the same amount: every posting set a
 * command emits therefore sums to zero per asset (the simulation's auditor checks it). User
 * balances can never go below zero; trying is a bug in the caller's checks, so it throws.
 */

/** The user's balance of `asset`, created empty on first use. */
export function getBalance(account: Account, asset: Asset): Balance {
  return account.balanceOf(asset);
}

/** Available → frozen; returns the balanced pair of postings. */
export function freeze(userId: number, asset: Asset, balance: Balance, amount: bigint): Posting[] {
  const available = balance.available - amount;
  assert(available >= 0n, "ledger: available balance below zero");
  balance.available = available;
  const frozen = balance.frozen + amount;
  balance.frozen = frozen;
  return [
    posting("available", userId, asset.code, 0n - amount, available),
    posting("frozen", userId, asset.code, amount, frozen),
  ];
}

/** Frozen → available; returns the balanced pair of postings. */
export function release(userId: number, asset: Asset, balance: Balance, amount: bigint): Posting[] {
  const frozen = balance.frozen - amount;
  assert(frozen >= 0n, "ledger: frozen balance below zero");
  balance.frozen = frozen;
  const available = balance.available + amount;
  balance.available = available;
  return [
    posting("frozen", userId, asset.code, 0n - amount, frozen),
    posting("available", userId, asset.code, amount, available),
  ];
}

export function creditAvailable(
  userId: number,
  asset: Asset,
  balance: Balance,
  amount: bigint,
  postings: Posting[],
): void {
  balance.available += amount;
  postings.push(posting("available", userId, asset.code, amount, balance.available));
}

export function debitAvailable(
  userId: number,
  asset: Asset,
  balance: Balance,
  amount: bigint,
  postings: Posting[],
): void {
  balance.available -= amount;
  assert(balance.available >= 0n, "ledger: available balance below zero");
  postings.push(posting("available", userId, asset.code, 0n - amount, balance.available));
}

export function debitFrozen(
  userId: number,
  asset: Asset,
  balance: Balance,
  amount: bigint,
  postings: Posting[],
): void {
  balance.frozen -= amount;
  assert(balance.frozen >= 0n, "ledger: frozen balance below zero");
  postings.push(posting("frozen", userId, asset.code, 0n - amount, balance.frozen));
}

/** Adds a signed `amount` to a system account. */
export function postSystem(
  asset: Asset,
  account: SystemAccount,
  amount: bigint,
  postings: Posting[],
): void {
  const after = asset.system[account] + amount;
  asset.system[account] = after;
  postings.push(posting(account, 0, asset.code, amount, after));
}

/** Fee income; a separate function so the hot path reads the field by name, not by key. */
export function postFee(asset: Asset, amount: bigint, postings: Posting[]): void {
  const after = asset.system.fee + amount;
  asset.system.fee = after;
  postings.push(posting("fee", 0, asset.code, amount, after));
}

/** The fee round-up account; see `postFee`. */
export function postRounding(asset: Asset, amount: bigint, postings: Posting[]): void {
  const after = asset.system.rounding + amount;
  asset.system.rounding = after;
  postings.push(posting("rounding", 0, asset.code, amount, after));
}

function posting(
  account: Posting["account"],
  userId: number,
  asset: string,
  amountAtoms: bigint,
  balanceAtoms: bigint,
): Posting {
  return { account, userId, asset, amountAtoms, balanceAtoms };
}

/** A `balance.changed` event for order and trade postings. */
export function orderBalanceChanged(
  cause: BalanceCause,
  orderId: number,
  tradeId: number,
  postings: Posting[],
): BalanceChangedEvent {
  return {
    type: "balance.changed",
    cause,
    orderId,
    tradeId,
    business: "",
    businessId: "",
    postings,
  };
}

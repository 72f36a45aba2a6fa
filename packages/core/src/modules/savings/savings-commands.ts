import { type CoreState, isPositiveId, isShortText, Rejection, reject } from "../../core-state";
import type { CoreEvent, Posting } from "../../events";
import { RejectCode } from "../../reject-code";
import {
  checkPositive,
  emitBalanceChanged,
  findAsset,
  MAX_KEY_LENGTH,
} from "../accounts/balance-commands";
import { creditAvailable, debitAvailable, getBalance, postSystem } from "../accounts/ledger";
import type {
  SavingsPayoutCommand,
  SavingsRedeemCommand,
  SavingsSubscribeCommand,
} from "./commands";
import type { SavingsPosition } from "./position";

/**
 * Savings handlers. Each checks everything before it posts, then posts one balanced set of
 * postings (zero amounts left out) in one `balance.changed` event:
 *
 * | command             | postings                                                                     |
 * | ------------------- | ---------------------------------------------------------------------------- |
 * | `savings.subscribe` | user available −a, `savings` +a                                              |
 * | `savings.payout`    | `savingsInterest` −i, user available +i; with the principal p: `savings` −p, user available +p |
 * | `savings.redeem`    | `savings` −p, user available +(p − d), `savingsInterest` +d                  |
 *
 * The principal leaves the pool exactly once: the payout that carries it and every redemption
 * close the position, and a later payout or redemption of it is rejected (701).
 */

function findPosition(s: CoreState, subscriptionId: unknown): SavingsPosition | Rejection {
  return (
    s.savingsPositions.get(subscriptionId as string) ??
    reject(RejectCode.SavingsPositionNotFound, `no open savings position ${String(subscriptionId)}`)
  );
}

function isNonNegative(amount: unknown): amount is bigint {
  return typeof amount === "bigint" && amount >= 0n;
}

export function subscribe(
  s: CoreState,
  c: SavingsSubscribeCommand,
  events: CoreEvent[],
): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  if (!isShortText(c.subscriptionId, MAX_KEY_LENGTH)) {
    return reject(
      RejectCode.InvalidCommand,
      `subscriptionId must be 1-${MAX_KEY_LENGTH} characters`,
    );
  }
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  const bad = checkPositive(c.amountAtoms);
  if (bad !== null) return bad;
  if (s.savingsPositions.has(c.subscriptionId)) {
    return reject(
      RejectCode.SavingsPositionExists,
      `savings position ${c.subscriptionId} is already open`,
    );
  }
  const account = s.accounts.get(c.userId);
  const balance = account?.balances[asset.index];
  if (account === undefined || balance === undefined || balance.available < c.amountAtoms) {
    return reject(
      RejectCode.InsufficientBalance,
      `available ${asset.code} of user ${c.userId} is below the subscription`,
    );
  }
  const postings: Posting[] = [];
  debitAvailable(c.userId, asset, balance, c.amountAtoms, postings);
  postSystem(asset, "savings", c.amountAtoms, postings);
  s.savingsPositions.set(c.subscriptionId, {
    subscriptionId: c.subscriptionId,
    account,
    asset,
    principalAtoms: c.amountAtoms,
    interestPaidAtoms: 0n,
  });
  emitBalanceChanged(c, "savings.subscribe", postings, events);
  return null;
}

export function payout(
  s: CoreState,
  c: SavingsPayoutCommand,
  events: CoreEvent[],
): Rejection | null {
  const position = findPosition(s, c.subscriptionId);
  if (position instanceof Rejection) return position;
  const interest = c.interestAtoms;
  const principal = c.principalAtoms;
  if (!isNonNegative(interest)) {
    return reject(RejectCode.InvalidAmount, "interest must be a non-negative bigint of atoms");
  }
  if (
    typeof principal !== "bigint" ||
    (principal !== 0n && principal !== position.principalAtoms)
  ) {
    return reject(
      RejectCode.InvalidAmount,
      `principal must be 0 or exactly the position's ${position.principalAtoms} atoms`,
    );
  }
  if (interest === 0n && principal === 0n) {
    return reject(RejectCode.InvalidAmount, "a payout must pay interest, principal or both");
  }
  // No check against the asset's maximum: this is the user's own principal coming back (and
  // its interest, at most 100 % a year of it); refusing it would trap the funds in the pool. The
  // maximum (≤ 10^30, limits.ts) leaves room: a balance stays far inside NUMERIC(40,0).
  const { account, asset } = position;
  const postings: Posting[] = [];
  const balance = getBalance(account, asset);
  if (interest > 0n) {
    postSystem(asset, "savingsInterest", 0n - interest, postings);
    creditAvailable(account.userId, asset, balance, interest, postings);
  }
  if (principal > 0n) {
    postSystem(asset, "savings", 0n - principal, postings);
    creditAvailable(account.userId, asset, balance, principal, postings);
    s.savingsPositions.delete(position.subscriptionId);
  } else {
    position.interestPaidAtoms += interest;
  }
  emitBalanceChanged(c, "savings.payout", postings, events);
  return null;
}

export function redeem(
  s: CoreState,
  c: SavingsRedeemCommand,
  events: CoreEvent[],
): Rejection | null {
  const position = findPosition(s, c.subscriptionId);
  if (position instanceof Rejection) return position;
  if (typeof c.forfeitInterest !== "boolean") {
    return reject(RejectCode.InvalidCommand, "forfeitInterest must be a boolean");
  }
  if (!isNonNegative(c.penaltyAtoms)) {
    return reject(RejectCode.InvalidAmount, "penalty must be a non-negative bigint of atoms");
  }
  const { account, asset, principalAtoms } = position;
  const claimed = c.penaltyAtoms + (c.forfeitInterest ? position.interestPaidAtoms : 0n);
  const deduction = claimed < principalAtoms ? claimed : principalAtoms;
  const returned = principalAtoms - deduction;
  const postings: Posting[] = [];
  postSystem(asset, "savings", 0n - principalAtoms, postings);
  if (returned > 0n) {
    creditAvailable(account.userId, asset, getBalance(account, asset), returned, postings);
  }
  if (deduction > 0n) postSystem(asset, "savingsInterest", deduction, postings);
  s.savingsPositions.delete(position.subscriptionId);
  emitBalanceChanged(c, "savings.redeem", postings, events);
  return null;
}

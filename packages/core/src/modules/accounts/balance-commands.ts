import { type CoreState, isPositiveId, isShortText, Rejection, reject } from "../../core-state";
import type { BalanceCause, CoreEvent, Posting } from "../../events";
import type { Asset } from "../../model";
import { RejectCode } from "../../reject-code";
import { type SystemAccount, TRANSFER_ACCOUNTS } from "../../types";
import type {
  AdjustBalanceCommand,
  BusinessKey,
  DepositCommand,
  TransferAccount,
  TransferCommand,
  WithdrawFreezeCommand,
  WithdrawReleaseCommand,
  WithdrawSettleCommand,
} from "./commands";
import {
  creditAvailable,
  debitAvailable,
  debitFrozen,
  freeze,
  getBalance,
  postSystem,
  release,
} from "./ledger";

/**
 * Balance commands: ViaBTC's `balance.update` generalised into named two-sided moves. Each is
 * checked completely before it posts anything, and posts one balanced set of postings.
 * Idempotency on the business key is handled by the runner (`idempotent` in `index.ts`).
 *
 * The checks and the event builder here serve every command that moves money on a business key
 * (`BusinessKey`): the balance commands, and other modules' money commands such as savings.
 */

/** Longest business, business id or record id (withdrawal, subscription) a command may carry. */
export const MAX_KEY_LENGTH = 128;

/** The unambiguous idempotency key of a command with a business key. */
export function businessKey(c: BusinessKey): string {
  return `${c.business.length}:${c.business}:${c.businessId}`;
}

/** Checks what every command with a business key shares: the key itself. */
export function checkBusinessKey(c: BusinessKey): Rejection | null {
  if (!isShortText(c.business, MAX_KEY_LENGTH) || !isShortText(c.businessId, MAX_KEY_LENGTH)) {
    return reject(
      RejectCode.InvalidCommand,
      `business and businessId must be 1-${MAX_KEY_LENGTH} characters`,
    );
  }
  return null;
}

/** The asset of `code`, or the rejection of an unknown one. */
export function findAsset(s: CoreState, code: string): Asset | Rejection {
  return s.assets.get(code) ?? reject(RejectCode.UnknownAsset, `unknown asset ${code}`);
}

/** A positive bigint amount, or 601. */
export function checkPositive(amount: unknown): Rejection | null {
  if (typeof amount !== "bigint" || amount <= 0n) {
    return reject(RejectCode.InvalidAmount, "amount must be a positive bigint of atoms");
  }
  return null;
}

/**
 * Whether crediting `amount` keeps the user's holdings of the asset (available + frozen) within
 * the asset's maximum; only deposits, transfers and adjustments are checked, not fills.
 */
export function checkCredit(
  s: CoreState,
  userId: number,
  asset: Asset,
  amount: bigint,
): Rejection | null {
  const balance = s.accounts.get(userId)?.balances[asset.index];
  const held = balance === undefined ? 0n : balance.available + balance.frozen;
  if (held + amount <= asset.maxAmountAtoms) return null;
  return reject(
    RejectCode.AmountAboveMax,
    `user ${userId} would hold ${held + amount} ${asset.code} atoms, above the maximum ${asset.maxAmountAtoms}`,
  );
}

/** Appends the one `balance.changed` event of a command with a business key. */
export function emitBalanceChanged(
  c: BusinessKey,
  cause: BalanceCause,
  postings: Posting[],
  events: CoreEvent[],
): void {
  events.push({
    type: "balance.changed",
    cause,
    orderId: 0,
    tradeId: 0,
    business: c.business,
    businessId: c.businessId,
    postings,
  });
}

export function deposit(s: CoreState, c: DepositCommand, events: CoreEvent[]): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  const bad = checkPositive(c.amountAtoms) ?? checkCredit(s, c.userId, asset, c.amountAtoms);
  if (bad !== null) return bad;
  const postings: Posting[] = [];
  postSystem(asset, "deposit", -c.amountAtoms, postings);
  const balance = getBalance(s.accountFor(c.userId), asset);
  creditAvailable(c.userId, asset, balance, c.amountAtoms, postings);
  emitBalanceChanged(c, "deposit", postings, events);
  return null;
}

export function withdrawFreeze(
  s: CoreState,
  c: WithdrawFreezeCommand,
  events: CoreEvent[],
): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  if (!isShortText(c.withdrawalId, MAX_KEY_LENGTH)) {
    return reject(RejectCode.InvalidCommand, "withdrawalId must be 1-128 characters");
  }
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  const bad = checkPositive(c.amountAtoms);
  if (bad !== null) return bad;
  if (s.withdrawals.has(c.withdrawalId)) {
    return reject(RejectCode.WithdrawalExists, `withdrawal ${c.withdrawalId} is already pending`);
  }
  const account = s.accounts.get(c.userId);
  const balance = account?.balances[asset.index];
  if (account === undefined || balance === undefined || balance.available < c.amountAtoms) {
    return reject(RejectCode.InsufficientBalance, `available ${c.asset} is below the withdrawal`);
  }
  const postings = freeze(c.userId, asset, balance, c.amountAtoms);
  s.withdrawals.set(c.withdrawalId, {
    withdrawalId: c.withdrawalId,
    account,
    asset,
    amountAtoms: c.amountAtoms,
  });
  emitBalanceChanged(c, "withdraw.freeze", postings, events);
  return null;
}

export function withdrawSettle(
  s: CoreState,
  c: WithdrawSettleCommand,
  events: CoreEvent[],
): Rejection | null {
  const withdrawal = s.withdrawals.get(c.withdrawalId);
  if (withdrawal === undefined) {
    return reject(RejectCode.WithdrawalNotFound, `no pending withdrawal ${String(c.withdrawalId)}`);
  }
  const fee = c.feeAtoms ?? 0n;
  if (typeof fee !== "bigint" || fee < 0n || fee > withdrawal.amountAtoms) {
    return reject(RejectCode.InvalidAmount, "withdrawal fee must be between 0 and the amount");
  }
  const { account, asset, amountAtoms } = withdrawal;
  const postings: Posting[] = [];
  debitFrozen(account.userId, asset, getBalance(account, asset), amountAtoms, postings);
  postSystem(asset, "withdrawal", amountAtoms - fee, postings);
  if (fee > 0n) postSystem(asset, "fee", fee, postings);
  s.withdrawals.delete(withdrawal.withdrawalId);
  emitBalanceChanged(c, "withdraw.settle", postings, events);
  return null;
}

export function withdrawRelease(
  s: CoreState,
  c: WithdrawReleaseCommand,
  events: CoreEvent[],
): Rejection | null {
  const withdrawal = s.withdrawals.get(c.withdrawalId);
  if (withdrawal === undefined) {
    return reject(RejectCode.WithdrawalNotFound, `no pending withdrawal ${String(c.withdrawalId)}`);
  }
  const { account, asset, amountAtoms } = withdrawal;
  const postings = release(account.userId, asset, getBalance(account, asset), amountAtoms);
  s.withdrawals.delete(withdrawal.withdrawalId);
  emitBalanceChanged(c, "withdraw.release", postings, events);
  return null;
}

function sameAccount(a: TransferAccount, b: TransferAccount): boolean {
  return "userId" in a && "userId" in b
    ? a.userId === b.userId
    : "system" in a && "system" in b && a.system === b.system;
}

function checkTransferAccount(side: TransferAccount): Rejection | null {
  if ("userId" in side) {
    return isPositiveId(side.userId)
      ? null
      : reject(RejectCode.InvalidTransfer, "userId must be positive");
  }
  if ("system" in side && TRANSFER_ACCOUNTS.includes(side.system)) return null;
  return reject(
    RejectCode.InvalidTransfer,
    `account ${JSON.stringify(side)} is not open to transfers`,
  );
}

function checkTransfer(s: CoreState, c: TransferCommand, asset: Asset): Rejection | null {
  const bad =
    checkPositive(c.amountAtoms) ?? checkTransferAccount(c.from) ?? checkTransferAccount(c.to);
  if (bad !== null) return bad;
  if (sameAccount(c.from, c.to))
    return reject(RejectCode.InvalidTransfer, "from and to are the same account");
  if ("userId" in c.to) {
    const full = checkCredit(s, c.to.userId, asset, c.amountAtoms);
    if (full !== null) return full;
  }
  if (!("userId" in c.from)) return checkPoolDebit(c.from.system, asset, c.amountAtoms);
  const available = s.accounts.get(c.from.userId)?.balances[asset.index]?.available ?? 0n;
  if (available < c.amountAtoms) {
    return reject(
      RejectCode.InsufficientBalance,
      `available ${asset.code} of user ${c.from.userId} is below the transfer`,
    );
  }
  return null;
}

/**
 * The loan pool lends only what it holds: a transfer out of `loan` (operations defunding it)
 * never takes it below zero, so the money of open loans is never transferred away.
 */
function checkPoolDebit(account: SystemAccount, asset: Asset, amount: bigint): Rejection | null {
  if (account !== "loan" || asset.system.loan >= amount) return null;
  return reject(
    RejectCode.InsufficientBalance,
    `the ${asset.code} loan pool is below the transfer`,
  );
}

/** Posts one leg of a transfer: negative `amount` takes from the account. */
function postTransferLeg(
  s: CoreState,
  side: TransferAccount,
  asset: Asset,
  amount: bigint,
  postings: Posting[],
): void {
  if ("system" in side) {
    postSystem(asset, side.system, amount, postings);
    return;
  }
  const balance = getBalance(s.accountFor(side.userId), asset);
  if (amount < 0n) debitAvailable(side.userId, asset, balance, -amount, postings);
  else creditAvailable(side.userId, asset, balance, amount, postings);
}

export function transfer(s: CoreState, c: TransferCommand, events: CoreEvent[]): Rejection | null {
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  const bad = checkTransfer(s, c, asset);
  if (bad !== null) return bad;
  const postings: Posting[] = [];
  postTransferLeg(s, c.from, asset, -c.amountAtoms, postings);
  postTransferLeg(s, c.to, asset, c.amountAtoms, postings);
  emitBalanceChanged(c, "transfer", postings, events);
  return null;
}

export function adjustBalance(
  s: CoreState,
  c: AdjustBalanceCommand,
  events: CoreEvent[],
): Rejection | null {
  if (!isPositiveId(c.userId)) return reject(RejectCode.InvalidCommand, "userId must be positive");
  const asset = findAsset(s, c.asset);
  if (asset instanceof Rejection) return asset;
  if (typeof c.amountAtoms !== "bigint" || c.amountAtoms === 0n) {
    return reject(RejectCode.InvalidAmount, "adjustment must be a non-zero bigint of atoms");
  }
  const available = s.accounts.get(c.userId)?.balances[asset.index]?.available ?? 0n;
  if (available + c.amountAtoms < 0n) {
    return reject(
      RejectCode.InsufficientBalance,
      `adjustment would take available ${asset.code} below zero`,
    );
  }
  if (c.amountAtoms > 0n) {
    const full = checkCredit(s, c.userId, asset, c.amountAtoms);
    if (full !== null) return full;
  }
  const postings: Posting[] = [];
  postSystem(asset, "adjustment", -c.amountAtoms, postings);
  const balance = getBalance(s.accountFor(c.userId), asset);
  if (c.amountAtoms < 0n) debitAvailable(c.userId, asset, balance, -c.amountAtoms, postings);
  else creditAvailable(c.userId, asset, balance, c.amountAtoms, postings);
  emitBalanceChanged(c, "adjust", postings, events);
  return null;
}

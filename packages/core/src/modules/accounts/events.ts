import type { AccountName, AssetConfig } from "../../types";

/** Events of the accounts module: the ledger's postings, and assets. */

/**
 * One leg of a ledger entry. The postings of one `balance.changed` event sum to zero per asset.
 * Positive adds to the account, negative takes from it.
 */
export interface Posting {
  account: AccountName;
  /** Owner of an `"available"` or `"frozen"` account; 0 for system accounts. */
  userId: number;
  asset: string;
  /** Signed change, in atoms. */
  amountAtoms: bigint;
  /** The account's balance after this posting, in atoms. */
  balanceAtoms: bigint;
}

/**
 * What moved money.
 * - `"order.freeze"`: an accepted order's funds, available → frozen.
 * - `"order.release"`: funds an order no longer needs (cancel, unused remainder, price improvement).
 * - `"trade"`: settlement of one fill, fees included.
 * - `"deposit"`, `"withdraw.freeze"`, `"withdraw.settle"`, `"withdraw.release"`, `"transfer"`,
 *   `"adjust"`: the balance command of that name.
 * - `"savings.subscribe"`: user available → savings pool, opening a savings position.
 * - `"savings.payout"`: interest from the savings interest account (and, with the last plan, the
 *   principal from the pool) → user available.
 * - `"savings.redeem"`: the principal from the pool → user available, less the deduction, which
 *   goes to the savings interest account.
 * - `"loan.open"`, `"loan.repay"`, `"loan.addCollateral"`, `"loan.liquidationSell"`: the lending
 *   command of that name (collateral, principal, repayments, a liquidation's slice and settlement).
 * - `"futures.transfer"`: a settle asset between a user's spot balance and futures wallet.
 * - `"funding"`: a perpetual's funding payments' rounding remainder, and the insurance fund's
 *   cover of a payment a margin could not make.
 * - `"liquidation"`: a liquidated margin's remainder to the insurance fund, the fund's cover of
 *   a loss beyond it, and the PnL of auto-deleveraging.
 */
export type BalanceCause =
  | "order.freeze"
  | "order.release"
  | "trade"
  | "deposit"
  | "withdraw.freeze"
  | "withdraw.settle"
  | "withdraw.release"
  | "transfer"
  | "adjust"
  | "savings.subscribe"
  | "savings.payout"
  | "savings.redeem"
  | "loan.open"
  | "loan.repay"
  | "loan.addCollateral"
  | "loan.liquidationSell"
  | "futures.transfer"
  | "funding"
  | "liquidation";

/** A balanced set of postings. Order events carry `orderId`; trades `tradeId`; balance commands their key. */
export interface BalanceChangedEvent {
  type: "balance.changed";
  cause: BalanceCause;
  /** The order concerned, or 0. */
  orderId: number;
  /** The trade settled, or 0. */
  tradeId: number;
  /** The balance command's business, or "". */
  business: string;
  /** The balance command's business id, or "". */
  businessId: string;
  postings: Posting[];
}

export interface AssetAddedEvent extends AssetConfig {
  type: "asset.added";
}

/** Everything the accounts module emits. */
export type AccountsEvent = BalanceChangedEvent | AssetAddedEvent;

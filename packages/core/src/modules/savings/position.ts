import type { Account, Asset } from "../../model";

/**
 * An open savings position: the principal one subscription placed in the savings pool (the
 * `savings` system account of its asset). It is opened by `savings.subscribe` and closed, its
 * principal returned once, by the final `savings.payout` or by `savings.redeem`.
 */
export interface SavingsPosition {
  readonly subscriptionId: string;
  readonly account: Account;
  readonly asset: Asset;
  readonly principalAtoms: bigint;
  /** Interest paid on this position so far; what an early redemption may forfeit. */
  interestPaidAtoms: bigint;
}

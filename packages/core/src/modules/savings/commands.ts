import type { CommandBase } from "../../commands";
import type { BusinessKey } from "../accounts/commands";

/**
 * Commands of the savings module. Each is a balance command (idempotent on its business key)
 * over one savings position: the principal a subscription placed in the savings pool, which the
 * engine holds until a final payout or an early redemption returns it, once.
 */

/** Opens a position: user available → savings pool. The business id is the subscription's id. */
export interface SavingsSubscribeCommand extends CommandBase, BusinessKey {
  type: "savings.subscribe";
  subscriptionId: string;
  userId: number;
  asset: string;
  amountAtoms: bigint;
}

/**
 * Pays one plan of a position (the business id is the plan's id): `interestAtoms` from the
 * savings interest-expense account, and with the last plan `principalAtoms` — exactly the
 * position's principal — from the pool, which closes the position. Either may be zero, not both.
 */
export interface SavingsPayoutCommand extends CommandBase, BusinessKey {
  type: "savings.payout";
  subscriptionId: string;
  interestAtoms: bigint;
  principalAtoms: bigint;
}

/**
 * Redeems a position early and closes it (the business id is the subscription's id): the
 * principal returns to the user less the deduction — the interest already paid on it when
 * `forfeitInterest`, plus `penaltyAtoms` — which goes to the interest-expense account. The
 * deduction never exceeds the principal.
 */
export interface SavingsRedeemCommand extends CommandBase, BusinessKey {
  type: "savings.redeem";
  subscriptionId: string;
  forfeitInterest: boolean;
  penaltyAtoms: bigint;
}

/** Everything the savings module runs. */
export type SavingsCommand = SavingsSubscribeCommand | SavingsPayoutCommand | SavingsRedeemCommand;

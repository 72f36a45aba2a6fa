import type { CommandBase } from "../../commands";
import type { BusinessKey } from "../accounts/commands";

/**
 * Commands of the savings module. Each is a money command idempotent on its business key (a
 * repeated key returns the first accepted result and changes nothing) over one savings position:
 * the principal a subscription placed in the savings pool (the asset's `savings` system
 * account), which the engine holds until a final payout or an early redemption returns it,
 * once. Each posts one `balance.changed` whose cause is the command's type. A rejection changes
 * nothing; its codes are 1xx (malformed), 200, 600, 601 and 605, and the 7xx savings codes.
 */

/**
 * Opens a position: user available → savings pool. The business id is the subscription's id.
 * Rejected with 700 `SavingsPositionExists` while a position with this `subscriptionId` is open,
 * 600 `InsufficientBalance` when the user's available balance is below the amount.
 */
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
 * position's principal — from the pool, which closes the position. Either may be zero, not both
 * (601 `InvalidAmount`, as for any other principal). Rejected with 701 `SavingsPositionNotFound`
 * when the position is not open (never opened, redeemed, or its principal already paid), 605
 * `AmountAboveMax` when the credit would take the user above the asset's maximum.
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
 * deduction never exceeds the principal. Rejected with 701 `SavingsPositionNotFound` when the
 * position is not open, 601 `InvalidAmount` for a negative penalty.
 */
export interface SavingsRedeemCommand extends CommandBase, BusinessKey {
  type: "savings.redeem";
  subscriptionId: string;
  forfeitInterest: boolean;
  penaltyAtoms: bigint;
}

/** Everything the savings module runs. */
export type SavingsCommand = SavingsSubscribeCommand | SavingsPayoutCommand | SavingsRedeemCommand;

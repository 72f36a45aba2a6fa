import type { SavingsEarlyRedemption } from "@exchange/contracts/savings";

/**
 * The arithmetic of an early redemption, pure. The engine applies the same rule from the command
 * (`forfeitInterest`, `penaltyAtoms`) and is the one that moves the money; this is what the
 * quote shows and what the command carries.
 */

/** Rates are stored in millionths: 1 000 000 ppm = 100 %. */
export const PPM = 1_000_000n;

/** The penalty of `penaltyRatePpm` on a principal, rounded UP to the atom (in the exchange's favour). */
export function penaltyAtoms(principalAtoms: bigint, penaltyRatePpm: number): bigint {
  if (principalAtoms < 0n || penaltyRatePpm < 0) throw new RangeError("negative principal or rate");
  const product = principalAtoms * BigInt(penaltyRatePpm);
  return (product + PPM - 1n) / PPM;
}

export interface RedemptionInput {
  rule: SavingsEarlyRedemption;
  penaltyRatePpm: number;
  principalAtoms: bigint;
  /** Interest already paid on the subscription (taken back under FORFEIT_INTEREST). */
  interestPaidAtoms: bigint;
  /** Interest of the plans still pending: what redeeming now gives up. */
  interestPendingAtoms: bigint;
}

export interface RedemptionAmounts {
  /** What the engine command carries. */
  forfeitInterest: boolean;
  penaltyAtoms: bigint;
  /** Kept from the principal: penalty plus forfeited interest, never more than the principal. */
  deductionAtoms: bigint;
  returnedAtoms: bigint;
  interestForgoneAtoms: bigint;
}

/** What redeeming now would return, per the rule. NOT_ALLOWED has no amounts: callers refuse it first. */
export function redemptionAmounts(input: RedemptionInput): RedemptionAmounts {
  if (input.rule === "NOT_ALLOWED") throw new Error("early redemption is not allowed");
  const forfeitInterest = input.rule === "FORFEIT_INTEREST";
  const penalty =
    input.rule === "PENALTY" ? penaltyAtoms(input.principalAtoms, input.penaltyRatePpm) : 0n;
  const wanted = penalty + (forfeitInterest ? input.interestPaidAtoms : 0n);
  const deductionAtoms = wanted < input.principalAtoms ? wanted : input.principalAtoms;
  return {
    forfeitInterest,
    penaltyAtoms: penalty,
    deductionAtoms,
    returnedAtoms: input.principalAtoms - deductionAtoms,
    interestForgoneAtoms: input.interestPendingAtoms,
  };
}

import type { WithdrawalStatus } from "@exchange/contracts/wallet";

/**
 * A withdrawal's one state machine. Every change of state goes through `moveWithdrawal`
 * (withdrawal-repository.ts), a compare-and-set on the current status, so each transition
 * happens once even when a user's cancel races a finance approval or a restarted signer repeats
 * itself: whoever moves the row first wins, the other is told the state it found.
 *
 * ```
 * REQUESTED ──freeze──► PENDING_APPROVAL ──approvals──► APPROVED ──signer──► BROADCAST ──► CONFIRMED
 *     │                   │          │                                        │
 *     └─ (row deleted     │          └──► CANCELLED (the user)                └──► FAILED (reverted, dropped)
 *        if refused)      └──► REJECTED (finance)
 * ```
 *
 * The money follows the state, never leads it: a row reaches an end state first, then the
 * engine command of that state (settle for CONFIRMED, release for the others) is sent with an
 * id derived from the withdrawal (`commandIds`), and `engineDoneAt` records its verdict; a
 * restart re-sends what is missing and the journal answers a repeat without acting twice.
 */
export const WITHDRAWAL_TRANSITIONS: Readonly<
  Record<WithdrawalStatus, readonly WithdrawalStatus[]>
> = {
  REQUESTED: ["PENDING_APPROVAL", "APPROVED"],
  PENDING_APPROVAL: ["APPROVED", "REJECTED", "CANCELLED"],
  APPROVED: ["BROADCAST"],
  BROADCAST: ["CONFIRMED", "FAILED"],
  CONFIRMED: [],
  REJECTED: [],
  CANCELLED: [],
  FAILED: [],
};

export function canMoveWithdrawal(from: WithdrawalStatus, to: WithdrawalStatus): boolean {
  return WITHDRAWAL_TRANSITIONS[from].includes(to);
}

/** What the engine does when a withdrawal reaches `status`: nothing, settle or release. */
export function engineActionOf(status: WithdrawalStatus): "settle" | "release" | undefined {
  if (status === "CONFIRMED") return "settle";
  if (status === "REJECTED" || status === "CANCELLED" || status === "FAILED") return "release";
  return undefined;
}

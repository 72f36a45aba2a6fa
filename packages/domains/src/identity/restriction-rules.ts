/**
 * What compliance can stop a user doing, and which actions each restriction stops. Pure: the
 * services read what is in force and ask here, so the rule is written once and tested alone.
 */

/** The restrictions staff set and lift, each on its own with a reason. */
export const RESTRICTION_KINDS = [
  /** No new order, OCO list or amendment; cancelling stays allowed so the trader may reduce risk. */
  "TRADING",
  /** No new withdrawal request, and finance may not approve a pending one. */
  "WITHDRAWALS",
  /** No log-in: the account is SUSPENDED, its sessions end and its sockets close. */
  "LOGIN",
] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** The actions a restriction can stop. */
export type RestrictedAction =
  | "placeOrder"
  | "placeOco"
  | "amendOrder"
  | "cancelOrder"
  | "requestWithdrawal"
  | "approveWithdrawal"
  | "cancelWithdrawal"
  | "logIn";

const STOPS: Record<RestrictionKind, readonly RestrictedAction[]> = {
  TRADING: ["placeOrder", "placeOco", "amendOrder"],
  WITHDRAWALS: ["requestWithdrawal", "approveWithdrawal"],
  // A suspended trader has no session; whatever still reaches the domain (a key) may not add risk.
  LOGIN: ["logIn", "placeOrder", "placeOco", "amendOrder", "requestWithdrawal"],
};

/** The first restriction in force that stops `action`, or null when none does. */
export function restrictionStopping(
  inForce: Iterable<RestrictionKind>,
  action: RestrictedAction,
): RestrictionKind | null {
  for (const kind of inForce) if (STOPS[kind].includes(action)) return kind;
  return null;
}

/** A user's restrictions as staff and the trader see them: which are in force. */
export interface RestrictionFlags {
  tradingFrozen: boolean;
  withdrawalsFrozen: boolean;
  loginSuspended: boolean;
}

/** The kinds in force, from the stored rows' kinds and the account's status. */
export function restrictionsInForce(
  rows: Iterable<"TRADING" | "WITHDRAWALS">,
  status: "ACTIVE" | "SUSPENDED",
): RestrictionKind[] {
  const kinds: RestrictionKind[] = [...new Set(rows)];
  if (status === "SUSPENDED") kinds.push("LOGIN");
  return kinds;
}

export function flagsOf(inForce: readonly RestrictionKind[]): RestrictionFlags {
  return {
    tradingFrozen: inForce.includes("TRADING"),
    withdrawalsFrozen: inForce.includes("WITHDRAWALS"),
    loginSuspended: inForce.includes("LOGIN"),
  };
}

import {
  compare,
  type Decimal,
  multiply,
  parseDecimal,
  rescale,
  subtract,
  toUnits,
} from "@exchange/contracts/money";

/**
 * A withdrawal's rules as pure functions of their facts: the fee, the approvals it needs, its
 * risk flags, the value that counts against the daily limit. The service (withdrawals.ts)
 * gathers the facts; these decide. Every rounding is in the exchange's favour and named.
 */

/** Gas a transfer uses on an EVM chain: a plain one, and an ERC-20 `transfer` (with margin). */
export const GAS_LIMIT = { NATIVE: 21_000n, ERC20: 65_000n } as const;

/** Decimals of an EVM chain's native coin (wei per ether: 10^18). */
export const NATIVE_DECIMALS = 18;

export interface FeeFacts {
  kind: "NATIVE" | "ERC20";
  /** The chain's current fee per gas (EIP-1559 max fee), in wei. */
  feePerGasWei: bigint;
  /** The asset's engine precision. */
  precision: number;
  /** The asset's `withdrawalFeeFloor`, whole units. */
  floor: Decimal;
  /** For a token: the native coin's price in the token (ETH in USDT). Unknown ⇒ the floor. */
  nativePrice?: Decimal | undefined;
}

/**
 * The network fee charged for a withdrawal, in atoms of the asset: gas × the chain's fee per
 * gas, in the asset (a token's converted at the native coin's price), rounded UP to the asset's
 * precision, never below the floor. Without a price for a token, the floor is the fee.
 */
export function withdrawalFeeAtoms(facts: FeeFacts): bigint {
  const floorAtoms = toUnits(facts.floor, facts.precision, "up");
  const wei = facts.feePerGasWei * GAS_LIMIT[facts.kind];
  let chainAtoms: bigint;
  if (facts.kind === "NATIVE") {
    chainAtoms = rescale({ units: wei, scale: NATIVE_DECIMALS }, facts.precision, "up").units;
  } else if (facts.nativePrice !== undefined) {
    const value = multiply({ units: wei, scale: NATIVE_DECIMALS }, facts.nativePrice);
    chainAtoms = rescale(value, facts.precision, "up").units;
  } else {
    chainAtoms = 0n;
  }
  return chainAtoms > floorAtoms ? chainAtoms : floorAtoms;
}

export interface ApprovalThresholds {
  /** Atoms: up to this, approved automatically when nothing was flagged. */
  autoApproveMaxAtoms: bigint;
  /** Atoms: above this, a second, different approver. */
  dualApprovalMinAtoms: bigint;
}

/** How many finance approvals a withdrawal of `amountAtoms` with `riskFlags` needs: 0, 1 or 2. */
export function requiredApprovalsOf(
  amountAtoms: bigint,
  riskFlags: readonly string[],
  thresholds: ApprovalThresholds,
): 0 | 1 | 2 {
  if (amountAtoms > thresholds.dualApprovalMinAtoms) return 2;
  if (amountAtoms > thresholds.autoApproveMaxAtoms || riskFlags.length > 0) return 1;
  return 0;
}

/** A risk check raised at request; any of them sends the withdrawal to finance. */
export const RISK_FLAGS = {
  /** More than `VELOCITY_MAX_PER_HOUR` withdrawals within the last hour, this one included. */
  velocity: "velocity",
  /** The first withdrawal of this user to this address. */
  newAddress: "new_address",
  /** The password or two-factor changed within the last `SECURITY_CHANGE_WINDOW_MS`. */
  recentSecurityChange: "recent_security_change",
} as const;

export const VELOCITY_MAX_PER_HOUR = 3;
export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * HOUR_MS;
export const SECURITY_CHANGE_WINDOW_MS = DAY_MS;

export interface RiskFacts {
  /** The user's withdrawals (still counting) created within the last hour, before this one. */
  withdrawalsLastHour: number;
  /** The user has withdrawn to this address before. */
  addressUsedBefore: boolean;
  passwordChangedAt: Date | null;
  totpEnabledAt: Date | null;
  now: Date;
}

export function riskFlagsOf(facts: RiskFacts): string[] {
  const flags: string[] = [];
  if (facts.withdrawalsLastHour + 1 > VELOCITY_MAX_PER_HOUR) flags.push(RISK_FLAGS.velocity);
  if (!facts.addressUsedBefore) flags.push(RISK_FLAGS.newAddress);
  const recent = (at: Date | null) =>
    at !== null && facts.now.getTime() - at.getTime() < SECURITY_CHANGE_WINDOW_MS;
  if (recent(facts.passwordChangedAt) || recent(facts.totpEnabledAt)) {
    flags.push(RISK_FLAGS.recentSecurityChange);
  }
  return flags;
}

/** The quote asset every daily limit is valued in. */
export const LIMIT_ASSET = "USDT";

/**
 * `atoms` of an asset valued in USDT (8 decimals out, rounded UP: a limit is never under-
 * counted). USDT is itself; any other asset at `price` (its USDT market's last price), or
 * undefined when there is none.
 */
export function usdtValueOf(
  atoms: bigint,
  precision: number,
  assetCode: string,
  price: Decimal | undefined,
): Decimal | undefined {
  const amount = { units: atoms, scale: precision };
  if (assetCode === LIMIT_ASSET) return amount;
  if (price === undefined) return undefined;
  return multiply(amount, price);
}

/** What is left of a daily limit, never below zero. */
export function remainingLimit(limit: Decimal, used: Decimal): Decimal {
  return compare(used, limit) >= 0 ? { units: 0n, scale: 0 } : subtract(limit, used);
}

/** Whole-unit text of a chain asset's threshold as atoms, rounded down (a threshold, not a fee). */
export function thresholdAtoms(text: string, precision: number): bigint {
  const value = parseDecimal(text);
  if (value === null) throw new Error(`not a decimal threshold: ${text}`);
  return toUnits(value, precision, "down");
}

import { decimal, divide, toUnits } from "@exchange/contracts/money";

/**
 * The hot wallet's lines, as pure decisions (seed 004, 调拨 and 预警): where a balance stands
 * against an asset's warning and low lines, which alerts a check must open or resolve, and how
 * a chain amount becomes engine atoms. No I/O: treasury.ts reads the chain and the tables and
 * applies what these answer.
 */

/** Where a hot wallet's balance of one asset stands against its two lines. */
export const HOT_WALLET_STATES = ["OK", "BELOW_WARNING", "BELOW_LOW"] as const;
export type HotWalletState =
  /** At or above the warning line. */
  | "OK"
  /** Below the warning line, at or above the low line: finance is alerted, withdrawals go on. */
  | "BELOW_WARNING"
  /** Below the low line: withdrawals of the asset wait until the hot wallet is topped up. */
  | "BELOW_LOW";

/** The alert kinds of the hot wallet's lines (a subset of `WalletAlertKind`). */
export const HOT_WALLET_ALERT_KINDS = ["HOT_WALLET_WARNING", "HOT_WALLET_LOW"] as const;
export type HotWalletAlertKind = (typeof HOT_WALLET_ALERT_KINDS)[number];

/** An asset's lines in the chain's smallest unit (wei, token atoms), as `lineUnits` converts them. */
export interface HotWalletLines {
  warningUnits: bigint;
  lowUnits: bigint;
}

/**
 * A line of `chain_assets` (whole units, decimal text) in the chain's smallest unit, rounded UP:
 * a line finer than the chain's decimals alerts a hair early rather than a hair late.
 */
export function lineUnits(lineText: string, chainDecimals: number): bigint {
  return toUnits(decimal(lineText), chainDecimals, "up");
}

/** Strictly below a line is below it: a balance exactly on the line is still fine. */
export function hotWalletState(balanceUnits: bigint, lines: HotWalletLines): HotWalletState {
  if (balanceUnits < lines.lowUnits) return "BELOW_LOW";
  if (balanceUnits < lines.warningUnits) return "BELOW_WARNING";
  return "OK";
}

/**
 * Which of the two alerts should be open for a balance. Each kind stands on its own line, so a
 * balance below the low line has both open (it is below the warning line too), and a top-up
 * between the lines resolves the low alert while the warning one stays.
 */
export function alertsDue(balanceUnits: bigint, lines: HotWalletLines): Set<HotWalletAlertKind> {
  const due = new Set<HotWalletAlertKind>();
  if (balanceUnits < lines.warningUnits) due.add("HOT_WALLET_WARNING");
  if (balanceUnits < lines.lowUnits) due.add("HOT_WALLET_LOW");
  return due;
}

/** What one check must change: alerts to open (and mail about) and open alerts to resolve. */
export interface AlertDecision {
  open: HotWalletAlertKind[];
  /** Ids of open alerts whose line the balance is back above. */
  resolve: number[];
}

/**
 * Compares the alerts due with those already open for one asset: opens only what is not open
 * yet (a check run twice opens nothing twice, so finance is mailed once) and resolves what is
 * no longer due. An open alert of a kind not due is resolved, whatever its age.
 */
export function decideAlerts(
  due: ReadonlySet<HotWalletAlertKind>,
  openAlerts: ReadonlyArray<{ id: number; kind: HotWalletAlertKind }>,
): AlertDecision {
  const openKinds = new Set(openAlerts.map((alert) => alert.kind));
  return {
    open: HOT_WALLET_ALERT_KINDS.filter((kind) => due.has(kind) && !openKinds.has(kind)),
    resolve: openAlerts.filter((alert) => !due.has(alert.kind)).map((alert) => alert.id),
  };
}

/**
 * A chain amount (wei, token atoms: `chainDecimals` places) in engine atoms of an asset with
 * `precision` places. Rounded DOWN when the chain is finer than the engine (ETH: 18 → 8): the
 * exchange counts no more on chain than is there, so dust never hides a shortfall. Exact when
 * the engine is as fine or finer (USDT: 6 → 8).
 */
export function chainToEngineAtoms(
  chainUnits: bigint,
  chainDecimals: number,
  precision: number,
): bigint {
  if (precision >= chainDecimals) return chainUnits * 10n ** BigInt(precision - chainDecimals);
  return divide(chainUnits, 10n ** BigInt(chainDecimals - precision), "down");
}

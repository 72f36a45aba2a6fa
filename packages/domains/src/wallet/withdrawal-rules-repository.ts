import { decimalText } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * What the withdrawal rules read besides the `withdrawals` table: an asset's withdrawal
 * thresholds on a chain (`chain_assets`), its engine precision (`assets`), the owner's contact
 * and security dates (`users`), the KYC level's limits, the address book and the blocklist.
 * Amounts come back as decimal strings of whole units; the rules convert them once.
 */

export interface WithdrawalAssetRules {
  chainKey: string;
  assetCode: string;
  kind: "NATIVE" | "ERC20";
  contractAddress: string | null;
  /** Decimals on chain. */
  decimals: number;
  /** Decimals in the engine (atoms of the ledger). */
  precision: number;
  confirmations: number;
  enabled: boolean;
  /** The asset itself is tradable and movable (`assets.status`). */
  assetActive: boolean;
  minWithdrawal: string;
  withdrawalFeeFloor: string;
  autoApproveMax: string;
  dualApprovalMin: string;
}

export async function findWithdrawalAssetRules(
  db: Store,
  chainKey: string,
  assetCode: string,
): Promise<WithdrawalAssetRules | undefined> {
  const row = await db.chainAsset.findUnique({
    where: { chainKey_assetCode: { chainKey, assetCode } },
    select: {
      chainKey: true,
      assetCode: true,
      kind: true,
      contractAddress: true,
      decimals: true,
      confirmations: true,
      enabled: true,
      minWithdrawal: true,
      withdrawalFeeFloor: true,
      autoApproveMax: true,
      dualApprovalMin: true,
      asset: { select: { precision: true, status: true } },
    },
  });
  if (!row) return undefined;
  const { asset, ...rest } = row;
  return {
    ...rest,
    precision: asset.precision,
    assetActive: asset.status === "ACTIVE",
    minWithdrawal: decimalText(row.minWithdrawal),
    withdrawalFeeFloor: decimalText(row.withdrawalFeeFloor),
    autoApproveMax: decimalText(row.autoApproveMax),
    dualApprovalMin: decimalText(row.dualApprovalMin),
  };
}

/** Every enabled asset of a chain, with its withdrawal rules (the Withdraw page's choices). */
export async function findChainWithdrawalAssets(
  db: Store,
  chainKey: string,
): Promise<WithdrawalAssetRules[]> {
  const rows = await db.chainAsset.findMany({
    where: { chainKey, enabled: true },
    orderBy: { assetCode: "asc" },
    select: { assetCode: true },
  });
  const rules = await Promise.all(
    rows.map((r) => findWithdrawalAssetRules(db, chainKey, r.assetCode)),
  );
  return rules.filter((r): r is WithdrawalAssetRules => r !== undefined);
}

/** Engine precision of each asset by code (views of many withdrawals at once). */
export async function findAssetPrecisions(db: Store): Promise<Map<string, number>> {
  const rows = await db.asset.findMany({ select: { code: true, precision: true } });
  return new Map(rows.map((r) => [r.code, r.precision]));
}

/** Confirmations each asset of each chain needs, keyed `chain/asset`. */
export async function findChainConfirmations(db: Store): Promise<Map<string, number>> {
  const rows = await db.chainAsset.findMany({
    select: { chainKey: true, assetCode: true, confirmations: true },
  });
  return new Map(rows.map((r) => [`${r.chainKey}/${r.assetCode}`, r.confirmations]));
}

export interface WithdrawalOwner {
  id: number;
  email: string;
  /** The language the owner reads: the end-state mail is written in it. */
  locale: string;
  kycLevel: number;
  active: boolean;
  passwordChangedAt: Date | null;
  totpEnabledAt: Date | null;
}

export async function findWithdrawalOwner(
  db: Store,
  userId: number,
): Promise<WithdrawalOwner | undefined> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      locale: true,
      kycLevel: true,
      status: true,
      passwordChangedAt: true,
      totpEnabledAt: true,
    },
  });
  if (!row) return undefined;
  const { status, ...rest } = row;
  return { ...rest, active: status === "ACTIVE" };
}

export interface WithdrawalLevelLimits {
  level: number;
  name: string;
  canWithdraw: boolean;
  /** USDT per rolling 24 h, decimal string. */
  dailyWithdrawalLimit: string;
}

/** The limits of a KYC level; undefined for a level without a row (which may do nothing). */
export async function findLevelLimits(
  db: Store,
  level: number,
): Promise<WithdrawalLevelLimits | undefined> {
  const row = await db.kycLevelLimit.findUnique({
    where: { level },
    select: { level: true, name: true, canWithdraw: true, dailyWithdrawalLimit: true },
  });
  return row ? { ...row, dailyWithdrawalLimit: decimalText(row.dailyWithdrawalLimit) } : undefined;
}

/** The blocklist's reason for an address, or undefined when it is not blocked. */
export async function findBlockedAddress(
  db: Store,
  chainKey: string,
  address: string,
): Promise<string | undefined> {
  const row = await db.blockedAddress.findUnique({
    where: { chainKey_address: { chainKey, address } },
    select: { reason: true },
  });
  return row?.reason;
}

/** Whether an address is some user's deposit address on the chain (the exchange's own). */
export async function isDepositAddress(
  db: Store,
  chainKey: string,
  address: string,
): Promise<boolean> {
  const row = await db.depositAddress.findUnique({
    where: { chainKey_address: { chainKey, address } },
    select: { userId: true },
  });
  return row !== null;
}

import { decimalText } from "@exchange/contracts/money";
import type { Store } from "../services";
import type { ChainAssetKind } from "./chain-asset-repository";

/**
 * What finance's hot-wallet view reads: each enabled chain asset with its lines and the
 * engine's precision, and the sweeps the signer records. Read-only; the signer writes `sweeps`,
 * chain-asset-repository.ts owns `chain_assets`' writes.
 */

export interface HotWalletAsset {
  assetCode: string;
  kind: ChainAssetKind;
  /** Null for the native coin, or a token whose deployment is not recorded yet. */
  contractAddress: string | null;
  /** Decimals on chain. */
  decimals: number;
  /** Decimals of the asset in the engine. */
  precision: number;
  /** Whole units, decimal text. */
  warningLine: string;
  lowLine: string;
}

/** The enabled assets of a chain with their hot-wallet lines, asset-code order. */
export async function findHotWalletAssets(db: Store, chainKey: string): Promise<HotWalletAsset[]> {
  const rows = await db.chainAsset.findMany({
    where: { chainKey, enabled: true },
    orderBy: { assetCode: "asc" },
    select: {
      assetCode: true,
      kind: true,
      contractAddress: true,
      decimals: true,
      hotWalletWarning: true,
      hotWalletLow: true,
      asset: { select: { precision: true } },
    },
  });
  return rows.map((row) => ({
    assetCode: row.assetCode,
    kind: row.kind,
    contractAddress: row.contractAddress,
    decimals: row.decimals,
    precision: row.asset.precision,
    warningLine: decimalText(row.hotWalletWarning),
    lowLine: decimalText(row.hotWalletLow),
  }));
}

/** A sweep's state; the table's `SweepStatus`. */
export type SweepStatus = "FUNDING" | "BROADCAST" | "CONFIRMED" | "FAILED";

export interface SweepRecord {
  id: number;
  assetCode: string;
  userId: number;
  fromAddress: string;
  /** In the chain's smallest unit. */
  chainAmount: bigint;
  status: SweepStatus;
  txHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The newest `limit` sweeps of a chain, newest first. */
export async function findRecentSweeps(
  db: Store,
  chainKey: string,
  limit: number,
): Promise<SweepRecord[]> {
  const rows = await db.sweep.findMany({
    where: { chainKey },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      assetCode: true,
      userId: true,
      fromAddress: true,
      chainAmount: true,
      status: true,
      txHash: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  // NUMERIC(78,0): every digit through its plain text, never a float.
  return rows.map((row) => ({ ...row, chainAmount: BigInt(decimalText(row.chainAmount)) }));
}

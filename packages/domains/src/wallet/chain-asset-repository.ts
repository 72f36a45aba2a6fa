import { decimalText } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * The chains' assets (`chain_assets`): which asset each chain carries, as its native coin or a
 * token contract, with the chain's decimals, the confirmations a deposit needs and the least
 * deposit credited. The only code that reads or writes that table. Data, not code: a new token
 * is a row, and a local chain's start records where it deployed its token.
 */

/** How a chain carries an asset: its own coin, or an ERC-20 token contract. */
export const CHAIN_ASSET_KINDS = ["NATIVE", "ERC20"] as const;
export type ChainAssetKind = (typeof CHAIN_ASSET_KINDS)[number];

export interface ChainAsset {
  chainKey: string;
  assetCode: string;
  kind: ChainAssetKind;
  /** The token's contract; null for the native coin or a token not deployed yet. */
  contractAddress: string | null;
  /** Decimals on chain, which may differ from the asset's precision in the engine. */
  decimals: number;
  confirmations: number;
  /** In whole units of the asset, a decimal string (`"0.001"`). */
  minDeposit: string;
  enabled: boolean;
}

const SELECT = {
  chainKey: true,
  assetCode: true,
  kind: true,
  contractAddress: true,
  decimals: true,
  confirmations: true,
  minDeposit: true,
  enabled: true,
} as const;

type Row = Omit<ChainAsset, "minDeposit"> & { minDeposit: Parameters<typeof decimalText>[0] };

const toChainAsset = (row: Row): ChainAsset => ({
  ...row,
  minDeposit: decimalText(row.minDeposit),
});

/** The enabled assets of one chain, asset-code order. */
export async function findEnabledChainAssets(db: Store, chainKey: string): Promise<ChainAsset[]> {
  const rows = await db.chainAsset.findMany({
    where: { chainKey, enabled: true },
    orderBy: { assetCode: "asc" },
    select: SELECT,
  });
  return rows.map(toChainAsset);
}

/** One asset on one chain, enabled or not; undefined when the chain does not carry it. */
export async function findChainAsset(
  db: Store,
  chainKey: string,
  assetCode: string,
): Promise<ChainAsset | undefined> {
  const row = await db.chainAsset.findUnique({
    where: { chainKey_assetCode: { chainKey, assetCode } },
    select: SELECT,
  });
  return row ? toChainAsset(row) : undefined;
}

/**
 * Records where a token is deployed. Throws when the chain has no such token row (seed first),
 * rather than creating one whose decimals and limits nobody chose.
 */
export async function recordTokenContract(
  db: Store,
  token: { chainKey: string; assetCode: string; contractAddress: string },
): Promise<void> {
  const { count } = await db.chainAsset.updateMany({
    where: { chainKey: token.chainKey, assetCode: token.assetCode, kind: "ERC20" },
    data: { contractAddress: token.contractAddress },
  });
  if (count !== 1) {
    throw new Error(
      `No ${token.assetCode} token on chain ${token.chainKey} to record its contract`,
    );
  }
}

/** An enabled asset of a chain with what its deposits need: the engine's precision, the large line. */
export interface DepositAsset extends ChainAsset {
  /** Places of one engine atom of the asset (`assets.precision`). */
  precision: number;
  /** In whole units, a decimal string: a deposit of at least this is held for finance. */
  largeDeposit: string;
}

/** The chain's enabled assets with their deposit rules, asset-code order. */
export async function findDepositAssets(db: Store, chainKey: string): Promise<DepositAsset[]> {
  const rows = await db.chainAsset.findMany({
    where: { chainKey, enabled: true },
    orderBy: { assetCode: "asc" },
    select: { ...SELECT, largeDeposit: true, asset: { select: { precision: true } } },
  });
  return rows.map(({ largeDeposit, asset, ...row }) => ({
    ...toChainAsset(row),
    precision: asset.precision,
    largeDeposit: decimalText(largeDeposit),
  }));
}

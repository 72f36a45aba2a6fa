import type { Services } from "../services";
import { findAssetNetworks } from "./asset-network-repository";

/** How one chain carries an asset, as a program deciding where to deposit or withdraw reads it. */
export interface AssetNetwork {
  chainKey: string;
  kind: "NATIVE" | "ERC20";
  contractAddress: string | null;
  confirmations: number;
  /** Deposits and withdrawals on this chain are open (the asset active and the chain enabled). */
  enabled: boolean;
  /** Whole units, decimal strings. */
  minDeposit: string;
  minWithdrawal: string;
  /**
   * The least fee a withdrawal pays: the actual fee follows the chain's gas price at request
   * time (withdrawal quotes), never below this.
   */
  withdrawalFee: string;
}

export interface AssetWithNetworks {
  asset: string;
  name: string;
  active: boolean;
  networks: AssetNetwork[];
}

/** Every asset with the chains it moves on (an asset only traded here has none). */
export async function listAssetNetworks(services: Services): Promise<AssetWithNetworks[]> {
  const assets = await findAssetNetworks(services.db);
  return assets.map((asset) => ({
    asset: asset.code,
    name: asset.name,
    active: asset.active,
    networks: asset.networks.map((n) => ({
      chainKey: n.chainKey,
      kind: n.kind,
      contractAddress: n.contractAddress,
      confirmations: n.confirmations,
      enabled: asset.active && n.enabled,
      minDeposit: n.minDeposit,
      minWithdrawal: n.minWithdrawal,
      withdrawalFee: n.withdrawalFeeFloor,
    })),
  }));
}

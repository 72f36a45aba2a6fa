import QRCode from "qrcode";
import { AppError, AppErrorCode } from "../errors";
import { assertCanDeposit } from "../kyc/kyc-levels";
import type { Services } from "../services";
import { type DepositAsset, findDepositAssets } from "./chain-asset-repository";
import { findDepositAddress, recordDepositAddress } from "./deposit-address-repository";
import type { DepositAddressView } from "./deposit-contracts";
import type { WalletChain } from "./wallet-chain";

/**
 * The user's deposit address on the wallet's chain: derived from the xpub at the user's id (no
 * key anywhere near), recorded on the first request so the watcher looks for it, the same on
 * every request after. One address per user per chain serves every asset of the chain.
 */
export async function depositAddressOf(
  services: Services,
  userId: number,
  input: { asset: string },
): Promise<DepositAddressView> {
  const chain = requireWallet(services);
  await assertCanDeposit(services.db, userId);
  const asset = await requireDepositAsset(services, chain, input.asset);
  const address =
    (await findDepositAddress(services.db, chain.key, userId)) ??
    (await recordDepositAddress(services.db, {
      chainKey: chain.key,
      userId,
      address: chain.addresses.depositAddress(userId),
    }));
  return {
    asset: asset.assetCode,
    network: chain.key,
    address,
    qrCodeDataUrl: await QRCode.toDataURL(address, { margin: 1, width: 220 }),
    minDeposit: asset.minDeposit,
    confirmationsRequired: asset.confirmations,
    contractAddress: asset.contractAddress,
  };
}

/** The assets the wallet's chain takes deposits of (enabled ones), asset-code order. */
export async function listDepositAssets(services: Services) {
  const chain = requireWallet(services);
  const assets = await findDepositAssets(services.db, chain.key);
  return {
    network: chain.key,
    assets: assets.map((a) => ({
      asset: a.assetCode,
      minDeposit: a.minDeposit,
      confirmationsRequired: a.confirmations,
      contractAddress: a.contractAddress,
    })),
  };
}

/** The wallet's chain, or WALLET_UNAVAILABLE when this process has none. */
export function requireWallet(services: Services): WalletChain {
  if (!services.wallet) {
    throw new AppError(
      AppErrorCode.WALLET_UNAVAILABLE,
      "Deposits are not available right now: the wallet is not connected. Please try again later.",
    );
  }
  return services.wallet;
}

/** The enabled asset of the chain, or UNSUPPORTED_ASSET naming what the chain does carry. */
export async function requireDepositAsset(
  services: Services,
  chain: WalletChain,
  code: string,
): Promise<DepositAsset> {
  const assets = await findDepositAssets(services.db, chain.key);
  const asset = assets.find((a) => a.assetCode === code);
  if (asset) return asset;
  const known = assets.map((a) => a.assetCode).join(", ") || "none";
  throw new AppError(
    AppErrorCode.UNSUPPORTED_ASSET,
    `${code} cannot be deposited on ${chain.key}. Supported: ${known}.`,
    { asset: [`Choose one of: ${known}.`] },
  );
}

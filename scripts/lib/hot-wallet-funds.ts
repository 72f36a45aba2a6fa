import { fundOnLocalChain } from "@exchange/chain/local-faucet";
import type { ChainNode } from "./chain-node";

/** What a fresh local chain's hot wallet starts with: 100 ETH and 1 000 000 USDT (6 decimals). */
export const LOCAL_HOT_WALLET_FUNDS = { ETH: 100n * 10n ** 18n, USDT: 1_000_000n * 10n ** 6n };

/**
 * Gives the hot wallet of a fresh local chain (dev, the E2E run) its opening funds from the
 * test faucet, so withdrawals go out before any deposit has been swept in. A real deployment's
 * hot wallet is funded by sweeps and by transfers from cold storage, never by this.
 */
export async function fundLocalHotWallet(chain: ChainNode, hotWallet: string): Promise<void> {
  await fundOnLocalChain({
    rpcUrl: chain.rpcUrl,
    to: hotWallet,
    amountUnits: LOCAL_HOT_WALLET_FUNDS.ETH,
  });
  await fundOnLocalChain({
    rpcUrl: chain.rpcUrl,
    to: hotWallet,
    amountUnits: LOCAL_HOT_WALLET_FUNDS.USDT,
    token: chain.tokenAddress,
  });
}

import {
  type ChainAdapter,
  createEvmAdapter,
  parseAccountXpub,
  type WalletAddresses,
} from "@exchange/chain";

/** Where a process finds the wallet's chain: CHAIN_KEY, CHAIN_RPC_URL, CHAIN_ID and WALLET_XPUB. */
export interface ChainConfig {
  /** The chain's key in `chain_assets`. */
  key: string;
  rpcUrl: string;
  /** What the node must answer to `eth_chainId`; a node of another chain is refused. */
  chainId: number;
  /** The signer's account xpub: the deposit addresses and the hot wallet's, no key. */
  walletXpub: string;
}

/**
 * The chain as the wallet domain uses it: its key, the adapter every read and broadcast goes
 * through, and the exchange's addresses on it (derived from the xpub, never from a key).
 */
export interface WalletChain {
  key: string;
  chainId: number;
  adapter: ChainAdapter;
  addresses: WalletAddresses;
}

/** Builds the wallet's chain; throws on a bad xpub. Nothing is asked of the node until used. */
export function connectWalletChain(config: ChainConfig): WalletChain {
  return {
    key: config.key,
    chainId: config.chainId,
    adapter: createEvmAdapter({ rpcUrl: config.rpcUrl }),
    addresses: parseAccountXpub(config.walletXpub),
  };
}

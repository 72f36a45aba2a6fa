/**
 * Everything that touches a blockchain: the chain-adapter interface the wallet domain and the
 * worker's chain watcher use, one adapter per chain family (EVM on viem first), and
 * hierarchical-deterministic deposit addresses. Private keys live only in the signer module
 * (`@exchange/chain/signer`), which this index does not export.
 */

export * from "./chain-adapter";
export { createEvmAdapter, type EvmAdapterOptions, sameAddress } from "./evm-adapter";
export * from "./evm-transactions";
export * from "./hd-wallet";

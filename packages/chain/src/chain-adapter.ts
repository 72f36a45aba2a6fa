/**
 * Everything the exchange asks of one chain family, and nothing more: the wallet domain, the
 * deposit watcher and the signer's broadcaster go through this interface, so another family
 * (Bitcoin, Tron, …) is one more adapter. Amounts are always `bigint` in the chain's smallest
 * unit (wei, token atoms); addresses and hashes are the chain's own text.
 */

export interface BlockRange {
  /** First block, inclusive. */
  from: bigint;
  /** Last block, inclusive. */
  to: bigint;
}

/** A block's place in the chain: a different hash at the same height means a reorganisation. */
export interface BlockHeader {
  number: bigint;
  hash: string;
  parentHash: string;
  /** Seconds since the epoch, as the block says. */
  timestamp: bigint;
}

/** Where an on-chain event is: its transaction and block. */
export interface ChainPosition {
  txHash: string;
  blockNumber: bigint;
  blockHash: string;
}

/** The native coin sent by a successful transaction's own value (not by contract calls inside it). */
export interface NativeTransfer extends ChainPosition {
  from: string;
  to: string;
  value: bigint;
}

/** One ERC-20 `Transfer` log; `logIndex` tells apart transfers of one transaction. */
export interface TokenTransfer extends ChainPosition {
  logIndex: number;
  contract: string;
  from: string;
  to: string;
  value: bigint;
}

export interface TransactionReceipt extends ChainPosition {
  status: "success" | "reverted";
  gasUsed: bigint;
  /** What one unit of gas cost: gasUsed × this is the fee paid. */
  effectiveGasPrice: bigint;
}

/** EIP-1559 fees per gas for a transaction sent now. */
export interface FeeEstimate {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

export interface ChainAdapter {
  /** The chain's id (EVM: 31337 for the local node), checked against the configuration. */
  chainId(): Promise<number>;
  latestBlockNumber(): Promise<bigint>;
  /** The block at `number`, or undefined above the chain's head. */
  block(number: bigint): Promise<BlockHeader | undefined>;
  /** Native coin received by `addresses` in the range, from successful transactions only. */
  nativeTransfers(range: BlockRange, addresses: readonly string[]): Promise<NativeTransfer[]>;
  /** `Transfer` logs of `contracts` in the range, to `recipients` when given (else to anyone). */
  tokenTransfers(
    range: BlockRange,
    contracts: readonly string[],
    recipients?: readonly string[],
  ): Promise<TokenTransfer[]>;
  /** The receipt of a mined transaction, or undefined while it is pending or unknown. */
  receipt(txHash: string): Promise<TransactionReceipt | undefined>;
  estimateFees(): Promise<FeeEstimate>;
  /** Sends a signed raw transaction; answers its hash. */
  broadcast(signedTransaction: string): Promise<string>;
  nativeBalance(address: string): Promise<bigint>;
  tokenBalance(contract: string, address: string): Promise<bigint>;
  /**
   * Transactions sent from `address`: mined ones (`latest`), or mined plus those waiting in the
   * node's pool (`pending`), which is the next nonce the node expects.
   */
  transactionCount(address: string, block: "latest" | "pending"): Promise<number>;
  /** Whether the node knows the transaction at all (mined, or waiting in its pool). */
  transactionKnown(txHash: string): Promise<boolean>;
}

/**
 * What the wallet domain asks of the signer, as an interface: the signer process passes its
 * signer in (`@exchange/chain/signer` satisfies this shape), so no domain code imports the
 * module that holds the mnemonic (a boundary rule forbids it) and tests may pass their own.
 */

/** An EIP-1559 transaction with every field the signature covers; amounts in wei. */
export interface TransactionRequest {
  chainId: number;
  nonce: number;
  /** `0x…` address. */
  to: `0x${string}`;
  /** Wei sent; 0 when absent (a token transfer carries its amount in `data`). */
  value?: bigint;
  /** Call data, e.g. an ERC-20 `transfer`. */
  data?: `0x${string}`;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

export interface TransactionSigner {
  /** The account xpub: it must be the one the process's addresses derive from. */
  readonly accountXpub: string;
  readonly hotWalletAddress: string;
  /** Signs a transaction sent by the hot wallet (withdrawals, gas top-ups); raw hex. */
  signFromHotWallet(transaction: TransactionRequest): Promise<`0x${string}`>;
  /** Signs a sweep from user `userId`'s deposit address to the hot wallet; raw hex. */
  signSweep(userId: number, transaction: TransactionRequest): Promise<`0x${string}`>;
}

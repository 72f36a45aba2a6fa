/** Events of the derivatives module, besides the `balance.changed` postings of its commands. */

/**
 * A user's futures wallet after a command changed it (its cause is the command's type): the
 * wallet balance, in atoms of the settle asset.
 */
export interface FuturesWalletChangedEvent {
  type: "futures.walletChanged";
  userId: number;
  asset: string;
  walletAtoms: bigint;
  cause: "futures.transfer";
}

/** Everything the derivatives module emits of its own. */
export type DerivativesEvent = FuturesWalletChangedEvent;

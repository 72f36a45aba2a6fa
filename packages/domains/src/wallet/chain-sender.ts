import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Tx } from "../services";
import { isRepeatBroadcastError, nextNonce } from "./chain-decisions";
import {
  type ChainTransactionPurpose,
  highestStoredNonce,
  insertSignedTransaction,
  moveChainTransaction,
} from "./chain-transaction-repository";
import type { TransactionRequest } from "./transaction-signer";
import type { WalletChain } from "./wallet-chain";

/**
 * Signed before broadcast: the one way the signer sends anything. A transaction is signed, then
 * stored (status SIGNED) in the same database transaction as the state change that records
 * why it exists (a withdrawal moving to BROADCAST, a sweep created), and only after that commit
 * is it broadcast. A crash between the two leaves a stored transaction the tracker re-sends
 * byte for byte (same hash, same nonce), never a second payment.
 */

/** The chain of a process that sends; the signer process cannot run without one. */
export function sendingChain(services: Services): WalletChain {
  if (!services.wallet) {
    throw new AppError(AppErrorCode.INTERNAL, "This process has no chain (CHAIN_* variables).");
  }
  return services.wallet;
}

/** The nonce a new transaction from `from` takes (chain-decisions.ts `nextNonce` says why). */
export async function allocateNonce(services: Services, from: string): Promise<number> {
  const chain = sendingChain(services);
  const [pending, stored] = await Promise.all([
    chain.adapter.transactionCount(from, "pending"),
    highestStoredNonce(services.db, chain.key, from),
  ]);
  return nextNonce(pending, stored);
}

/** A transaction with every field but the nonce and the call, priced at the chain's fees now. */
export async function pricedRequest(
  services: Services,
  fields: Pick<TransactionRequest, "to" | "value" | "data" | "gas">,
): Promise<Omit<TransactionRequest, "nonce">> {
  const chain = sendingChain(services);
  const fees = await chain.adapter.estimateFees();
  return { chainId: chain.chainId, ...fields, ...fees };
}

export interface SignedTransaction {
  hash: `0x${string}`;
  raw: `0x${string}`;
  from: string;
  nonce: number;
  purpose: ChainTransactionPurpose;
}

/**
 * Runs `record` (the intent's state change) and stores `signed` in one database transaction.
 * `record` answers the id the transaction is for (a withdrawal's, a sweep's), or undefined when
 * the intent moved meanwhile: nothing is stored then, and the signed bytes are forgotten
 * unsent. Answers whether it was stored.
 */
export async function storeSigned(
  services: Services,
  signed: SignedTransaction,
  record: (tx: Tx) => Promise<string | undefined>,
): Promise<boolean> {
  const chain = sendingChain(services);
  try {
    await inTransaction(services.db, async (tx) => {
      const referenceId = await record(tx);
      if (referenceId === undefined) throw new IntentMoved();
      await insertSignedTransaction(tx, {
        hash: signed.hash,
        chainKey: chain.key,
        fromAddress: signed.from,
        nonce: signed.nonce,
        purpose: signed.purpose,
        referenceId,
        rawTransaction: signed.raw,
      });
    });
    return true;
  } catch (error) {
    if (error instanceof IntentMoved) return false;
    throw error;
  }
}

class IntentMoved extends Error {}

/**
 * Sends a stored transaction's bytes. A node that already has them (a re-send after a restart)
 * is no failure; any other refusal is logged and left to the tracker, which re-sends while the
 * nonce is free and fails the transaction as dropped after a while.
 */
export async function broadcastStored(
  services: Services,
  stored: { hash: string; raw: string; status: "SIGNED" | "BROADCAST" },
): Promise<void> {
  const chain = sendingChain(services);
  try {
    await chain.adapter.broadcast(stored.raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isRepeatBroadcastError(message)) {
      services.log.warn("broadcast refused", { txHash: stored.hash, error: message });
      return;
    }
  }
  if (stored.status === "SIGNED") {
    await moveChainTransaction(services.db, {
      hash: stored.hash,
      from: ["SIGNED"],
      to: "BROADCAST",
    });
  }
}

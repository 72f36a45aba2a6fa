import { signedTransactionHash } from "@exchange/chain";
import type { Services } from "../services";
import { ETHER_TRANSFER_GAS, judgeTransaction, type TransactionVerdict } from "./chain-decisions";
import { broadcastStored, pricedRequest, sendingChain, storeSigned } from "./chain-sender";
import {
  type ChainTransactionRecord,
  findTransactionsFor,
  moveChainTransaction,
} from "./chain-transaction-repository";
import type { TransactionSigner } from "./transaction-signer";

/**
 * Following one stored transaction on chain: re-sending it while the node does not know it and
 * its nonce is free (a restart between store and broadcast, a node that forgot it), and
 * recording its final verdict (confirmed, reverted or dropped) on its row once. What a verdict
 * means for a withdrawal or a sweep is their module's business.
 */

export interface TrackingRules {
  /** Confirmations that make the verdict final (the asset's `confirmations`). */
  required: number;
  /** An unmined transaction the node has not known for this long has its nonce cancelled. */
  dropAfterMs: number;
  /**
   * Who signs a cancel: the signer, and the user whose deposit address sent it (a sweep's);
   * absent, a transaction past its time is only re-sent.
   */
  canceller?: { signer: TransactionSigner; userId?: number };
}

/** Looks at `stored` on chain, acts on what is not final, and answers the verdict. */
export async function followTransaction(
  services: Services,
  stored: ChainTransactionRecord,
  rules: TrackingRules,
): Promise<TransactionVerdict> {
  const { adapter } = sendingChain(services);
  const receipt = await adapter.receipt(stored.hash);
  const [latestBlock, known, senderMinedCount] = await Promise.all([
    adapter.latestBlockNumber(),
    receipt ? Promise.resolve(true) : adapter.transactionKnown(stored.hash),
    receipt ? Promise.resolve(0) : adapter.transactionCount(stored.fromAddress, "latest"),
  ]);
  const verdict = judgeTransaction(
    {
      ...(receipt ? { mined: { blockNumber: receipt.blockNumber, status: receipt.status } } : {}),
      latestBlock,
      known,
      senderMinedCount,
      nonce: stored.nonce,
      ageMs: services.clock.now() - stored.createdAt.getTime(),
    },
    rules,
  );
  const hash = stored.hash;
  const open = ["SIGNED", "BROADCAST"] as ("SIGNED" | "BROADCAST")[];
  switch (verdict.kind) {
    case "resend":
      await broadcastStored(services, {
        hash,
        raw: stored.rawTransaction,
        status: stored.status === "SIGNED" ? "SIGNED" : "BROADCAST",
      });
      break;
    case "cancel":
      await cancelNonce(services, stored, rules);
      break;
    case "pending":
    case "confirming":
      if (stored.status === "SIGNED") {
        await moveChainTransaction(services.db, { hash, from: ["SIGNED"], to: "BROADCAST" });
      }
      break;
    case "confirmed":
    case "reverted": {
      const feePaid = receipt ? receipt.gasUsed * receipt.effectiveGasPrice : undefined;
      const to = verdict.kind === "confirmed" ? "CONFIRMED" : "REVERTED";
      await moveChainTransaction(
        services.db,
        { hash, from: open, to },
        { blockNumber: verdict.blockNumber, ...(feePaid !== undefined ? { feePaid } : {}) },
      );
      break;
    }
    case "dropped":
      await moveChainTransaction(services.db, { hash, from: open, to: "DROPPED" });
      services.log.warn("transaction dropped", { txHash: hash, purpose: stored.purpose });
      break;
  }
  return verdict;
}

/**
 * The verdict of a stored transaction: followed on chain while it is open, read from its row
 * once final. So a crash between a row's final move and its withdrawal's or sweep's move is
 * finished by the next pass, from what was recorded.
 */
export async function verdictOf(
  services: Services,
  stored: ChainTransactionRecord,
  rules: TrackingRules,
): Promise<TransactionVerdict> {
  const blockNumber = stored.blockNumber ?? 0n;
  const confirmations = rules.required;
  switch (stored.status) {
    case "SIGNED":
    case "BROADCAST":
      return followTransaction(services, stored, rules);
    case "CONFIRMED":
      return { kind: "confirmed", blockNumber, confirmations };
    case "REVERTED":
      return { kind: "reverted", blockNumber, confirmations };
    case "DROPPED":
      return { kind: "dropped" };
  }
}

/** The reference of the transaction that cancels `hash` (same purpose, its own reference). */
export const cancelReference = (hash: string) => `cancel:${hash}`;

/**
 * Spends the nonce of a transaction the node has forgotten: nothing from its address to the
 * hot wallet, at the same nonce and twice today's fee, stored before it is broadcast like any
 * other. Once it is mined the forgotten transaction can never be, and is judged dropped. Made
 * once; re-sent while it is not mined.
 */
async function cancelNonce(
  services: Services,
  stored: ChainTransactionRecord,
  rules: TrackingRules,
): Promise<void> {
  const canceller = rules.canceller;
  if (!canceller) return;
  const reference = cancelReference(stored.hash);
  const [existing] = await findTransactionsFor(services.db, stored.purpose, reference);
  if (existing) {
    const status = existing.status === "SIGNED" ? "SIGNED" : "BROADCAST";
    await broadcastStored(services, { hash: existing.hash, raw: existing.rawTransaction, status });
    return;
  }
  const { signer, userId } = canceller;
  const to = signer.hotWalletAddress as `0x${string}`;
  const priced = await pricedRequest(services, { to, value: 0n, gas: ETHER_TRANSFER_GAS });
  const request = {
    ...priced,
    nonce: stored.nonce,
    maxFeePerGas: priced.maxFeePerGas * 2n,
    maxPriorityFeePerGas: priced.maxPriorityFeePerGas * 2n,
  };
  const fromHotWallet = stored.fromAddress === signer.hotWalletAddress;
  if (!fromHotWallet && userId === undefined) return;
  const raw = fromHotWallet
    ? await signer.signFromHotWallet(request)
    : await signer.signSweep(userId as number, request);
  const hash = signedTransactionHash(raw);
  const from = stored.fromAddress;
  const signed = { hash, raw, from, nonce: stored.nonce, purpose: stored.purpose };
  if (!(await storeSigned(services, signed, async () => reference))) return;
  services.log.warn("cancelling a forgotten transaction's nonce", {
    txHash: stored.hash,
    cancelHash: hash,
    nonce: stored.nonce,
  });
  await broadcastStored(services, { hash, raw, status: "SIGNED" });
}

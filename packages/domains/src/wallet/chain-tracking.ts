import type { Services } from "../services";
import { judgeTransaction, type TransactionVerdict } from "./chain-decisions";
import { broadcastStored, sendingChain } from "./chain-sender";
import { type ChainTransactionRecord, moveChainTransaction } from "./chain-transaction-repository";

/**
 * Following one stored transaction on chain: re-sending it while the node does not know it and
 * its nonce is free (a restart between store and broadcast, a node that forgot it), and
 * recording its final verdict (confirmed, reverted or dropped) on its row once. What a verdict
 * means for a withdrawal or a sweep is their module's business.
 */

export interface TrackingRules {
  /** Confirmations that make the verdict final (the asset's `confirmations`). */
  required: number;
  /** An unmined transaction the node has not known for this long is dropped. */
  dropAfterMs: number;
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

import { clockDate } from "@exchange/protocol";
import type { Services } from "../services";
import type { TransactionVerdict } from "./chain-decisions";
import { sendingChain } from "./chain-sender";
import { verdictOf } from "./chain-tracking";
import {
  findBroadcastWithdrawals,
  findSendingFacts,
  findTransactionsFor,
  recordWithdrawalConfirmations,
} from "./chain-transaction-repository";
import type { TransactionSigner } from "./transaction-signer";
import { completeWithdrawal, publishWithdrawal } from "./withdrawal-engine";
import { findWithdrawal, moveWithdrawal, type WithdrawalRecord } from "./withdrawal-repository";

/**
 * A sent withdrawal until its end: confirmations counted (and pushed to its owner), then at the
 * asset's confirmations CONFIRMED, or FAILED when the transaction reverted ("reverted") or was
 * dropped ("dropped"). Each move is a compare-and-set (`moveWithdrawal`), so a restarted signer
 * repeating itself moves nothing twice. After the move, `completeWithdrawal`
 * (withdrawal-engine.ts) sends the engine's settle or release, marks it done, pushes and mails;
 * a crash or an engine outage before that is repaired by `resumeWithdrawals`
 * (withdrawal-engine.ts) on the signer's next pass.
 */

export interface WithdrawalTrackingOptions {
  /** Signs the cancel of a forgotten transaction's nonce (chain-tracking.ts). */
  signer: TransactionSigner;
  /** An unmined transaction the node has not known for this long has its nonce cancelled. */
  dropAfterMs: number;
}

/** One pass over the sent, unfinished withdrawals of the process's chain. */
export async function trackWithdrawals(
  services: Services,
  options: WithdrawalTrackingOptions,
): Promise<void> {
  const chain = sendingChain(services);
  const sent = await findBroadcastWithdrawals(services.db, chain.key);
  if (sent.length === 0) return;
  const facts = await findSendingFacts(services.db, chain.key);
  for (const withdrawal of sent) {
    // The newest transaction signed for it (one, unless a later version re-signs): the one
    // whose hash the withdrawal shows.
    const stored = (await findTransactionsFor(services.db, "WITHDRAWAL", withdrawal.id)).at(-1);
    if (!stored) continue;
    const required = facts.get(withdrawal.assetCode)?.confirmations ?? 1;
    const verdict = await verdictOf(services, stored, {
      required,
      dropAfterMs: options.dropAfterMs,
      canceller: { signer: options.signer },
    });
    await applyVerdict(services, { withdrawal, verdict });
  }
}

async function applyVerdict(
  services: Services,
  seen: { withdrawal: WithdrawalRecord; verdict: TransactionVerdict },
): Promise<void> {
  const { withdrawal, verdict } = seen;
  const at = clockDate(services.clock);
  const from = "BROADCAST" as const;
  let moved: WithdrawalRecord | undefined;
  switch (verdict.kind) {
    case "confirming": {
      const { confirmations, blockNumber } = verdict;
      if (
        await recordWithdrawalConfirmations(services.db, withdrawal.id, {
          blockNumber,
          confirmations,
        })
      ) {
        const updated = await findWithdrawal(services.db, withdrawal.id);
        if (updated) await publishWithdrawal(services, updated);
      }
      return;
    }
    case "confirmed":
      moved = await moveWithdrawal(
        services.db,
        { id: withdrawal.id, from, to: "CONFIRMED", at },
        { blockNumber: verdict.blockNumber, confirmations: verdict.confirmations },
      );
      break;
    case "reverted":
      moved = await moveWithdrawal(
        services.db,
        { id: withdrawal.id, from, to: "FAILED", at },
        {
          failureReason: "reverted",
          blockNumber: verdict.blockNumber,
          confirmations: verdict.confirmations,
        },
      );
      break;
    case "dropped":
      moved = await moveWithdrawal(
        services.db,
        { id: withdrawal.id, from, to: "FAILED", at },
        { failureReason: "dropped" },
      );
      break;
    default:
      return;
  }
  if (!moved) return;
  services.log.info("withdrawal ended on chain", {
    withdrawalId: moved.id,
    status: moved.status,
    txHash: moved.txHash,
  });
  await finishWithdrawal(services, moved);
}

/**
 * The engine's settle or release, the push and the mail (withdrawal-engine.ts). A refusal or an
 * engine outage is logged, not thrown: the row keeps no engine_done_at and the next pass's
 * `resumeWithdrawals` sends it again, while the other withdrawals go on.
 */
async function finishWithdrawal(services: Services, record: WithdrawalRecord): Promise<void> {
  try {
    await completeWithdrawal(services, record);
  } catch (error) {
    services.log.error("a withdrawal's end is not settled yet", { withdrawalId: record.id, error });
  }
}

import { clockDate } from "@exchange/protocol";
import type { Services } from "../services";
import type { TransactionVerdict } from "./chain-decisions";
import { sendingChain } from "./chain-sender";
import { followTransaction } from "./chain-tracking";
import {
  findOpenTransactions,
  findSendingFacts,
  recordWithdrawalConfirmations,
} from "./chain-transaction-repository";
import {
  findWithdrawal,
  findWithdrawalsAwaitingEngine,
  moveWithdrawal,
  type WithdrawalRecord,
} from "./withdrawal-repository";

/**
 * A sent withdrawal until its end: confirmations counted (and pushed to its owner), then at the
 * asset's confirmations CONFIRMED, or FAILED when the transaction reverted ("reverted") or was
 * dropped ("dropped"). Each move is a compare-and-set (`moveWithdrawal`), so a restarted signer
 * repeating itself moves nothing twice. After the move, `completeWithdrawal` sends the engine's
 * settle or release, marks it done, pushes and mails; a crash before that is repaired by
 * `completeUnfinishedWithdrawals` on the next pass.
 */

export interface WithdrawalHooks {
  /** The end state's engine command (settle, or release), engine_done_at, the push and mail. */
  completeWithdrawal(services: Services, record: WithdrawalRecord): Promise<void>;
  /** The withdrawal's latest state to its owner's `@wallet` channel (best effort). */
  pushWithdrawal(services: Services, record: WithdrawalRecord): Promise<void>;
}

export interface WithdrawalTrackingOptions {
  hooks: WithdrawalHooks;
  /** An unmined transaction the node has not known for this long is dropped. */
  dropAfterMs: number;
}

/** One pass over the sent, unfinished withdrawals of the process's chain. */
export async function trackWithdrawals(
  services: Services,
  options: WithdrawalTrackingOptions,
): Promise<void> {
  const chain = sendingChain(services);
  const open = await findOpenTransactions(services.db, chain.key, ["WITHDRAWAL"]);
  if (open.length === 0) return;
  const facts = await findSendingFacts(services.db, chain.key);
  for (const stored of open) {
    const withdrawal = await findWithdrawal(services.db, stored.referenceId);
    if (!withdrawal) continue;
    const required = facts.get(withdrawal.assetCode)?.confirmations ?? 1;
    const verdict = await followTransaction(services, stored, {
      required,
      dropAfterMs: options.dropAfterMs,
    });
    await applyVerdict(services, options.hooks, { withdrawal, verdict });
  }
}

async function applyVerdict(
  services: Services,
  hooks: WithdrawalHooks,
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
        if (updated) await hooks.pushWithdrawal(services, updated);
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
  await hooks.completeWithdrawal(services, moved);
}

/**
 * Withdrawals the chain ended (CONFIRMED, FAILED) whose engine command is not confirmed: a
 * crash or an engine outage between the move and its settle or release. Sent again; the
 * command's id makes a repeat harmless.
 */
export async function completeUnfinishedWithdrawals(
  services: Services,
  hooks: WithdrawalHooks,
): Promise<void> {
  const waiting = await findWithdrawalsAwaitingEngine(services.db);
  for (const withdrawal of waiting) {
    if (withdrawal.status !== "CONFIRMED" && withdrawal.status !== "FAILED") continue;
    await hooks.completeWithdrawal(services, withdrawal);
  }
}

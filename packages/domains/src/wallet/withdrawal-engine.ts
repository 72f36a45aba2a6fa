import type { Command } from "@exchange/core";
import { clockDate, commandIds, type EngineReply, EngineTimeoutError } from "@exchange/protocol";
import { observeWithdrawalEnd } from "../business-metrics";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { pushWalletUpdate } from "./wallet-pushes";
import { mailWithdrawalEnd } from "./withdrawal-mails";
import {
  findWithdrawal,
  findWithdrawalsAwaitingEngine,
  moveWithdrawal,
  type WithdrawalRecord,
} from "./withdrawal-repository";
import {
  claimWithdrawalEngineDone,
  deleteRequestedWithdrawal,
  findStaleRequestedWithdrawals,
} from "./withdrawal-request-repository";
import { findWithdrawalAssetRules, findWithdrawalOwner } from "./withdrawal-rules-repository";
import { engineActionOf } from "./withdrawal-states";
import { type WithdrawalScale, withdrawalView } from "./withdrawal-views";

/**
 * The money side of a withdrawal: the engine's freeze at request, and the settle or release of
 * its end state. Each command's id and business key derive from the withdrawal's id, so a
 * repeat (a retried request, a restart, `resumeWithdrawals`) is answered from the journal and
 * applied once. The business keys differ per command (`withdrawal.freeze` / `.settle` /
 * `.release`): the core makes a balance command idempotent on its business key, so one shared
 * key would make the settle look like a repeat of the freeze.
 */

/** How long a withdrawal's command waits for the engine before the caller is told to retry. */
const ENGINE_TIMEOUT_MS = 10_000;

/** A REQUESTED row older than this is an interrupted request: `resumeWithdrawals` finishes it. */
export const STALE_REQUEST_MS = 60_000;

export const WITHDRAWAL_BUSINESS = {
  freeze: "withdrawal.freeze",
  settle: "withdrawal.settle",
  release: "withdrawal.release",
} as const;

async function sendToEngine(services: Services, command: Command): Promise<EngineReply> {
  try {
    return await services.engine.send(command, { timeoutMs: ENGINE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof EngineTimeoutError) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The engine did not answer in time. Your withdrawal is kept and will be finished shortly.",
      );
    }
    throw error;
  }
}

/** Freezes amount + fee of a REQUESTED withdrawal (same id ⇒ frozen once). */
export async function freezeWithdrawal(
  services: Services,
  record: WithdrawalRecord,
): Promise<EngineReply["outcome"]> {
  const reply = await sendToEngine(services, {
    type: "balance.withdrawFreeze",
    id: commandIds.withdrawFreeze(record.id),
    ts: services.clock.now(),
    business: WITHDRAWAL_BUSINESS.freeze,
    businessId: record.id,
    withdrawalId: record.id,
    userId: record.userId,
    asset: record.assetCode,
    amountAtoms: record.amountAtoms + record.feeAtoms,
  });
  return reply.outcome;
}

function endCommand(services: Services, record: WithdrawalRecord): Command {
  const action = engineActionOf(record.status);
  const base = { ts: services.clock.now(), businessId: record.id, withdrawalId: record.id };
  if (action === "settle") {
    return {
      type: "balance.withdrawSettle",
      id: commandIds.withdrawSettle(record.id),
      business: WITHDRAWAL_BUSINESS.settle,
      feeAtoms: record.feeAtoms,
      ...base,
    };
  }
  if (action === "release") {
    return {
      type: "balance.withdrawRelease",
      id: commandIds.withdrawRelease(record.id),
      business: WITHDRAWAL_BUSINESS.release,
      ...base,
    };
  }
  throw new Error(`withdrawal ${record.id} is ${record.status}, not in an end state`);
}

/** The asset's precision and confirmations, for the views of a withdrawal. */
export async function withdrawalScaleOf(
  services: Services,
  record: Pick<WithdrawalRecord, "chainKey" | "assetCode">,
): Promise<WithdrawalScale> {
  const rules = await findWithdrawalAssetRules(services.db, record.chainKey, record.assetCode);
  if (!rules) throw new Error(`no chain asset ${record.chainKey}/${record.assetCode}`);
  return { precision: rules.precision, confirmationsRequired: rules.confirmations };
}

/** Pushes the withdrawal's state to its owner's `@wallet` channel (best effort). */
export async function publishWithdrawal(
  services: Services,
  record: WithdrawalRecord,
): Promise<void> {
  try {
    const scale = await withdrawalScaleOf(services, record);
    await pushWalletUpdate(services.redis, services.redisPrefix, record.userId, {
      kind: "withdrawal",
      withdrawal: withdrawalView(record, scale),
    });
  } catch (error) {
    services.log.warn("wallet: the withdrawal push failed", { error, withdrawalId: record.id });
  }
}

/**
 * For a withdrawal already moved to an end state (`moveWithdrawal`): sends the engine command
 * of that state (settle with the fee for CONFIRMED, release otherwise), records `engineDoneAt`
 * on the engine's acceptance (a journal repeat is acceptance too), pushes the state to the
 * user, and mails the user once (only the caller that recorded `engineDoneAt` mails). Safe to
 * call any number of times. Throws when the engine refuses or does not answer: the row stays
 * without `engineDoneAt` and `resumeWithdrawals` tries again.
 */
export async function completeWithdrawal(
  services: Services,
  record: WithdrawalRecord,
): Promise<WithdrawalRecord> {
  if (record.engineDoneAt !== null) return record;
  const reply = await sendToEngine(services, endCommand(services, record));
  if (!reply.outcome.ok) {
    // Another process may have finished it meanwhile (the engine no longer holds the freeze).
    const now = await findWithdrawal(services.db, record.id);
    if (now?.engineDoneAt) return now;
    services.log.error("wallet: the engine refused a withdrawal's end command", {
      withdrawalId: record.id,
      status: record.status,
      code: reply.outcome.code,
      message: reply.outcome.message,
    });
    throw new Error(
      `engine refused the ${record.status} withdrawal ${record.id}: ${reply.outcome.message}`,
    );
  }
  const at = clockDate(services.clock);
  const first = await claimWithdrawalEngineDone(services.db, record.id, at);
  const done = (await findWithdrawal(services.db, record.id)) ?? { ...record, engineDoneAt: at };
  await publishWithdrawal(services, done);
  if (first) observeWithdrawalEnd(done, at);
  if (first) {
    const owner = await findWithdrawalOwner(services.db, done.userId);
    if (owner) {
      const scale = await withdrawalScaleOf(services, done);
      await mailWithdrawalEnd(services, owner, withdrawalView(done, scale));
    }
  }
  return done;
}

/**
 * Moves a frozen REQUESTED withdrawal on: to APPROVED when it needs no approval, else to
 * PENDING_APPROVAL. Answers the row as it now is (another caller may have moved it first).
 */
export async function routeFrozenWithdrawal(
  services: Services,
  record: WithdrawalRecord,
): Promise<WithdrawalRecord> {
  const at = clockDate(services.clock);
  const to = record.requiredApprovals === 0 ? "APPROVED" : "PENDING_APPROVAL";
  const moved = await moveWithdrawal(
    services.db,
    { id: record.id, from: "REQUESTED", to, at },
    to === "APPROVED" ? { approvedAt: at } : {},
  );
  const now = moved ?? (await findWithdrawal(services.db, record.id));
  if (!now) throw new Error(`withdrawal ${record.id} vanished after its freeze`);
  if (moved) await publishWithdrawal(services, moved);
  return now;
}

/**
 * Finishes what a crash or an engine timeout left half done: end states whose settle or
 * release the engine has not confirmed, and REQUESTED rows older than `STALE_REQUEST_MS` whose
 * freeze may or may not have happened (the same freeze id is applied once; refused ⇒ the row
 * is deleted, as the request would have). Answers how many it finished; one failure is logged
 * and does not stop the others.
 */
export async function resumeWithdrawals(services: Services): Promise<number> {
  let finished = 0;
  for (const record of await findWithdrawalsAwaitingEngine(services.db)) {
    try {
      await completeWithdrawal(services, record);
      finished += 1;
    } catch (error) {
      services.log.error("wallet: could not finish a withdrawal", {
        error,
        withdrawalId: record.id,
      });
    }
  }
  const before = new Date(services.clock.now() - STALE_REQUEST_MS);
  for (const record of await findStaleRequestedWithdrawals(services.db, before)) {
    try {
      const outcome = await freezeWithdrawal(services, record);
      if (outcome.ok) await routeFrozenWithdrawal(services, record);
      else await deleteRequestedWithdrawal(services.db, record.id);
      finished += 1;
    } catch (error) {
      services.log.error("wallet: could not resume a withdrawal request", {
        error,
        withdrawalId: record.id,
      });
    }
  }
  return finished;
}

import { type Clock, commandIds, type EngineClient, type Logger } from "@exchange/protocol";
import type { Redis } from "ioredis";
import { countDepositDecision } from "../business-metrics";
import type { Store } from "../services";
import type { DepositRecord } from "./deposit-repository";
import { moveDeposit } from "./deposit-repository";
import { DEPOSIT_FLAGS, depositKey } from "./deposit-rules";
import { type DepositAssetScale, depositPush } from "./deposit-views";
import { pushWalletUpdate } from "./wallet-pushes";

/** What crediting and pushing a deposit needs: the watcher's and the admin's services alike. */
export interface DepositDeps {
  db: Store;
  engine: EngineClient;
  redis: Redis;
  redisPrefix: string;
  clock: Clock;
  log: Logger;
}

/** How long a credit waits for the engine; a timeout fails the step and it is sent again. */
const CREDIT_TIMEOUT_MS = 10_000;

/** Pushes the deposit's latest state to its owner's `@wallet` channel (best effort). */
export function pushDeposit(
  deps: DepositDeps,
  record: DepositRecord,
  asset: DepositAssetScale,
): Promise<void> {
  return pushWalletUpdate(deps.redis, deps.redisPrefix, record.userId, depositPush(record, asset));
}

/**
 * Credits a deposit through the engine, exactly once: the command id and business key are the
 * deposit's chain + transaction hash + log index, so a repeat (a restart between the engine's
 * accept and the row's update, or a finance clear racing the watcher) is answered from the
 * journal and credits nothing more. The row becomes CREDITED only on the engine's accept; a
 * refusal holds it for finance with the `engine_refused` flag. Answers the record after.
 */
export async function creditDeposit(
  deps: DepositDeps,
  record: DepositRecord,
  asset: DepositAssetScale,
  review?: { reviewedBy: number; reviewNote?: string; reviewedAt: Date },
): Promise<DepositRecord> {
  const key = depositKey(record.chainKey, record.txHash, record.logIndex);
  const reply = await deps.engine.send(
    {
      type: "balance.deposit",
      id: commandIds.deposit(key),
      ts: deps.clock.now(),
      business: "deposit",
      businessId: key,
      userId: record.userId,
      asset: record.assetCode,
      amountAtoms: record.amountAtoms,
    },
    { timeoutMs: CREDIT_TIMEOUT_MS },
  );
  const move = { id: record.id, from: record.status };
  const outcome = reply.outcome;
  const moved = outcome.ok
    ? await moveDeposit(
        deps.db,
        { ...move, to: "CREDITED" },
        { creditedAt: new Date(deps.clock.now()), ...review },
      )
    : await moveDeposit(
        deps.db,
        { ...move, to: "HELD" },
        { flags: [...new Set([...record.flags, DEPOSIT_FLAGS.engineRefused])] },
      );
  if (!outcome.ok) {
    deps.log.warn("the engine refused a deposit's credit; held for finance", {
      depositId: record.id,
      code: outcome.code,
      message: outcome.message,
    });
  }
  if (!moved) return record;
  countDepositDecision(moved);
  await pushDeposit(deps, moved, asset);
  return moved;
}

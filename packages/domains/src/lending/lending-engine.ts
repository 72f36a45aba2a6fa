import type { Command } from "@exchange/core";
import { commandIds, type EngineReply, EngineTimeoutError } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";

/**
 * The lending domain's engine commands, and nothing else sends them. The pool's moves are
 * `balance.transfer` between the operator account and the `loan` pool, each keyed by the
 * request it carries out, so a retried request is answered from the journal and moves once.
 */

export const LENDING_BUSINESS = {
  poolFund: "lending.pool.fund",
  poolDefund: "lending.pool.defund",
} as const;

export type LendingEngineServices = Pick<Services, "db" | "engine" | "clock">;

/** How long a lending command waits for the engine before the caller is told to retry. */
const ENGINE_TIMEOUT_MS = 10_000;

async function send(
  services: LendingEngineServices,
  command: Command,
): Promise<EngineReply["outcome"]> {
  try {
    return (await services.engine.send(command, { timeoutMs: ENGINE_TIMEOUT_MS })).outcome;
  } catch (error) {
    if (error instanceof EngineTimeoutError) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The engine did not answer in time. Send the same request again to finish it.",
      );
    }
    throw error;
  }
}

/** Moves `amountAtoms` of `asset` operator → loan pool (`fund`) or loan pool → operator. */
export function sendPoolMove(
  services: LendingEngineServices,
  move: { direction: "fund" | "defund"; requestId: string; asset: string; amountAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  const funding = move.direction === "fund";
  return send(services, {
    type: "balance.transfer",
    id: funding
      ? commandIds.lendingPoolFund(move.requestId)
      : commandIds.lendingPoolDefund(move.requestId),
    ts: services.clock.now(),
    business: funding ? LENDING_BUSINESS.poolFund : LENDING_BUSINESS.poolDefund,
    businessId: move.requestId,
    asset: move.asset,
    amountAtoms: move.amountAtoms,
    from: { system: funding ? "operator" : "loan" },
    to: { system: funding ? "loan" : "operator" },
  });
}

import type { Command } from "@exchange/core";
import { type EngineClient, type EngineReply, EngineTimeoutError } from "@exchange/protocol";
import { AppError, AppErrorCode } from "./errors";

/** How long a domain's money command waits for the engine before the caller is told to retry. */
const ENGINE_TIMEOUT_MS = 10_000;

/**
 * Sends a domain's money command (savings, lending, derivatives: each keyed by the record it
 * acts for) and returns the engine's outcome. A timeout is ENGINE_UNAVAILABLE with the promise
 * the domains keep: the request is recorded, and a retry under the same key is answered from the
 * journal, so it is finished once.
 */
export async function sendKeptCommand(
  services: { engine: EngineClient },
  command: Command,
): Promise<EngineReply["outcome"]> {
  try {
    return (await services.engine.send(command, { timeoutMs: ENGINE_TIMEOUT_MS })).outcome;
  } catch (error) {
    if (error instanceof EngineTimeoutError) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The engine did not answer in time. Your request is kept and will be finished shortly.",
      );
    }
    throw error;
  }
}

import type { Command } from "@exchange/core";
import { type EngineClient, type EngineReply, EngineTimeoutError } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";

/** How long a trader's request waits for the engine before answering ENGINE_UNAVAILABLE. */
const ENGINE_TIMEOUT_MS = 5_000;

/**
 * Sends a command and waits for the engine's verdict. A timeout does not mean nothing happened:
 * the command may still be applied, which is why order commands carry idempotent ids and the
 * error tells the caller to check before trying again.
 */
export async function callEngine(engine: EngineClient, command: Command): Promise<EngineReply> {
  try {
    return await engine.send(command, { timeoutMs: ENGINE_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof EngineTimeoutError) {
      throw new AppError(
        AppErrorCode.ENGINE_UNAVAILABLE,
        "The matching engine did not answer in time. Check your open orders before trying again.",
      );
    }
    throw error;
  }
}

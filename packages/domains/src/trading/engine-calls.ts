import type { Command } from "@exchange/core";
import { type EngineClient, type EngineReply, EngineTimeoutError } from "@exchange/protocol";
import { countOrders } from "../business-metrics";
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

/**
 * `callEngine` for a command that places orders (a new order, an OCO list's two, an amendment,
 * which places its changed order), counted in `trading_orders_total` by what the engine said:
 * placed, rejected, or timeout when it did not answer in time. The one place orders are
 * counted, so every way of placing one is.
 */
export async function callEngineWithOrders(
  engine: EngineClient,
  command: Command,
  orders: { market: string; count: number },
): Promise<EngineReply> {
  let reply: EngineReply;
  try {
    reply = await callEngine(engine, command);
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.ENGINE_UNAVAILABLE)
      countOrders(orders.market, "timeout", orders.count);
    throw error;
  }
  countOrders(orders.market, reply.outcome.ok ? "placed" : "rejected", orders.count);
  return reply;
}

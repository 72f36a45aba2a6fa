import { z } from "zod";

/**
 * Engine commands on the wire, version 1. Every command carries a unique `id` (its idempotency
 * key: a retry reuses it and receives the first result) and `ts`, the sender's clock in epoch
 * milliseconds — the engine never reads a clock of its own (SPEC §2, determinism).
 */
export const PROTOCOL_VERSION = 1;

const ZCommandBase = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: z.string().min(1).max(128),
  ts: z.number().int().nonnegative(),
});

/** Liveness probe: the engine answers without touching state. */
export const ZSystemPing = ZCommandBase.extend({ type: z.literal("system.ping") });

export const ZEngineCommand = z.discriminatedUnion("type", [ZSystemPing]);

export type EngineCommand = z.infer<typeof ZEngineCommand>;
export type EngineCommandType = EngineCommand["type"];

/** What a sender supplies; the client stamps `v`. */
export type EngineCommandInput = Omit<EngineCommand, "v">;

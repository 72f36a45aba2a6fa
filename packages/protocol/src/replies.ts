import { RejectCode } from "@exchange/core";
import { z } from "zod";
import { ZSafeInt } from "./codecs";
import { ZCoreEvent } from "./events";

/**
 * What applying one command produced: accepted (with its events) or rejected (with a RejectCode
 * from packages/core, whose 1xx range also covers commands the engine could not even decode).
 * The engine serialises an outcome once; the journal, `engine.events` and the reply share it.
 */
export const ZCommandOutcome = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    /** A balance command that repeated an earlier business key: nothing changed this time. */
    repeated: z.boolean(),
    events: z.array(ZCoreEvent),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(RejectCode),
    message: z.string(),
    events: z.array(ZCoreEvent),
  }),
]);
export type CommandOutcome = z.output<typeof ZCommandOutcome>;

/** The engine's answer to one command, published on the sender's reply channel. */
export const ZEngineReply = z.object({
  /** The command's id. */
  id: z.string(),
  /** Journal sequence of the command; null for commands never journaled (pings, undecodable). */
  seq: ZSafeInt.nullable(),
  outcome: ZCommandOutcome,
});
export type EngineReply = z.output<typeof ZEngineReply>;

/** A reply for a command that never reached the core (malformed, or a ping). */
export function unjournaledReply(id: string, outcome: CommandOutcome): EngineReply {
  return { id, seq: null, outcome };
}

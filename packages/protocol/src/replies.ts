import { z } from "zod";

/** Why the bus itself (not the trading rules) refused a command. */
export enum BusRejectCode {
  /** The entry is not JSON, or not a command of any known type and shape. */
  MALFORMED_COMMAND = "MALFORMED_COMMAND",
  /** The command names a protocol version this engine does not speak. */
  UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION",
}

export const ZEngineReply = z.discriminatedUnion("ok", [
  z.object({
    id: z.string(),
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    code: z.string(),
    message: z.string(),
  }),
]);

export type EngineReply = z.infer<typeof ZEngineReply>;
export type EngineRejection = Extract<EngineReply, { ok: false }>;

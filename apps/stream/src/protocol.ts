import { StreamErrorCode } from "@exchange/contracts/stream-errors";
import { z } from "zod";

/**
 * The seed-001 protocol. Client → server: `{"op":"auth","token"}`, `{"op":"subscribe",
 * "channel"}`, `{"op":"unsubscribe","channel"}`. Server → client: `{"result":true}`,
 * `{"code":N,"msg":"…"}`, `{"event":"<channel>","data":{…}}`.
 */

export const ZClientMessage = z.discriminatedUnion("op", [
  z.object({ op: z.literal("auth"), token: z.string().max(2_048) }),
  z.object({ op: z.literal("subscribe"), channel: z.string().max(128) }),
  z.object({ op: z.literal("unsubscribe"), channel: z.string().max(128) }),
]);
export type ClientMessage = z.infer<typeof ZClientMessage>;

export const OK_REPLY = JSON.stringify({ result: true });

export function errorReply(code: StreamErrorCode, msg: string): string {
  return JSON.stringify({ code, msg });
}

/** A push frame. `data` is already JSON (as published), so it is spliced in, not re-encoded. */
export function eventFrame(channel: string, dataJson: string): string {
  return `{"event":${JSON.stringify(channel)},"data":${dataJson}}`;
}

export type ParsedMessage = { ok: true; message: ClientMessage } | { ok: false; reply: string };

export function parseClientMessage(text: string): ParsedMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reply: errorReply(StreamErrorCode.MALFORMED_MESSAGE, "Malformed JSON") };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return {
      ok: false,
      reply: errorReply(StreamErrorCode.MALFORMED_MESSAGE, "Expected a JSON object"),
    };
  }
  const parsed = ZClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const op = (json as { op?: unknown }).op;
  if (op !== "auth" && op !== "subscribe" && op !== "unsubscribe") {
    return {
      ok: false,
      reply: errorReply(StreamErrorCode.UNKNOWN_OP, `Unknown op: ${describeOp(op)}`),
    };
  }
  const field = op === "auth" ? "token" : "channel";
  return {
    ok: false,
    reply: errorReply(StreamErrorCode.MALFORMED_MESSAGE, `"${field}" must be a string`),
  };
}

/**
 * The op for an error message. Not `String(op)`: `{"op":{"toString":1}}` makes that throw, and
 * the client was never answered.
 */
function describeOp(op: unknown): string {
  if (typeof op === "string") return op.slice(0, 32);
  if (typeof op === "number" || typeof op === "boolean") return String(op);
  return op === null ? "null" : Array.isArray(op) ? "an array" : typeof op;
}

import { RejectCode } from "@exchange/core";
import {
  type CommandOutcome,
  decodeHotCommand,
  type EngineCommand,
  PROTOCOL_VERSION,
  ZEngineCommand,
} from "@exchange/protocol";

/** A stream entry's command, decoded, or the rejection to answer (never applied, never journaled). */
export type DecodedCommand =
  | { ok: true; command: EngineCommand; text: string }
  | { ok: false; id: string | undefined; outcome: CommandOutcome };

/** Validates a raw stream entry. Never throws: a malformed entry is data, not a crash. */
export function decodeCommand(text: string | undefined): DecodedCommand {
  let json: unknown;
  try {
    json = JSON.parse(text ?? "");
  } catch {
    return malformed(undefined, RejectCode.InvalidCommand, "command is not valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return malformed(undefined, RejectCode.InvalidCommand, "command is not a JSON object");
  }
  const fields = json as Record<string, unknown>;
  const id = typeof fields.id === "string" ? fields.id : undefined;
  if (fields.v !== PROTOCOL_VERSION) {
    const message = `protocol version ${describeScalar(fields.v)} is not ${PROTOCOL_VERSION}`;
    return malformed(id, RejectCode.InvalidCommand, message);
  }
  const hot = decodeHotCommand(fields);
  if (hot) return { ok: true, command: hot, text: text ?? "" };
  const parsed = ZEngineCommand.safeParse(json);
  if (parsed.success) return { ok: true, command: parsed.data, text: text ?? "" };
  const issue = parsed.error.issues[0];
  const unknownType = issue?.path.length === 1 && issue.path[0] === "type";
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return malformed(
    id,
    unknownType ? RejectCode.UnknownCommandType : RejectCode.InvalidCommand,
    `${where}${issue?.message ?? "invalid command"}`,
  );
}

function malformed(id: string | undefined, code: RejectCode, message: string): DecodedCommand {
  return { ok: false, id, outcome: { ok: false, code, message, events: [] } };
}

/**
 * A value for an error message. Not `String(value)`: a JSON object whose `toString` is not a
 * function (`{"v":{"toString":1}}`) makes that throw, and a throw here stopped the engine.
 */
function describeScalar(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value.slice(0, 32));
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

import {
  BusRejectCode,
  type EngineCommand,
  type EngineReply,
  PROTOCOL_VERSION,
  ZEngineCommand,
} from "@exchange/protocol";

/** A stream entry's command text, decoded, or the reason it cannot be applied. */
export type DecodedCommand =
  | { ok: true; command: EngineCommand }
  | { ok: false; id: string | undefined; code: BusRejectCode; message: string };

/** Validates a raw stream entry. Never throws: a malformed entry is data, not a crash. */
export function decodeCommand(text: string | undefined): DecodedCommand {
  let json: unknown;
  try {
    json = JSON.parse(text ?? "");
  } catch {
    return reject(undefined, BusRejectCode.MALFORMED_COMMAND, "command is not valid JSON");
  }
  const id = typeof json === "object" && json && "id" in json ? String(json.id) : undefined;
  if (typeof json === "object" && json && "v" in json && json.v !== PROTOCOL_VERSION) {
    return reject(
      id,
      BusRejectCode.UNSUPPORTED_VERSION,
      `protocol version ${String(json.v)} is not ${PROTOCOL_VERSION}`,
    );
  }
  const parsed = ZEngineCommand.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return reject(
      id,
      BusRejectCode.MALFORMED_COMMAND,
      `${where}${issue?.message ?? "invalid command"}`,
    );
  }
  return { ok: true, command: parsed.data };
}

function reject(id: string | undefined, code: BusRejectCode, message: string): DecodedCommand {
  return { ok: false, id, code, message };
}

/** Applies one valid command and says what to answer. */
export function applyCommand(command: EngineCommand): EngineReply {
  switch (command.type) {
    case "system.ping":
      return { id: command.id, ok: true, result: { pong: true, ts: command.ts } };
  }
}

/**
 * How many commands and replies share one Redis message on the engine bus. At tens of thousands
 * of commands a second the cost is per Redis entry and per JSON parse, not per byte, so:
 *
 * - a sender puts every command it sends in one turn of its event loop (at most
 *   COMMANDS_PER_ENTRY_MAX) into one `engine.commands` entry: the `c` field holds their wire
 *   texts, one per line (`stringifyWire` never writes a raw line break, so a line is one
 *   command; a hand-written entry must be one command or one per line);
 * - the engine answers each sender once per batch: one message on its reply channel, one line
 *   per reply, `<id as JSON>\t<seq or null>\t<outcome JSON>` (neither JSON holds a raw tab or
 *   line break). A sender reads the id and seq of every line and parses an outcome only when
 *   someone looks at it.
 */

export const COMMAND_SEPARATOR = "\n";

/**
 * Commands one stream entry carries at most: enough to make a busy sender's Redis writes cheap,
 * few enough that a batch of the engine's `ENGINE_BATCH_MAX` commands is a few entries.
 */
export const COMMANDS_PER_ENTRY_MAX = 64;

/** The wire texts of an entry's `c` field (one for an entry written by hand). */
export function splitCommands(field: string): string[] {
  return field.split(COMMAND_SEPARATOR);
}

export function replyLine(id: string, seq: number | null, outcome: string): string {
  return `${JSON.stringify(id)}\t${seq}\t${outcome}`;
}

export interface ReplyLine {
  id: string;
  seq: number | null;
  outcomeText: string;
}

/** The lines of a reply message; a line that is not one is skipped (it cannot be matched). */
export function readReplyLines(message: string): ReplyLine[] {
  const replies: ReplyLine[] = [];
  for (const line of message.split("\n")) {
    const idEnd = line.indexOf("\t");
    const seqEnd = line.indexOf("\t", idEnd + 1);
    if (idEnd < 0 || seqEnd < 0) continue;
    const id = readId(line.slice(0, idEnd));
    if (id === undefined) continue;
    const seqText = line.slice(idEnd + 1, seqEnd);
    replies.push({
      id,
      seq: seqText === "null" ? null : Number(seqText),
      outcomeText: line.slice(seqEnd + 1),
    });
  }
  return replies;
}

function readId(text: string): string | undefined {
  // Most ids need no unescaping: skip the parser for them.
  if (text.length >= 2 && text[0] === '"' && !text.includes("\\")) return text.slice(1, -1);
  try {
    const id = JSON.parse(text) as unknown;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

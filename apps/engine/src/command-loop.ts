import {
  type BusKeys,
  COMMAND_FIELD,
  type EngineReply,
  type Logger,
  REPLY_TO_FIELD,
} from "@exchange/protocol";
import type { Redis } from "ioredis";
import { applyCommand, decodeCommand } from "./handle-command";

type StreamEntry = [id: string, fields: string[]];
type XReadGroupResult = Array<[stream: string, entries: StreamEntry[]]> | null;

export interface CommandLoopOptions {
  redis: Redis;
  keys: BusKeys;
  consumer: string;
  batchMax: number;
  log: Logger;
}

/**
 * The engine's read-apply-reply-acknowledge loop over `engine.commands`. It first re-reads the
 * entries this consumer read but never acknowledged (a previous run died mid-batch), then new
 * ones. `stop()` lets the batch in hand finish, then resolves `run()`.
 */
export class CommandLoop {
  private stopping = false;
  constructor(private readonly options: CommandLoopOptions) {}

  async ensureGroup(): Promise<void> {
    const { redis, keys } = this.options;
    try {
      await redis.xgroup("CREATE", keys.commands, keys.engineGroup, "$", "MKSTREAM");
    } catch (error) {
      if (!String(error).includes("BUSYGROUP")) throw error;
    }
  }

  async run(): Promise<void> {
    let cursor = "0"; // pending entries of this consumer first, then ">" for new ones
    while (!this.stopping) {
      const entries = await this.read(cursor);
      if (cursor === "0" && entries.length === 0) {
        cursor = ">";
        continue;
      }
      if (entries.length) await this.process(entries);
    }
  }

  stop(): void {
    this.stopping = true;
  }

  private async read(cursor: string): Promise<StreamEntry[]> {
    const { redis, keys, consumer, batchMax } = this.options;
    const result = (await redis.xreadgroup(
      "GROUP",
      keys.engineGroup,
      consumer,
      "COUNT",
      batchMax,
      "BLOCK",
      500,
      "STREAMS",
      keys.commands,
      cursor,
    )) as XReadGroupResult;
    return result?.[0]?.[1] ?? [];
  }

  private async process(entries: StreamEntry[]): Promise<void> {
    const { redis, keys, log } = this.options;
    const pipeline = redis.pipeline();
    for (const [entryId, fields] of entries) {
      const replyTo = field(fields, REPLY_TO_FIELD);
      const reply = this.handle(entryId, field(fields, COMMAND_FIELD));
      if (replyTo && reply) pipeline.publish(replyTo, JSON.stringify(reply));
    }
    pipeline.xack(keys.commands, keys.engineGroup, ...entries.map(([id]) => id));
    await pipeline.exec();
    log.debug("batch applied", { size: entries.length });
  }

  private handle(entryId: string, text: string | undefined): EngineReply | undefined {
    const decoded = decodeCommand(text);
    if (decoded.ok) return applyCommand(decoded.command);
    this.options.log.warn("rejected malformed command", {
      entryId,
      code: decoded.code,
      reason: decoded.message,
    });
    // Without an id the sender cannot match a reply; the warning above is all we can do.
    if (decoded.id === undefined) return undefined;
    return { id: decoded.id, ok: false, code: decoded.code, message: decoded.message };
  }
}

function field(fields: string[], name: string): string | undefined {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

import { type BusKeys, COMMANDS_PER_ENTRY_MAX, type Logger } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { Engine, StreamEntry } from "./engine";
import type { EngineMetrics } from "./metrics";

type XReadGroupResult = Array<[stream: string, entries: StreamEntry[]]> | null;

export interface CommandLoopOptions {
  redis: Redis;
  keys: BusKeys;
  consumer: string;
  batchMax: number;
  engine: Engine;
  metrics: EngineMetrics;
  log: Logger;
}

/** How long one read waits for new entries before the loop does its idle work. */
const BLOCK_MS = 200;
/** How often the consumer group's lag is sampled for /metrics and the stream trimmed. */
const HOUSEKEEPING_MS = 1_000;

/**
 * Reads `engine.commands` through the engine's consumer group and hands each batch to the
 * engine. It first re-reads what this consumer read but never acknowledged (the previous run
 * died mid-batch; the journal answers those that were applied), then new entries. `stop()` lets
 * the batch in hand finish, then `run()` resolves. Once a second it trims the stream of what
 * the group has acknowledged (the engine acknowledges only what it journaled or answered).
 */
export class CommandLoop {
  private stopping = false;
  private lastHousekeepingAt = 0;
  /**
   * Commands per entry lately (senders batch theirs), so a read holds about `batchMax` commands.
   * It starts at the most an entry holds: the first read after a start may meet a backlog.
   */
  private commandsPerEntry = COMMANDS_PER_ENTRY_MAX;

  constructor(private readonly options: CommandLoopOptions) {}

  async ensureGroup(): Promise<void> {
    const { redis, keys } = this.options;
    try {
      await redis.xgroup("CREATE", keys.commands, keys.engineGroup, "0", "MKSTREAM");
    } catch (error) {
      if (!String(error).includes("BUSYGROUP")) throw error;
    }
  }

  async run(): Promise<void> {
    let cursor = "0";
    while (!this.stopping) {
      const entries = await this.read(cursor);
      if (entries.length > 0) {
        const commands = await this.options.engine.processBatch(entries);
        this.commandsPerEntry = 0.8 * this.commandsPerEntry + 0.2 * (commands / entries.length);
      } else {
        if (cursor === "0") cursor = ">";
        await this.options.engine.idle();
      }
      await this.housekeeping();
    }
    await this.options.engine.drain();
  }

  stop(): void {
    this.stopping = true;
  }

  private async read(cursor: string): Promise<StreamEntry[]> {
    const { redis, keys, consumer } = this.options;
    const count = Math.max(1, Math.floor(this.options.batchMax / this.commandsPerEntry));
    // New entries may wait a little; the pending re-read must not block on an empty history.
    const result = (
      cursor === ">"
        ? await redis.xreadgroup(
            "GROUP",
            keys.engineGroup,
            consumer,
            "COUNT",
            count,
            "BLOCK",
            BLOCK_MS,
            "STREAMS",
            keys.commands,
            cursor,
          )
        : await redis.xreadgroup(
            "GROUP",
            keys.engineGroup,
            consumer,
            "COUNT",
            count,
            "STREAMS",
            keys.commands,
            cursor,
          )
    ) as XReadGroupResult;
    return result?.[0]?.[1] ?? [];
  }

  private async housekeeping(): Promise<void> {
    const now = performance.now();
    if (now - this.lastHousekeepingAt < HOUSEKEEPING_MS) return;
    this.lastHousekeepingAt = now;
    const { redis, keys, metrics } = this.options;
    const groups = (await redis.xinfo("GROUPS", keys.commands)) as Array<Array<string | number>>;
    for (const group of groups) {
      const at = (name: string) => group[group.indexOf(name) + 1];
      if (at("name") !== keys.engineGroup) continue;
      metrics.streamLag.set(Number(at("lag") ?? 0));
      await this.trimAcknowledged(String(at("last-delivered-id")), Number(at("pending")));
    }
  }

  /**
   * Deletes the entries before the oldest one still pending in the group (for any consumer of
   * it), or, with nothing pending, everything delivered. Entries not yet delivered and entries
   * delivered but not acknowledged (not journaled yet, or read by a run that died) stay. One
   * XTRIM a second, not a call per command.
   */
  private async trimAcknowledged(lastDeliveredId: string, pending: number): Promise<void> {
    const { redis, keys, metrics } = this.options;
    let minId = nextStreamId(lastDeliveredId);
    if (pending > 0) {
      const summary = (await redis.xpending(keys.commands, keys.engineGroup)) as [
        number,
        string | null,
      ];
      // Acknowledged since XINFO: then everything delivered is acknowledged, as with none pending.
      if (summary[1] !== null) minId = summary[1];
    }
    if (minId === "0-1") return;
    const trimmed = await redis.xtrim(keys.commands, "MINID", minId);
    if (trimmed > 0) metrics.commandsTrimmed.inc(trimmed);
  }
}

/** The smallest stream id after `id` ("ms-seq"; seq may exceed 2^53). */
function nextStreamId(id: string): string {
  const [ms = "0", seq = "0"] = id.split("-");
  return `${ms}-${BigInt(seq) + 1n}`;
}

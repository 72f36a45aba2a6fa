import type { BusKeys, Logger } from "@exchange/protocol";
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
/** How often the consumer group's lag is sampled for /metrics. */
const LAG_SAMPLE_MS = 1_000;

/**
 * Reads `engine.commands` through the engine's consumer group and hands each batch to the
 * engine. It first re-reads what this consumer read but never acknowledged (the previous run
 * died mid-batch; the journal answers those that were applied), then new entries. `stop()` lets
 * the batch in hand finish, then `run()` resolves.
 */
export class CommandLoop {
  private stopping = false;
  private lastLagSampleAt = 0;

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
      if (entries.length > 0) await this.options.engine.processBatch(entries);
      else {
        if (cursor === "0") cursor = ">";
        await this.options.engine.idle();
      }
      await this.sampleLag();
    }
    await this.options.engine.drain();
  }

  stop(): void {
    this.stopping = true;
  }

  private async read(cursor: string): Promise<StreamEntry[]> {
    const { redis, keys, consumer, batchMax } = this.options;
    // New entries may wait a little; the pending re-read must not block on an empty history.
    const result = (
      cursor === ">"
        ? await redis.xreadgroup(
            "GROUP",
            keys.engineGroup,
            consumer,
            "COUNT",
            batchMax,
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
            batchMax,
            "STREAMS",
            keys.commands,
            cursor,
          )
    ) as XReadGroupResult;
    return result?.[0]?.[1] ?? [];
  }

  private async sampleLag(): Promise<void> {
    const now = performance.now();
    if (now - this.lastLagSampleAt < LAG_SAMPLE_MS) return;
    this.lastLagSampleAt = now;
    const { redis, keys, metrics } = this.options;
    const groups = (await redis.xinfo("GROUPS", keys.commands)) as Array<Array<string | number>>;
    for (const group of groups) {
      const at = (name: string) => group[group.indexOf(name) + 1];
      if (at("name") === keys.engineGroup) metrics.streamLag.set(Number(at("lag") ?? 0));
    }
  }
}

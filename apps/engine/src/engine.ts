import { type CommandResult, type ExchangeCore, hashText } from "@exchange/core";
import type { Journal, JournalEntry, SnapshotStore } from "@exchange/journal";
import {
  type BusKeys,
  COMMAND_FIELD,
  type Logger,
  REPLY_TO_FIELD,
  writeOutcome,
} from "@exchange/protocol";
import type { Redis } from "ioredis";
import { decodeCommand } from "./decode-command";
import type { EventPublisher, PublishedOutcome } from "./event-publisher";
import type { EngineMetrics } from "./metrics";

export type StreamEntry = [id: string, fields: string[]];

export interface SnapshotPolicy {
  everyCommands: number;
  everyMs: number;
}

export interface EngineDeps {
  core: ExchangeCore;
  /** Sequence of the last journaled command (from recovery). */
  seq: number;
  journal: Journal;
  snapshots: SnapshotStore;
  publisher: EventPublisher;
  redis: Redis;
  keys: BusKeys;
  metrics: EngineMetrics;
  log: Logger;
  snapshotPolicy: SnapshotPolicy;
}

/**
 * The single writer. For each batch of stream entries: decode, skip what the journal already
 * holds (answering it from there), apply the rest to the core in order, make them durable in the
 * journal, and only then publish events, reply and acknowledge — one Redis round trip for all
 * three. A failed journal write is fatal: the core has moved ahead of what is durable, so the
 * process must die and recover from the journal rather than answer from a state it cannot vouch
 * for.
 */
export class Engine {
  private seq: number;
  private commandsSinceSnapshot = 0;
  private lastSnapshotAt = performance.now();
  private snapshotInFlight = false;
  private readonly idleTasks: Array<() => void> = [];

  constructor(private readonly deps: EngineDeps) {
    this.seq = deps.seq;
  }

  get journalSeq(): number {
    return this.seq;
  }

  async processBatch(entries: readonly StreamEntry[]): Promise<void> {
    const { core, journal, publisher, redis, keys, metrics, log } = this.deps;
    const decoded = entries.map(([, fields]) => decodeCommand(field(fields, COMMAND_FIELD)));
    const ids = new Set<string>();
    for (const d of decoded) if (d.ok && d.command.type !== "system.ping") ids.add(d.command.id);
    const answered = await journal.findByCommandIds([...ids]);

    const rows: JournalEntry[] = [];
    const published: PublishedOutcome[] = [];
    const replies: Array<[channel: string, text: string]> = [];
    entries.forEach(([entryId, fields], i) => {
      const replyTo = field(fields, REPLY_TO_FIELD);
      const d = decoded[i];
      if (!d) return;
      if (!d.ok) {
        metrics.commands.inc(1, { result: "malformed" });
        log.warn("rejected malformed command", {
          entryId,
          reason: d.outcome.ok ? "" : d.outcome.message,
        });
        if (replyTo && d.id !== undefined)
          replies.push([replyTo, replyText(d.id, null, writeOutcome(d.outcome))]);
        return;
      }
      const command = d.command;
      if (command.type === "system.ping") {
        if (replyTo) replies.push([replyTo, replyText(command.id, null, PONG)]);
        return;
      }
      const earlier = answered.get(command.id);
      if (earlier) {
        metrics.commands.inc(1, { result: "duplicate" });
        if (replyTo) replies.push([replyTo, replyText(command.id, earlier.seq, earlier.outcome)]);
        return;
      }
      const result = core.apply(command);
      const seq = ++this.seq;
      const outcome = outcomeText(result);
      metrics.commands.inc(1, { result: result.accepted ? "accepted" : "rejected" });
      rows.push({ seq, commandId: command.id, command: d.text, ok: result.accepted, outcome });
      published.push({ seq, commandId: command.id, ts: command.ts, outcomeText: outcome });
      answered.set(command.id, { seq, outcome });
      if (replyTo) replies.push([replyTo, replyText(command.id, seq, outcome)]);
    });

    const journalStarted = performance.now();
    try {
      await journal.append(rows);
    } catch (error) {
      throw new FatalEngineError("journal write failed; the core is ahead of the journal", error);
    }
    metrics.journalWriteSeconds.observe((performance.now() - journalStarted) / 1000);

    const pipeline = redis.pipeline();
    publisher.queue(pipeline, published);
    for (const [channel, text] of replies) pipeline.publish(channel, text);
    pipeline.xack(keys.commands, keys.engineGroup, ...entries.map(([id]) => id));
    await pipeline.exec();

    metrics.batches.inc();
    metrics.batchSize.observe(entries.length);
    metrics.journalSeq.set(this.seq);
    this.commandsSinceSnapshot += rows.length;
    this.betweenBatches();
  }

  /** Called by the loop when a read returns nothing: time-based snapshots and queued queries. */
  idle(): void {
    this.betweenBatches();
  }

  /**
   * Runs `task` at the next point where everything applied is also journaled (between batches),
   * so what it reads is a state the journal can reproduce.
   */
  atConsistentPoint<T>(task: () => T): Promise<T> {
    return new Promise((resolve) => this.idleTasks.push(() => resolve(task())));
  }

  /** Sequence and hash of the current state, taken at a consistent point. */
  stateDigest(): Promise<{ seq: number; stateHash: string }> {
    return this.atConsistentPoint(() => ({ seq: this.seq, stateHash: this.deps.core.stateHash() }));
  }

  private betweenBatches(): void {
    for (const task of this.idleTasks.splice(0)) task();
    this.maybeSnapshot();
  }

  private maybeSnapshot(): void {
    const { everyCommands, everyMs } = this.deps.snapshotPolicy;
    if (this.snapshotInFlight || this.commandsSinceSnapshot === 0) return;
    const due =
      this.commandsSinceSnapshot >= everyCommands ||
      performance.now() - this.lastSnapshotAt >= everyMs;
    if (!due) return;
    // The image is taken synchronously (the state cannot move under it); only the write is async.
    const state = JSON.stringify(this.deps.core.snapshot());
    const snapshot = { seq: this.seq, stateHash: hashText(state), state };
    this.commandsSinceSnapshot = 0;
    this.lastSnapshotAt = performance.now();
    this.snapshotInFlight = true;
    this.deps.snapshots
      .save(snapshot)
      .then(() => this.deps.log.info("snapshot saved", { seq: snapshot.seq, bytes: state.length }))
      .catch((error) =>
        this.deps.log.error("snapshot failed; the journal still holds everything", { error }),
      )
      .finally(() => {
        this.snapshotInFlight = false;
      });
  }
}

/** The engine cannot continue without risking its guarantees; the process must exit. */
export class FatalEngineError extends Error {
  override name = "FatalEngineError";
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

const PONG = writeOutcome({ ok: true, repeated: false, events: [] });

/**
 * The outcome's wire text, written once and shared by journal, event stream and reply. A balance
 * command that repeats a business key carries no events: the first command's events were
 * already published, and publishing them again would count the money twice.
 */
function outcomeText(result: CommandResult): string {
  return writeOutcome(
    result.accepted
      ? { ok: true, repeated: result.repeated, events: result.repeated ? [] : result.events }
      : { ok: false, code: result.code, message: result.message, events: result.events },
  );
}

function replyText(id: string, seq: number | null, outcome: string): string {
  return `{"id":${JSON.stringify(id)},"seq":${seq},"outcome":${outcome}}`;
}

function field(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

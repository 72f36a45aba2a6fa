import type { ExchangeCore } from "@exchange/core";
import {
  type Journal,
  type JournalEntry,
  outcomeText,
  type PoisonCommand,
  type PoisonCommandStore,
  setAsideResult,
} from "@exchange/journal";
import {
  type BusKeys,
  COMMAND_FIELD,
  type EngineCommand,
  type Logger,
  REPLY_TO_FIELD,
  replyLine,
  splitCommands,
  writeOutcome,
} from "@exchange/protocol";
import type { ChainableCommander, Redis } from "ioredis";
import { type DecodedCommand, decodeCommand } from "./decode-command";
import type { EventPublisher, PublishedOutcome } from "./event-publisher";
import { type EngineMetrics, emptyTally, type ResultTally } from "./metrics";

/** A stream entry; a pending entry deleted from the stream is re-read with null fields. */
export type StreamEntry = [id: string, fields: string[] | null];

/** A batch applied to the core, waiting to be made durable and announced. */
interface AppliedBatch {
  entryIds: string[];
  rows: JournalEntry[];
  published: PublishedOutcome[];
  /** Reply lines by channel: each sender gets one message per batch (bus-frames.ts). */
  replies: Map<string, string[]>;
  /** Commands set aside in this batch, for the dead-letter stream once journaled. */
  deadLetters: DeadLetter[];
  /** The core's sequence after this batch. */
  lastSeq: number;
  /** Commands the batch's entries held (each entry holds one or more). */
  commands: number;
  /** Its commands by result, counted in the metrics once the batch is applied. */
  results: ResultTally;
}

interface DeadLetter {
  seq: number;
  entryId: string;
  command: string;
  poison: PoisonCommand;
}

/**
 * Stops a command may cause before the next start sets it aside instead of applying it: one
 * stop may be a fluke of its moment, a second on the same command is the command.
 */
export const STOPS_BEFORE_SET_ASIDE = 2;

/** Approximate length `engine.deadletter` is trimmed to (the poison table keeps every command). */
const DEAD_LETTERS_RETAINED = 10_000;

export interface EngineDeps {
  core: ExchangeCore;
  /** Sequence of the last journaled command (from recovery). */
  seq: number;
  journal: Journal;
  publisher: EventPublisher;
  redis: Redis;
  keys: BusKeys;
  metrics: EngineMetrics;
  log: Logger;
  /** Where a command that throws in the core is counted before the engine stops. */
  poison: PoisonCommandStore;
  /**
   * Commands that stopped the engine `STOPS_BEFORE_SET_ASIDE` times, loaded at start-up: they
   * are answered `InternalError` instead of applied. Empty in normal operation, so the check
   * costs one size test per command.
   */
  setAside: ReadonlyMap<string, PoisonCommand>;
  /** Test-only fault injection: applying the command with this id throws (see env.ts). */
  faultCommandId?: string;
}

/**
 * The single writer. For each batch of stream entries: decode, skip what the journal already
 * holds (answering it from there), apply the rest to the core in order, make them durable in the
 * journal, and only then publish events, reply and acknowledge — one Redis round trip for all
 * three. A failed journal write is fatal: the core has moved ahead of what is durable, so the
 * process must die and recover from the journal rather than answer from a state it cannot vouch
 * for. So is a command that throws in the core (a bug; the state may be half-changed): the stop
 * is counted in the poison table first, and a command that stopped the engine twice is set
 * aside at the next start.
 */
export class Engine {
  private seq: number;
  private readonly idleTasks: Array<() => void> = [];
  /** The batch being made durable (a chain: batches persist strictly in order). */
  private persisting: Promise<void> = Promise.resolve();
  /** Commands applied but not yet durable, so a retry arriving meanwhile is answered, not reapplied. */
  private readonly inFlight = new Map<string, { seq: number; outcome: string }>();
  /** A command threw in the core: the state is suspect, and the process is about to stop. */
  private broken = false;

  constructor(private readonly deps: EngineDeps) {
    this.seq = deps.seq;
  }

  get journalSeq(): number {
    return this.seq;
  }

  /**
   * Applies a batch and queues it for persistence. Two batches may be in flight: while one is
   * written to the journal and published, the next is read and applied; the call returns once
   * the previous batch is durable. Nothing of a batch is replied, published or acknowledged
   * before that batch is in the journal, and batches are journaled strictly in order.
   */
  async processBatch(entries: readonly StreamEntry[]): Promise<number> {
    // Under steady load the pipeline is never empty; stop at a consistent point when a query
    // (stateDigest) waits, so it does not starve.
    if (this.idleTasks.length > 0) await this.idle();
    let batch: AppliedBatch;
    try {
      batch = await this.apply(entries);
    } catch (error) {
      if (error instanceof PoisonCommandError) await this.recordStop(error);
      throw error;
    }
    const previous = this.persisting;
    const current = previous.then(() => this.persist(batch));
    this.persisting = current;
    // A failure is rethrown by the next call (or drain); never an unhandled rejection.
    current.catch(() => {});
    await previous;
    return batch.commands;
  }

  /** Waits until everything applied is durable and published; rethrows a persistence failure. */
  async drain(): Promise<void> {
    await this.persisting;
  }

  private async apply(entries: readonly StreamEntry[]): Promise<AppliedBatch> {
    const { journal, metrics, log } = this.deps;
    const decoded = receivedCommands(entries);
    // Commands already applied are answered, never applied again: those still being persisted
    // from the in-flight map — captured before the lookup, since the previous batch may finish
    // (and leave the map) while the lookup runs — and older ones from the journal.
    const earlierInFlight = new Map<string, { seq: number; outcome: string }>();
    const unknown = new Set<string>();
    for (const { command: d } of decoded) {
      if (!d.ok || d.command.type === "system.ping") continue;
      const inFlight = this.inFlight.get(d.command.id);
      if (inFlight) earlierInFlight.set(d.command.id, inFlight);
      else unknown.add(d.command.id);
    }
    const answered = await journal.findByCommandIds([...unknown]);
    const batch: AppliedBatch = {
      entryIds: entries.map(([id]) => id),
      rows: [],
      published: [],
      replies: new Map(),
      deadLetters: [],
      lastSeq: 0,
      commands: decoded.length,
      results: emptyTally(),
    };
    for (const { entryId, replyTo, command: d } of decoded) {
      const reply = (id: string, seq: number | null, outcome: string) => {
        if (!replyTo) return;
        const lines = batch.replies.get(replyTo);
        if (lines) lines.push(replyLine(id, seq, outcome));
        else batch.replies.set(replyTo, [replyLine(id, seq, outcome)]);
      };
      if (!d.ok) {
        batch.results.malformed++;
        log.warn("rejected malformed command", {
          entryId,
          reason: d.outcome.ok ? "" : d.outcome.message,
        });
        if (d.id !== undefined) reply(d.id, null, writeOutcome(d.outcome));
        continue;
      }
      const command = d.command;
      if (command.type === "system.ping") {
        reply(command.id, null, PONG);
        continue;
      }
      const earlier =
        earlierInFlight.get(command.id) ??
        answered.get(command.id) ??
        this.inFlight.get(command.id);
      if (earlier) {
        batch.results.duplicate++;
        reply(command.id, earlier.seq, earlier.outcome);
        continue;
      }
      const poison = this.deps.setAside.size > 0 ? this.deps.setAside.get(command.id) : undefined;
      const result = poison ? setAsideResult(command) : this.applyToCore(command, entryId);
      const seq = ++this.seq;
      if (poison) batch.deadLetters.push({ seq, entryId, command: d.text, poison });
      const outcome = outcomeText(result);
      if (result.accepted) batch.results.accepted++;
      else batch.results.rejected++;
      batch.rows.push({
        seq,
        commandId: command.id,
        command: d.text,
        ok: result.accepted,
        outcome,
      });
      batch.published.push({ seq, commandId: command.id, ts: command.ts, outcomeText: outcome });
      this.inFlight.set(command.id, { seq, outcome });
      reply(command.id, seq, outcome);
    }
    batch.lastSeq = this.seq;
    metrics.batches.inc();
    metrics.batchSize.observe(decoded.length);
    metrics.countResults(batch.results);
    return batch;
  }

  /**
   * The core, behind a guard: anything it throws is a bug that may have left the state
   * half-changed, so it becomes a `PoisonCommandError` naming the command, and the engine stops.
   */
  private applyToCore(command: Exclude<EngineCommand, { type: "system.ping" }>, entryId: string) {
    try {
      const result = this.deps.core.apply(command);
      // The injected fault throws after the core has changed, like the worst real bug.
      if (command.id === this.deps.faultCommandId) {
        throw new Error(
          `injected fault: applying ${command.id} threw (ENGINE_TEST_FAULT_COMMAND_ID)`,
        );
      }
      return result;
    } catch (error) {
      this.broken = true;
      throw new PoisonCommandError(command.id, entryId, error);
    }
  }

  /**
   * Counts the stop in the poison table before the process exits. The batches applied before
   * the poison command are sound: they are made durable and answered first.
   */
  private async recordStop(error: PoisonCommandError): Promise<void> {
    await this.persisting.catch(() => {});
    const cause =
      error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : error.cause;
    try {
      error.stops = await this.deps.poison.recordStop({
        commandId: error.commandId,
        entryId: error.entryId,
        error: String(cause),
      });
    } catch (recordError) {
      this.deps.log.error("could not count the stop in the poison table", { error: recordError });
    }
  }

  private async persist(batch: AppliedBatch): Promise<void> {
    const { journal, publisher, redis, keys, metrics } = this.deps;
    const journalStarted = performance.now();
    try {
      await journal.append(batch.rows);
    } catch (error) {
      throw new FatalEngineError("journal write failed; the core is ahead of the journal", error);
    }
    metrics.journalWriteSeconds.observe((performance.now() - journalStarted) / 1000);
    const pipeline = redis.pipeline();
    publisher.queue(pipeline, batch.published);
    for (const [channel, lines] of batch.replies) pipeline.publish(channel, lines.join("\n"));
    for (const dead of batch.deadLetters) queueDeadLetter(pipeline, keys, dead);
    pipeline.xack(keys.commands, keys.engineGroup, ...batch.entryIds);
    await pipeline.exec();
    for (const dead of batch.deadLetters) this.announceSetAside(dead);
    for (const row of batch.rows) this.inFlight.delete(row.commandId);
    metrics.journalSeq.set(batch.lastSeq);
    observeOldestCommand(metrics, batch.entryIds[0]);
    // Only when no later batch has been applied is the core's state exactly the journal's.
    if (batch.lastSeq === this.seq) this.betweenBatches();
  }

  private announceSetAside({ seq, entryId, poison }: DeadLetter): void {
    this.deps.metrics.setAside.inc();
    this.deps.log.fatal("set aside a command that stopped the engine; answered InternalError", {
      commandId: poison.commandId,
      seq,
      entryId,
      stops: poison.stops,
      error: poison.error,
    });
  }

  /** Called by the loop when a read returns nothing: queued queries. */
  async idle(): Promise<void> {
    await this.drain();
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
    // A state a throwing command may have half-changed is never queried.
    if (this.broken) return;
    for (const task of this.idleTasks.splice(0)) task();
  }
}

/**
 * Applying a command threw: the core may be half-changed, so the engine must stop. `stops` is
 * how many stops this command has caused, counted in the poison table (undefined if counting
 * failed).
 */
export class PoisonCommandError extends Error {
  override name = "PoisonCommandError";
  stops: number | undefined;
  constructor(
    readonly commandId: string,
    readonly entryId: string,
    cause: unknown,
  ) {
    super(`applying command ${commandId} threw`, { cause });
  }
}

/** Copies a set-aside command, with its error, to `engine.deadletter` in the batch's pipeline. */
function queueDeadLetter(pipeline: ChainableCommander, keys: BusKeys, dead: DeadLetter): void {
  const { seq, entryId, command, poison } = dead;
  pipeline.xadd(
    keys.deadLetters,
    "MAXLEN",
    "~",
    DEAD_LETTERS_RETAINED,
    "*",
    "id",
    poison.commandId,
    "seq",
    String(seq),
    "entry",
    entryId,
    "stops",
    String(poison.stops),
    "error",
    poison.error,
    COMMAND_FIELD,
    command,
  );
}

/** The engine cannot continue without risking its guarantees; the process must exit. */
export class FatalEngineError extends Error {
  override name = "FatalEngineError";
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

const PONG = writeOutcome({ ok: true, repeated: false, events: [] });

/** Every command of a batch's entries, decoded, with the entry it came in and its reply channel. */
function receivedCommands(entries: readonly StreamEntry[]) {
  const received: Array<{ entryId: string; replyTo: string | undefined; command: DecodedCommand }> =
    [];
  for (const [entryId, fields] of entries) {
    const replyTo = field(fields, REPLY_TO_FIELD);
    const texts = field(fields, COMMAND_FIELD);
    // A pending entry deleted from the stream has no fields: one malformed command, unanswerable.
    for (const text of texts === undefined ? [undefined] : splitCommands(texts)) {
      received.push({ entryId, replyTo, command: decodeCommand(text) });
    }
  }
  return received;
}

function field(fields: readonly string[] | null, name: string): string | undefined {
  if (fields === null) return undefined;
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/**
 * The latency of a batch's oldest command, from its XADD (the stream entry id is Redis's clock
 * in milliseconds) to its answer: once per batch, the worst of the batch, never per command.
 */
function observeOldestCommand(metrics: EngineMetrics, oldestEntryId: string | undefined): void {
  if (oldestEntryId === undefined) return;
  const addedMs = Number(oldestEntryId.slice(0, oldestEntryId.indexOf("-")));
  if (Number.isFinite(addedMs)) {
    metrics.commandLatencySeconds.observe(Math.max(0, Date.now() - addedMs) / 1000);
  }
}

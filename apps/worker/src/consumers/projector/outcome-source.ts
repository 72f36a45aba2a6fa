import type { Journal } from "@exchange/journal";
import { type BusKeys, type Logger, readOutcome } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type { OutcomeRecord } from "./outcome-batch";

/** Field of an engine.events entry (written by apps/engine event-publisher.ts). */
const BATCH_FIELD = "b";
const BLOCK_MS = 500;

interface PublishedBatch {
  from: number;
  to: number;
  results: Array<{ seq: number; id: string; ts: number; outcome: unknown }>;
}

/**
 * Every journaled outcome after a given seq, in order, exactly once: catches up from the journal
 * at start, then tails `engine.events` and, whenever what it receives does not follow on (a
 * trimmed stream, a batch the engine republished, a batch published while it caught up), fills
 * the gap from the journal, which holds every outcome. The stream is only the fast path; the
 * journal is the truth. Once tailing, a consumer that lags reads the stream's backlog, not the
 * journal: cheaper for PostgreSQL, which the projector's writes already keep busy.
 */
export class OutcomeSource {
  private streamCursor = "$";
  /** Caught up from the journal once: from then on the stream comes first. */
  private tailing = false;

  constructor(
    private readonly deps: { redis: Redis; keys: BusKeys; journal: Journal; log: Logger },
    private nextSeq: number,
  ) {}

  /** Waits up to `blockMs` for news; returns the outcomes that follow on, possibly none. */
  async next(maxRecords: number, blockMs = BLOCK_MS): Promise<OutcomeRecord[]> {
    if (!this.tailing) {
      const fromJournal = await this.readJournal(maxRecords);
      if (fromJournal.length > 0) return fromJournal;
      this.tailing = true;
    }
    const batches = await this.readStream(blockMs);
    const records: OutcomeRecord[] = [];
    for (const batch of batches) {
      if (batch.to < this.nextSeq) continue; // already applied (e.g. from the journal)
      if (batch.from > this.nextSeq) return [...records, ...(await this.readJournal(maxRecords))];
      for (const result of batch.results) {
        if (result.seq < this.nextSeq) continue;
        records.push({
          seq: result.seq,
          commandId: result.id,
          ts: result.ts,
          outcome: readOutcome(result.outcome),
        });
        this.nextSeq = result.seq + 1;
      }
    }
    return records;
  }

  /** Outcomes from the journal starting at nextSeq (empty once the journal has no more). */
  private async readJournal(maxRecords: number): Promise<OutcomeRecord[]> {
    const { journal } = this.deps;
    const end = await journal.lastSeq();
    if (end < this.nextSeq) return [];
    const upTo = Math.min(end, this.nextSeq - 1 + maxRecords);
    const records: OutcomeRecord[] = [];
    for await (const page of journal.read(this.nextSeq - 1, upTo)) {
      for (const entry of page) {
        records.push({
          seq: entry.seq,
          commandId: entry.commandId,
          ts: (JSON.parse(entry.command) as { ts: number }).ts,
          outcome: readOutcome(JSON.parse(entry.outcome)),
        });
      }
    }
    if (records.length > 0) this.nextSeq = (records.at(-1)?.seq ?? this.nextSeq - 1) + 1;
    return records;
  }

  private async readStream(blockMs: number): Promise<PublishedBatch[]> {
    const { redis, keys } = this.deps;
    const result = (await redis.xread(
      "COUNT",
      100,
      "BLOCK",
      Math.max(1, Math.round(blockMs)),
      "STREAMS",
      keys.events,
      this.streamCursor,
    )) as Array<[string, Array<[string, string[]]>]> | null;
    const entries = result?.[0]?.[1] ?? [];
    const last = entries.at(-1);
    if (last) this.streamCursor = last[0];
    return entries.flatMap(([, fields]) => {
      const text = fields[fields.indexOf(BATCH_FIELD) + 1];
      return text ? [JSON.parse(text) as PublishedBatch] : [];
    });
  }
}

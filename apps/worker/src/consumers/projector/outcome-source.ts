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
 * trimmed stream, a batch the engine republished), fills
 * the gap from the journal, which holds every outcome. The stream is only the fast path; the
 * journal is the truth. Once tailing, a consumer that lags reads the stream's backlog, not the
 * journal: cheaper for PostgreSQL, which the projector's writes already keep busy.
 */
export class OutcomeSource {
  /** Set where the stream ends each time the journal is caught up from. */
  private streamCursor = "0-0";
  /** Caught up from the journal: the stream comes first until a gap. */
  private tailing = false;
  /** Batches read from the stream and not yet wholly returned (`next` returns `maxRecords`). */
  private unread: PublishedBatch[] = [];

  constructor(
    private readonly deps: { redis: Redis; keys: BusKeys; journal: Journal; log: Logger },
    private nextSeq: number,
  ) {}

  /** Waits up to `blockMs` for news; returns at most `maxRecords` outcomes that follow on. */
  async next(maxRecords: number, blockMs = BLOCK_MS): Promise<OutcomeRecord[]> {
    if (!this.tailing) {
      // Where the stream ends now, before the journal is read: a batch published meanwhile is
      // then read from the stream (or skipped as already applied), never missed.
      this.streamCursor = await this.streamEnd();
      this.unread = [];
      const fromJournal = await this.readJournal(maxRecords);
      if (fromJournal.length > 0) return fromJournal;
      this.tailing = true;
    }
    const batches = this.unread.length > 0 ? this.unread : await this.readStream(blockMs);
    this.unread = [];
    const records: OutcomeRecord[] = [];
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i] as PublishedBatch;
      if (batch.to < this.nextSeq) continue; // already applied (e.g. from the journal)
      if (batch.from > this.nextSeq) {
        // A gap: catch up from the journal until it has no more, then tail again.
        this.tailing = false;
        return records;
      }
      for (const result of batch.results) {
        if (result.seq < this.nextSeq) continue;
        if (records.length >= maxRecords) {
          // The rest is read at the next call (what this call took is skipped by its seq).
          this.unread = batches.slice(i);
          return records;
        }
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

  /** The id of the stream's last entry ("0-0" when empty): where tailing starts. */
  private async streamEnd(): Promise<string> {
    const { redis, keys } = this.deps;
    const last = await redis.xrevrange(keys.events, "+", "-", "COUNT", 1);
    return last[0]?.[0] ?? "0-0";
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

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { JournalCopyEncoder } from "./copy-binary";

interface JournalRow {
  seq: string;
  command_id: string;
  command: string;
  ok: boolean;
  outcome: string;
}

/** Characters of an outcome a replay that does not compare outcomes reads (see `read`). */
const OUTCOME_HEAD_CHARS = 64;

/** One applied command as the journal keeps it (see the EngineJournal model). */
export interface JournalEntry {
  seq: number;
  commandId: string;
  /** The command's wire text, as received. */
  command: string;
  ok: boolean;
  /** The outcome's wire text, as published. */
  outcome: string;
}

/**
 * The engine's write-ahead journal in PostgreSQL. Each batch is one binary COPY, durable (its
 * implicit transaction committed, synchronous_commit as the server has it) before any of its
 * commands is answered or acknowledged.
 */
export class Journal {
  private readonly encoder = new JournalCopyEncoder();

  constructor(private readonly pool: pg.Pool) {}

  async append(entries: readonly JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Binary COPY rather than a multi-row INSERT: no statement of 50 000 parameters to build and
    // parse, no escaping, and each text encoded once into one buffer (docs/performance.md).
    const data = this.encoder.encode(entries);
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.encoder.discard(data);
      throw error;
    }
    try {
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(
          copyFrom(
            "COPY engine_journal (seq, command_id, command, ok, outcome) FROM STDIN (FORMAT binary)",
          ),
        );
        stream.on("finish", resolve);
        stream.on("error", reject);
        stream.end(data);
      });
      client.release();
      this.encoder.release(data);
    } catch (error) {
      // A connection that failed mid-COPY is not put back in the pool, nor its buffer reused.
      client.release(error as Error);
      this.encoder.discard(data);
      throw error;
    }
  }

  /** Outcomes already journaled for these command ids (retries are answered from here). */
  async findByCommandIds(
    ids: readonly string[],
  ): Promise<Map<string, { seq: number; outcome: string }>> {
    const found = new Map<string, { seq: number; outcome: string }>();
    if (ids.length === 0) return found;
    const { rows } = await this.pool.query<{ seq: string; command_id: string; outcome: string }>(
      "SELECT seq, command_id, outcome FROM engine_journal WHERE command_id = ANY($1::text[])",
      [ids],
    );
    for (const row of rows)
      found.set(row.command_id, { seq: Number(row.seq), outcome: row.outcome });
    return found;
  }

  /** Highest journaled sequence, 0 when empty. */
  async lastSeq(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string | null }>(
      "SELECT max(seq) AS seq FROM engine_journal",
    );
    return Number(rows[0]?.seq ?? 0);
  }

  /**
   * Entries after `afterSeq` up to `toSeq` inclusive, in order, `pageSize` at a time. The next
   * page is fetched while the caller works on the current one.
   */
  async *read(
    afterSeq: number,
    toSeq: number,
    options: { pageSize?: number; outcomes?: "whole" | "head" } = {},
  ): AsyncGenerator<JournalEntry[]> {
    const pageSize = options.pageSize ?? 20_000;
    // "head": only the outcome's first characters, enough to tell a set-aside command
    // (isSetAsideOutcome), for replays that do not compare outcomes: a sixth of the bytes.
    const outcome =
      options.outcomes === "head" ? `left(outcome, ${OUTCOME_HEAD_CHARS})` : "outcome";
    const fetchPage = (after: number) => {
      const page = this.pool.query<JournalRow>(
        `SELECT seq, command_id, command, ok, ${outcome} AS outcome FROM engine_journal WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
        [after, toSeq, pageSize],
      );
      // A caller that stops early leaves one prefetch unread; its failure must not go unhandled.
      page.catch(() => {});
      return page;
    };
    if (afterSeq >= toSeq) return;
    let pending = fetchPage(afterSeq);
    for (;;) {
      const { rows } = await pending;
      if (rows.length === 0) return;
      const page = rows.map((r) => ({
        seq: Number(r.seq),
        commandId: r.command_id,
        command: r.command,
        ok: r.ok,
        outcome: r.outcome,
      }));
      const last = page[page.length - 1]?.seq ?? toSeq;
      if (last < toSeq && rows.length === pageSize) pending = fetchPage(last);
      else pending = Promise.resolve({ rows: [] as JournalRow[] } as pg.QueryResult<JournalRow>);
      yield page;
    }
  }
}

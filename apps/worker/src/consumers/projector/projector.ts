import type { Journal } from "@exchange/journal";
import type { BusKeys, Logger } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type pg from "pg";
import type { Consumer, EntryRange } from "../consumer";
import { OutcomeSource } from "./outcome-source";
import { projectOutcomes } from "./project-outcomes";
import { readProjectorOffset, writeProjection } from "./projection-writer";

export interface ProjectorDeps {
  pool: pg.Pool;
  redis: Redis;
  keys: BusKeys;
  journal: Journal;
  log: Logger;
}

/**
 * Keeps the read models (orders, trades, account balances, ledger postings) in step with the
 * engine. Resumes from its offset in the database, so a restart neither skips nor repeats; a
 * batch that cannot be stored leaves the offset where it was, and is taken again on retry.
 */
export class Projector implements Consumer {
  readonly name = "projector";
  readonly boundedSteps = true;
  /** Most outcomes folded into one read-model transaction. */
  readonly batchMax = 5_000;
  private stopping = false;
  private offset = 0;
  private source: OutcomeSource | undefined;
  private entries: EntryRange | undefined;

  constructor(private readonly deps: ProjectorDeps) {}

  /** The last seq applied to the read models. */
  get projectedSeq(): number {
    return this.offset;
  }

  get processedSeq(): number {
    return this.offset;
  }

  get inHand(): EntryRange | undefined {
    return this.entries;
  }

  async start(): Promise<void> {
    this.entries = undefined;
    this.offset = await readProjectorOffset(this.deps.pool);
    this.source = new OutcomeSource(this.deps, this.offset + 1);
    this.deps.log.info("projector started", { fromSeq: this.offset + 1 });
  }

  async step(maxEntries: number): Promise<boolean> {
    if (this.stopping) return false;
    const records = await (this.source as OutcomeSource).next(maxEntries);
    const first = records[0];
    const last = records.at(-1);
    if (!first || !last) return !this.stopping;
    this.entries = { fromSeq: first.seq, toSeq: last.seq };
    const changes = projectOutcomes(records);
    await writeProjection(this.deps.pool, changes);
    this.offset = changes.lastSeq;
    this.entries = undefined;
    this.deps.log.debug("projected", { outcomes: records.length, seq: this.offset });
    return !this.stopping;
  }

  stop(): void {
    this.stopping = true;
  }
}

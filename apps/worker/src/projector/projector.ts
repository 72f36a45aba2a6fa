import type { Journal } from "@exchange/journal";
import type { BusKeys, Logger } from "@exchange/protocol";
import type { Redis } from "ioredis";
import type pg from "pg";
import { OutcomeSource } from "./outcome-source";
import { projectOutcomes } from "./project-outcomes";
import { readProjectorOffset, writeProjection } from "./projection-writer";

/** Most outcomes folded into one read-model transaction. */
const MAX_BATCH = 5_000;

export interface ProjectorDeps {
  pool: pg.Pool;
  redis: Redis;
  keys: BusKeys;
  journal: Journal;
  log: Logger;
}

/**
 * Keeps the read models (orders, trades, account balances, ledger postings) in step with the
 * engine. Resumes from its offset in the database, so a restart neither skips nor repeats.
 */
export class Projector {
  private stopping = false;
  private offset = 0;

  constructor(private readonly deps: ProjectorDeps) {}

  /** The last seq applied to the read models. */
  get projectedSeq(): number {
    return this.offset;
  }

  async run(): Promise<void> {
    const { pool, log } = this.deps;
    this.offset = await readProjectorOffset(pool);
    const source = new OutcomeSource(this.deps, this.offset + 1);
    log.info("projector started", { fromSeq: this.offset + 1 });
    while (!this.stopping) {
      const records = await source.next(MAX_BATCH);
      if (records.length === 0) continue;
      const changes = projectOutcomes(records);
      await writeProjection(pool, changes);
      this.offset = changes.lastSeq;
      log.debug("projected", { outcomes: records.length, seq: this.offset });
    }
  }

  stop(): void {
    this.stopping = true;
  }
}

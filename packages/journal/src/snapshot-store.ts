import type pg from "pg";

export interface StoredSnapshot {
  seq: number;
  stateHash: string;
  /** `ExchangeCore.snapshot()` as JSON text. */
  state: string;
}

/** Snapshots of the core's state in PostgreSQL, newest wins; older ones beyond `kept` pruned. */
export class SnapshotStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly kept: number,
  ) {}

  /** The newest snapshot, or the newest at or before `atOrBeforeSeq`. */
  async latest(atOrBeforeSeq = Number.MAX_SAFE_INTEGER): Promise<StoredSnapshot | undefined> {
    const { rows } = await this.pool.query<{ seq: string; state_hash: string; state: string }>(
      "SELECT seq, state_hash, state FROM engine_snapshots WHERE seq <= $1 ORDER BY seq DESC LIMIT 1",
      [atOrBeforeSeq],
    );
    const row = rows[0];
    return row && { seq: Number(row.seq), stateHash: row.state_hash, state: row.state };
  }

  async save(snapshot: StoredSnapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO engine_snapshots (seq, state_hash, state) VALUES ($1, $2, $3)
       ON CONFLICT (seq) DO NOTHING`,
      [snapshot.seq, snapshot.stateHash, snapshot.state],
    );
    await this.pool.query(
      `DELETE FROM engine_snapshots WHERE seq < (
         SELECT min(seq) FROM (SELECT seq FROM engine_snapshots ORDER BY seq DESC LIMIT $1) AS kept
       )`,
      [this.kept],
    );
  }
}

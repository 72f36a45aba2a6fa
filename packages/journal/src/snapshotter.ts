import { ExchangeCore, hashText } from "@exchange/core";
import type { Journal } from "./journal";
import { restoreChecked } from "./recovery";
import { replayJournal } from "./replay";
import type { SnapshotStore, StoredSnapshot } from "./snapshot-store";

export interface SnapshotPolicy {
  /** A snapshot is due once this many commands were journaled since the last one… */
  everyCommands: number;
  /** …or this long after the last one, if anything was journaled since. */
  everyMs: number;
}

/**
 * Takes the engine's snapshots without touching the engine: it keeps a replica of the core by
 * replaying the journal, and when a snapshot is due brings the replica to the journal's end and
 * saves its image. Serialising a large state takes hundreds of milliseconds; done by the engine,
 * that stalled every command behind it. Here it runs beside the engine (a worker thread of its
 * process), and a snapshot can only ever hold journaled commands — never a state a throwing
 * command half-changed, nor one ahead of the journal.
 */
export class Snapshotter {
  private replica: ExchangeCore | undefined;
  private seq = 0;
  private savedSeq = 0;
  private savedAt: number;

  constructor(
    private readonly journal: Journal,
    private readonly snapshots: SnapshotStore,
    private readonly policy: SnapshotPolicy,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.savedAt = now();
  }

  /** Saves a snapshot at the journal's end if one is due; returns it, or undefined. */
  async snapshotIfDue(): Promise<StoredSnapshot | undefined> {
    const end = await this.journal.lastSeq();
    const replica = await this.loadReplica(end);
    if (!this.due(end)) return undefined;
    try {
      this.seq = await replayJournal(replica, this.journal, this.seq, end, {
        verifyOutcomes: false,
      });
    } catch (error) {
      // Part of the journal may have been applied: the replica no longer matches `seq`. The
      // next attempt starts again from the latest snapshot rather than apply anything twice.
      this.replica = undefined;
      throw error;
    }
    const state = JSON.stringify(replica.snapshot());
    const snapshot = { seq: this.seq, stateHash: hashText(state), state };
    await this.snapshots.save(snapshot);
    this.savedSeq = snapshot.seq;
    this.savedAt = this.now();
    return snapshot;
  }

  private due(end: number): boolean {
    const since = end - this.savedSeq;
    if (since <= 0) return false;
    return since >= this.policy.everyCommands || this.now() - this.savedAt >= this.policy.everyMs;
  }

  /** The replica, first from the latest snapshot (checked as start-up checks it). */
  private async loadReplica(end: number): Promise<ExchangeCore> {
    if (this.replica) return this.replica;
    const latest = await this.snapshots.latest(end);
    this.replica = latest ? restoreChecked(latest) : new ExchangeCore();
    this.seq = latest?.seq ?? 0;
    this.savedSeq = this.seq;
    return this.replica;
  }
}

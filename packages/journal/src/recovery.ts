import { ExchangeCore, hashText, SNAPSHOT_VERSION } from "@exchange/core";
import type { Journal } from "./journal";
import { RecoveryError, replayJournal } from "./replay";
import type { SnapshotStore, StoredSnapshot } from "./snapshot-store";

export { RecoveryError };

export interface RecoveredState {
  core: ExchangeCore;
  /** Sequence of the last journaled command, now applied. */
  seq: number;
  snapshotSeq: number;
  replayedCommands: number;
  replayMs: number;
}

/**
 * Rebuilds the core: the latest snapshot (its hash checked), then every journaled command after
 * it, in order. Replay must reproduce what the journal recorded — same sequence without gaps,
 * the same outcome to the byte (accept / reject, code, every event) — or start-up is refused
 * with the sequence that differs. A command the engine set aside (it threw when applied) is
 * not applied again: its journaled rejection is its outcome, and it changed nothing.
 */
export async function recoverState(
  journal: Journal,
  /** Null replays the whole journal from an empty state (audits and tests). */
  snapshots: SnapshotStore | null,
  /** Stop after this sequence (the state as it was then) instead of at the journal's end. */
  options: { upToSeq?: number } = {},
): Promise<RecoveredState> {
  const journalEnd = await journal.lastSeq();
  const lastSeq = Math.min(options.upToSeq ?? journalEnd, journalEnd);
  const snapshot = await snapshots?.latest(lastSeq);
  let core = new ExchangeCore();
  let seq = 0;
  if (snapshot) {
    core = restoreChecked(snapshot);
    seq = snapshot.seq;
  }
  if (options.upToSeq === undefined) await assertNoSnapshotBeyond(snapshots, journalEnd);
  const snapshotSeq = seq;
  const started = performance.now();
  seq = await replayJournal(core, journal, seq, lastSeq, { verifyOutcomes: true });
  return {
    core,
    seq,
    snapshotSeq,
    replayedCommands: seq - snapshotSeq,
    replayMs: performance.now() - started,
  };
}

/**
 * The core of a stored snapshot, refused unless it is the state that was recorded. A snapshot of
 * the current version must restore to its recorded hash. One of an older version cannot: the
 * layout changed since (a key or a system account added), so the restored state hashes
 * differently even though nothing is lost; for it the stored text must still hash to the
 * recorded hash, which shows it is intact, and the restore reads it as its version requires.
 */
export function restoreChecked(snapshot: StoredSnapshot): ExchangeCore {
  const parsed = JSON.parse(snapshot.state) as Parameters<typeof ExchangeCore.restore>[0];
  const core = ExchangeCore.restore(parsed);
  const current = parsed.version === SNAPSHOT_VERSION;
  const hash = current ? core.stateHash() : hashText(snapshot.state);
  if (hash !== snapshot.stateHash) {
    const what = current ? "restores to state hash" : `(version ${parsed.version}) hashes to`;
    throw new RecoveryError(
      `snapshot at seq ${snapshot.seq} ${what} ${hash}, not the recorded ${snapshot.stateHash}`,
    );
  }
  return core;
}

/** A snapshot newer than the journal's end means the journal lost what the snapshot saw. */
async function assertNoSnapshotBeyond(
  snapshots: SnapshotStore | null,
  journalEnd: number,
): Promise<void> {
  const newest = await snapshots?.latest();
  if (newest && newest.seq > journalEnd) {
    throw new RecoveryError(
      `the latest snapshot is at seq ${newest.seq} but the journal ends at seq ${journalEnd}`,
    );
  }
}

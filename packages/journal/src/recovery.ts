import { type Command, ExchangeCore } from "@exchange/core";
import { ZCoreCommand } from "@exchange/protocol";
import type { Journal, JournalEntry } from "./journal";
import type { SnapshotStore } from "./snapshot-store";

/** Journal and snapshot disagree: starting would serve a state nobody can vouch for. */
export class RecoveryError extends Error {
  override name = "RecoveryError";
}

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
 * same accept / reject — or start-up is refused with the reason.
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
    core = ExchangeCore.restore(JSON.parse(snapshot.state));
    const hash = core.stateHash();
    if (hash !== snapshot.stateHash) {
      throw new RecoveryError(
        `snapshot at seq ${snapshot.seq} restores to state hash ${hash}, not the recorded ${snapshot.stateHash}`,
      );
    }
    seq = snapshot.seq;
  }
  if (options.upToSeq === undefined) await assertNoSnapshotBeyond(snapshots, journalEnd);
  const snapshotSeq = seq;
  const started = performance.now();
  for await (const page of journal.read(seq, lastSeq, { withOutcomes: false })) {
    for (const entry of page) {
      if (entry.seq !== seq + 1) {
        throw new RecoveryError(`the journal skips from seq ${seq} to seq ${entry.seq}`);
      }
      replayEntry(core, entry);
      seq = entry.seq;
    }
  }
  if (seq !== lastSeq) {
    throw new RecoveryError(`replay stopped at seq ${seq} but the journal ends at seq ${lastSeq}`);
  }
  return {
    core,
    seq,
    snapshotSeq,
    replayedCommands: seq - snapshotSeq,
    replayMs: performance.now() - started,
  };
}

function replayEntry(core: ExchangeCore, entry: JournalEntry): void {
  const parsed = ZCoreCommand.safeParse(JSON.parse(entry.command));
  if (!parsed.success) {
    throw new RecoveryError(`journal seq ${entry.seq} holds a command that no longer decodes`);
  }
  const result = core.apply(parsed.data as Command);
  if (result.accepted !== entry.ok) {
    const was = (ok: boolean) => (ok ? "accepted" : "rejected");
    throw new RecoveryError(
      `replaying seq ${entry.seq} (${entry.commandId}) was ${was(result.accepted)}, ` +
        `the journal says ${was(entry.ok)}`,
    );
  }
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

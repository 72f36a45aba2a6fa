import type { Command, ExchangeCore } from "@exchange/core";
import { decodeHotCommand, ZCoreCommand } from "@exchange/protocol";
import type { Journal, JournalEntry } from "./journal";
import { isSetAsideOutcome, outcomeText } from "./outcome";

/** Journal and snapshot disagree: starting would serve a state nobody can vouch for. */
export class RecoveryError extends Error {
  override name = "RecoveryError";
}

export interface ReplayOptions {
  /**
   * Compare each replayed outcome with the journaled one, to the byte. Start-up does: the state
   * it serves must be the one whose outcomes were published. The snapshotter only checks
   * accept / reject (its replica restarts from the last snapshot after any failure), so a
   * snapshot holds what the core makes of the journal, and a start-up from it compares the
   * outcomes of everything after it.
   */
  verifyOutcomes: boolean;
}

/**
 * Applies the journal's commands after `afterSeq` up to `toSeq` to `core`, in order and without
 * gaps; returns the last sequence applied. A command the engine set aside (it threw when
 * applied) is not applied again: its journaled rejection is its outcome, and it changed nothing.
 */
export async function replayJournal(
  core: ExchangeCore,
  journal: Journal,
  afterSeq: number,
  toSeq: number,
  options: ReplayOptions,
): Promise<number> {
  let seq = afterSeq;
  const read = journal.read(seq, toSeq, { outcomes: options.verifyOutcomes ? "whole" : "head" });
  for await (const page of read) {
    for (const entry of page) {
      if (entry.seq !== seq + 1) {
        throw new RecoveryError(`the journal skips from seq ${seq} to seq ${entry.seq}`);
      }
      replayEntry(core, entry, options);
      seq = entry.seq;
    }
  }
  if (seq !== toSeq) {
    throw new RecoveryError(`replay stopped at seq ${seq} but the journal ends at seq ${toSeq}`);
  }
  return seq;
}

function replayEntry(core: ExchangeCore, entry: JournalEntry, options: ReplayOptions): void {
  if (!entry.ok && isSetAsideOutcome(entry.outcome)) return;
  const result = core.apply(decodeJournaled(entry));
  if (!options.verifyOutcomes) {
    if (result.accepted !== entry.ok) {
      throw new RecoveryError(
        `replaying seq ${entry.seq} (${entry.commandId}) was ${result.accepted ? "accepted" : "rejected"}, the journal says otherwise`,
      );
    }
    return;
  }
  const replayed = outcomeText(result);
  if (replayed !== entry.outcome) {
    throw new RecoveryError(
      `replaying seq ${entry.seq} (${entry.commandId}) gives another outcome than the journal's: ` +
        describeDifference(replayed, entry.outcome),
    );
  }
}

function decodeJournaled(entry: JournalEntry): Command {
  const json = JSON.parse(entry.command) as Record<string, unknown>;
  const hot = decodeHotCommand(json);
  if (hot) return hot as Command;
  const parsed = ZCoreCommand.safeParse(json);
  if (!parsed.success) {
    throw new RecoveryError(`journal seq ${entry.seq} holds a command that no longer decodes`);
  }
  return parsed.data as Command;
}

/** Where two outcome texts part, with a little context of each: enough to see which field. */
function describeDifference(replayed: string, journaled: string): string {
  let at = 0;
  while (at < replayed.length && replayed[at] === journaled[at]) at++;
  const excerpt = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
  return `from character ${at}, replay ${excerpt(replayed)}, journal ${excerpt(journaled)}`;
}

import type { CommandOutcome } from "@exchange/protocol";

/** One journaled command's outcome, as read from engine.events or from the journal. */
export interface OutcomeRecord {
  seq: number;
  commandId: string;
  /** The command's timestamp, epoch ms (the sender's clock, carried by the command). */
  ts: number;
  outcome: CommandOutcome;
}

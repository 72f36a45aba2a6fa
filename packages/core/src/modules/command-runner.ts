import { assert } from "../assert";
import type { Command } from "../commands";
import { type CoreState, isShortText, type Rejection, reject } from "../core-state";
import type { CommandResult, CoreEvent, RejectedResult } from "../events";
import { RejectCode } from "../reject-code";

/**
 * A module's handler for one command type: checks the command against the state, then changes
 * the state and appends its events, or returns the rejection having changed nothing.
 */
export type Handler<C extends Command> = (
  s: CoreState,
  c: C,
  events: CoreEvent[],
) => Rejection | null;

/** One entry of the dispatch table: runs a command of its type to its result. */
export type CommandRunner = (s: CoreState, command: Command) => CommandResult;

/** A module's runners, one per command type it owns, typed on that command. */
export type CommandRunners<C extends Command> = { [T in C["type"]]: CommandRunner };

const MAX_COMMAND_ID_LENGTH = 128;

/** The envelope every command shares: its id and its timestamp. */
export function checkEnvelope(id: unknown, ts: unknown): Rejection | null {
  if (!isShortText(id, MAX_COMMAND_ID_LENGTH)) {
    return reject(
      RejectCode.InvalidCommand,
      `command id must be 1-${MAX_COMMAND_ID_LENGTH} characters`,
    );
  }
  if (!Number.isSafeInteger(ts) || (ts as number) < 0) {
    return reject(RejectCode.InvalidCommand, "ts must be a non-negative integer of epoch ms");
  }
  return null;
}

/** The runner of a handler with no more to it than the envelope check. */
export function runnerOf<C extends Command>(handler: Handler<C>): CommandRunner {
  return (s, command) => {
    const id = command.id;
    const bad = checkEnvelope(id, command.ts);
    if (bad !== null) return rejected(command, bad);
    const events: CoreEvent[] = [];
    return finish(command, id, handler(s, command as C, events), events);
  };
}

/** The result of a handler that returned `rejection` (or null) after emitting `events`. */
export function finish(
  command: Command,
  commandId: string,
  rejection: Rejection | null,
  events: CoreEvent[],
): CommandResult {
  if (rejection !== null) {
    assert(events.length === 0, "a rejected command emitted events");
    return rejected(command, rejection);
  }
  return { accepted: true, commandId, repeated: false, events };
}

/** A rejection's result; `events` is where `order.place` puts its `order.rejected`. */
export function rejected(
  command: Command,
  rejection: Rejection,
  events: CoreEvent[] = [],
): RejectedResult {
  return {
    accepted: false,
    commandId: command.id,
    code: rejection.code,
    message: rejection.message,
    events,
  };
}

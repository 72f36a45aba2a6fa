import { type Command, type CommandResult, type CoreEvent, RejectCode } from "@exchange/core";
import { writeOutcome } from "@exchange/protocol";

/**
 * The outcome's wire text, written once and shared by journal, event stream and reply; replay
 * writes it again to compare. A balance command that repeats a business key carries no events:
 * the first command's events were already published, and publishing them again would count the
 * money twice.
 */
export function outcomeText(result: CommandResult): string {
  return writeOutcome(
    result.accepted
      ? { ok: true, repeated: result.repeated, events: result.repeated ? [] : result.events }
      : { ok: false, code: result.code, message: result.message, events: result.events },
  );
}

/**
 * What the sender of a set-aside command is told. The error itself stays in the engine's poison
 * table and on the dead-letter stream: it is internal text, not for traders.
 */
export const SET_ASIDE_MESSAGE =
  "the engine could not apply this command and set it aside; nothing changed";

/**
 * The rejection journaled for a command that stopped the engine twice (see the engine's poison
 * list). It never reached the core, so it changes nothing; a rejected order still gets its
 * `order.rejected` event, like every rejected order, so the read models see it the same way.
 */
export function setAsideResult(command: Command): CommandResult {
  const code = RejectCode.InternalError;
  const events: CoreEvent[] = [];
  if (command.type === "order.place") {
    events.push({
      type: "order.rejected",
      symbol: command.symbol,
      userId: command.userId,
      clientOrderId: command.clientOrderId ?? null,
      code,
      message: SET_ASIDE_MESSAGE,
    });
  }
  return { accepted: false, commandId: command.id, code, message: SET_ASIDE_MESSAGE, events };
}

/** `writeOutcome` writes `ok` then `code` first, so a set-aside outcome starts with this. */
const SET_ASIDE_PREFIX = `{"ok":false,"code":${RejectCode.InternalError},`;

/** Whether a journaled outcome is a set-aside command (replay must not apply it: it throws). */
export function isSetAsideOutcome(outcome: string): boolean {
  return outcome.startsWith(SET_ASIDE_PREFIX);
}

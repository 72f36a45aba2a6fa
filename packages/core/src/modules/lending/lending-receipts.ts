import type { Command } from "../../commands";
import type { AcceptedResult, CommandResult, CoreEvent } from "../../events";
import { businessKey, checkBusinessKey } from "../accounts/balance-commands";
import type { BusinessKey } from "../accounts/commands";
import { type CommandRunner, checkEnvelope, type Handler, rejected } from "../command-runner";

/**
 * The runner of a lending command: as the accounts module's `idempotent` (a repeated business
 * key returns the first accepted result, flagged `repeated`, and changes nothing; a rejection is
 * not kept), with the receipts in `CoreState.lendingReceipts`, which may hold events of any kind.
 */
export function lendingIdempotent<C extends Command & BusinessKey>(
  handler: Handler<C>,
): CommandRunner {
  return (s, command): CommandResult => {
    const c = command as C;
    const bad = checkEnvelope(c.id, c.ts) ?? checkBusinessKey(c);
    if (bad !== null) return rejected(c, bad);
    const key = businessKey(c);
    const first = s.lendingReceipts.get(key);
    if (first !== undefined) return { ...first, repeated: true };
    const events: CoreEvent[] = [];
    const rejection = handler(s, c, events);
    if (rejection !== null) return rejected(c, rejection);
    const result: AcceptedResult = { accepted: true, commandId: c.id, repeated: false, events };
    s.lendingReceipts.set(key, result);
    return result;
  };
}

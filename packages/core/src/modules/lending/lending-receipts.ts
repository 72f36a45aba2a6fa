import type { Command } from "../../commands";
import type { BusinessKey } from "../accounts/commands";
import type { CommandRunner, Handler } from "../command-runner";
import { idempotentIn } from "../keyed-receipts";

/**
 * The runner of a lending command: as the accounts module's `idempotent` (a repeated business
 * key returns the first accepted result, flagged `repeated`, and changes nothing; a rejection is
 * not kept), with the receipts in `CoreState.lendingReceipts`, which may hold events of any kind.
 */
export function lendingIdempotent<C extends Command & BusinessKey>(
  handler: Handler<C>,
): CommandRunner {
  return idempotentIn((s) => s.lendingReceipts, handler);
}

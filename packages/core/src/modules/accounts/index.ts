import type { Command } from "../../commands";
import type { AcceptedResult, CommandResult, CoreEvent } from "../../events";
import {
  type CommandRunner,
  checkEnvelope,
  type Handler,
  rejected,
  runnerOf,
} from "../command-runner";
import type { CoreModule } from "../core-module";
import { addAsset } from "./asset-commands";
import {
  adjustBalance,
  businessKey,
  checkBusinessKey,
  deposit,
  transfer,
  withdrawFreeze,
  withdrawRelease,
  withdrawSettle,
} from "./balance-commands";
import type { AccountsCommand, BusinessKey } from "./commands";
import { type AccountsSnapshot, accountsSnapshot } from "./snapshot";

/**
 * The accounts module: assets and the ledger. Every other module moves money through its
 * ledger (`ledger.ts`) and depends on it; it depends on no other module.
 */
export const accountsModule: CoreModule<AccountsCommand, AccountsSnapshot> = {
  name: "accounts",
  commands: {
    "asset.add": runnerOf(addAsset),
    "balance.deposit": idempotent(deposit),
    "balance.withdrawFreeze": idempotent(withdrawFreeze),
    "balance.withdrawSettle": idempotent(withdrawSettle),
    "balance.withdrawRelease": idempotent(withdrawRelease),
    "balance.transfer": idempotent(transfer),
    "balance.adjust": idempotent(adjustBalance),
  },
  snapshot: accountsSnapshot,
};

/**
 * The runner of a command with a business key (balance commands, savings commands): a repeated
 * key returns the first accepted result, flagged `repeated`, and changes nothing; a rejection is
 * not kept, so the key may be tried again. Receipts live in `CoreState.receipts`, which this
 * module snapshots: the handler's events must all be `balance.changed`.
 */
export function idempotent<C extends Command & BusinessKey>(handler: Handler<C>): CommandRunner {
  return (s, command): CommandResult => {
    const c = command as C;
    const bad = checkEnvelope(c.id, c.ts) ?? checkBusinessKey(c);
    if (bad !== null) return rejected(c, bad);
    const key = businessKey(c);
    const first = s.receipts.get(key);
    if (first !== undefined) return { ...first, repeated: true };
    const events: CoreEvent[] = [];
    const rejection = handler(s, c, events);
    if (rejection !== null) return rejected(c, rejection);
    const result: AcceptedResult = { accepted: true, commandId: c.id, repeated: false, events };
    s.receipts.set(key, result);
    return result;
  };
}

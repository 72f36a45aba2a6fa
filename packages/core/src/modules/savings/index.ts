import { idempotent } from "../accounts";
import type { CoreModule } from "../core-module";
import type { SavingsCommand } from "./commands";
import { payout, redeem, subscribe } from "./savings-commands";
import { type SavingsSnapshot, savingsSnapshot } from "./snapshot";

/**
 * The savings module: savings positions, the principal each subscription placed in the savings
 * pool, until a final payout or an early redemption returns it, once. Its commands are
 * idempotent on their business keys, like the balance commands, and move money only through
 * the accounts module's ledger: between a user's available balance and the `savings` (the pool)
 * and `savingsInterest` (interest expense) system accounts. It emits no events of its own, only
 * `balance.changed` with the causes `savings.subscribe`, `savings.payout` and `savings.redeem`.
 */
export const savingsModule: CoreModule<SavingsCommand, SavingsSnapshot> = {
  name: "savings",
  commands: {
    "savings.subscribe": idempotent(subscribe),
    "savings.payout": idempotent(payout),
    "savings.redeem": idempotent(redeem),
  },
  snapshot: savingsSnapshot,
};

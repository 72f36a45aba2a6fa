import type { AccountsCommand } from "./modules/accounts/commands";
import type { DerivativesCommand } from "./modules/derivatives/commands";
import type { LendingCommand } from "./modules/lending/commands";
import type { SavingsCommand } from "./modules/savings/commands";
import type { SpotCommand } from "./modules/spot/commands";

export type * from "./modules/accounts/commands";
export type * from "./modules/derivatives/commands";
export type * from "./modules/lending/commands";
export type * from "./modules/savings/commands";
export type * from "./modules/spot/commands";

/**
 * Every command carries its own identity and time: the core never reads a clock, so the same
 * command log always yields the same events and state.
 */
export interface CommandBase {
  /** Unique command id, chosen by the sender; echoed in the result. */
  id: string;
  /** Sender's time in epoch milliseconds; stamped on orders and trades. */
  ts: number;
}

/** Everything `ExchangeCore.apply` accepts, discriminated by `type`: the union of every module's commands. */
export type Command =
  | AccountsCommand
  | SpotCommand
  | SavingsCommand
  | LendingCommand
  | DerivativesCommand;

export type CommandType = Command["type"];

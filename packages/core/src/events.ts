import type { AccountsEvent } from "./modules/accounts/events";
import type { DerivativesEvent } from "./modules/derivatives/events";
import type { LendingEvent } from "./modules/lending/events";
import type { SpotEvent } from "./modules/spot/events";
import type { RejectCode } from "./reject-code";

export type * from "./modules/accounts/events";
export type * from "./modules/derivatives/events";
export type * from "./modules/lending/events";
export type * from "./modules/spot/events";

/** Everything the core emits, discriminated by `type`: the union of every module's events. */
export type CoreEvent = AccountsEvent | SpotEvent | LendingEvent | DerivativesEvent;

export type CoreEventType = CoreEvent["type"];

export interface AcceptedResult {
  accepted: true;
  /** Id of the command that produced these events. */
  commandId: string;
  /**
   * True when a balance command repeated an earlier business key: this is the first result,
   * returned again; nothing changed and its events must not be published a second time.
   */
  repeated: boolean;
  events: CoreEvent[];
}

export interface RejectedResult {
  accepted: false;
  commandId: string;
  code: RejectCode;
  message: string;
  /** `order.rejected` for a rejected `order.place`; empty otherwise. */
  events: CoreEvent[];
}

/** What `ExchangeCore.apply` returns for every command. */
export type CommandResult = AcceptedResult | RejectedResult;

import type { CommandBase } from "../../commands";
import type { BusinessKey } from "../accounts/commands";

/**
 * Commands of the derivatives module (issue 20: USDT-margined perpetual contracts). Each one
 * that moves money is idempotent on its business key (a repeated key returns the first accepted
 * result and changes nothing); a rejection changes nothing. Their codes are 1xx (malformed),
 * 2xx (unknown asset), 600/601 and the 9xx derivatives codes.
 */

/**
 * Moves `amountAtoms` of a settle asset between the user's spot available balance and their
 * futures wallet (business id: the transfer's id). `"toFutures"`: spot available →
 * `futuresMargin`; `"toSpot"`: back, at most what the futures account can spare
 * (`transferableAtoms`). Refused with 600 when either side lacks the amount, 605 when the spot
 * balance would exceed the asset's maximum.
 */
export interface FuturesTransferCommand extends CommandBase, BusinessKey {
  type: "futures.transfer";
  userId: number;
  asset: string;
  amountAtoms: bigint;
  direction: "toFutures" | "toSpot";
}

/** Everything the derivatives module runs. */
export type DerivativesCommand = FuturesTransferCommand;

import type { BusinessKey } from "../accounts/commands";
import { type CommandRunner, type Handler, runnerOf } from "../command-runner";
import type { CoreModule } from "../core-module";
import { idempotentIn } from "../keyed-receipts";
import type { DerivativesCommand } from "./commands";
import { addContract, setLeverage, setMarginMode } from "./contract-commands";
import { futuresTransfer } from "./futures-transfer";
import { setMark, settleContractFunding } from "./mark-and-funding";
import { type DerivativesSnapshot, derivativesSnapshot } from "./snapshot";

/** A derivatives command that is idempotent on its business key. */
function keyed<C extends DerivativesCommand & BusinessKey>(handler: Handler<C>): CommandRunner {
  return idempotentIn((s) => s.derivativesReceipts, handler);
}

/**
 * The derivatives module (issue 20): USDT-margined perpetual contracts. The only writer of
 * futures wallets and of the `futuresMargin` and `futuresPnl` system accounts. Money moves only
 * through the accounts module's ledger. Every command that moves money is idempotent on its
 * business key, its receipts in `CoreState.derivativesReceipts`.
 */
export const derivativesModule: CoreModule<DerivativesCommand, DerivativesSnapshot> = {
  name: "derivatives",
  commands: {
    "futures.transfer": keyed(futuresTransfer),
    "contract.add": runnerOf(addContract),
    "position.setLeverage": runnerOf(setLeverage),
    "position.setMarginMode": runnerOf(setMarginMode),
    "mark.set": keyed(setMark),
    "funding.settle": keyed(settleContractFunding),
  },
  snapshot: derivativesSnapshot,
};

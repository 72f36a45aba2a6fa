import type { CoreModule } from "../core-module";
import { idempotentIn } from "../keyed-receipts";
import type { DerivativesCommand } from "./commands";
import { futuresTransfer } from "./futures-transfer";
import { type DerivativesSnapshot, derivativesSnapshot } from "./snapshot";

/**
 * The derivatives module (issue 20): USDT-margined perpetual contracts. The only writer of
 * futures wallets and of the `futuresMargin` and `futuresPnl` system accounts. Money moves only
 * through the accounts module's ledger. Every command that moves money is idempotent on its
 * business key, its receipts in `CoreState.derivativesReceipts`.
 */
export const derivativesModule: CoreModule<DerivativesCommand, DerivativesSnapshot> = {
  name: "derivatives",
  commands: {
    "futures.transfer": idempotentIn((s) => s.derivativesReceipts, futuresTransfer),
  },
  snapshot: derivativesSnapshot,
};

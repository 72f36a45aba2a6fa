import type { CoreModule } from "../core-module";
import type { LendingCommand } from "./commands";
import { lendingIdempotent } from "./lending-receipts";
import {
  accrue,
  addCollateral,
  liquidate,
  liquidationSell,
  openLoan,
  repay,
  setIndex,
} from "./loan-commands";
import { type LendingSnapshot, lendingSnapshot } from "./snapshot";

/**
 * The lending module: index prices and crypto-collateral loans, the only writer of loans and of
 * the `loanCollateral` and `loanIncome` system accounts. Money moves only through the accounts
 * module's ledger, and a liquidation's sale through the spot module's order placement. Every
 * command is idempotent on its business key (`lending-receipts.ts`).
 */
export const lendingModule: CoreModule<LendingCommand, LendingSnapshot> = {
  name: "lending",
  commands: {
    "index.set": lendingIdempotent(setIndex),
    "loan.open": lendingIdempotent(openLoan),
    "loan.repay": lendingIdempotent(repay),
    "loan.addCollateral": lendingIdempotent(addCollateral),
    "loan.accrue": lendingIdempotent(accrue),
    "loan.liquidate": lendingIdempotent(liquidate),
    "loan.liquidationSell": lendingIdempotent(liquidationSell),
  },
  snapshot: lendingSnapshot,
};

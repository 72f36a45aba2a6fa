import type { LoanPool } from "@exchange/contracts/lending";
import { formatUnits, parseUnits, UnitsError } from "@exchange/contracts/money";
import { RejectCode } from "@exchange/core";
import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services, type Store } from "../services";
import { type LendingServices, sendPoolMove } from "./lending-engine";

/** A pool move audits and reads the projected pool, beside its engine command. */
type PoolServices = LendingServices & Pick<Services, "db">;

import type { PoolMoveInput, PoolMoveOutput } from "./pool-contracts";
import {
  findAssetPrecision,
  findLoanPoolFigures,
  findPoolBalance,
  isLoanAsset,
  lockPoolMoveRecord,
  poolMoveRecorded,
} from "./pool-repository";
import type { StaffCaller } from "./products";

/**
 * The loan pools (issue 19 part 2): what each holds, what it has lent, and operations' moves
 * into and out of it. The stablecoin lent comes from the engine's `loan` account of its asset;
 * operations fund it from the operator account with an audited `balance.transfer`, and may take
 * back only what it holds (the engine refuses more, so lent money is never moved away).
 */

/**
 * outstanding / (balance + outstanding) as a percent with two decimals, rounded down (a figure
 * to read, not money); "0" when both are zero.
 */
export function utilisationPercent(outstandingAtoms: bigint, poolAtoms: bigint): string {
  const total = outstandingAtoms + poolAtoms;
  if (total <= 0n || outstandingAtoms <= 0n) return "0";
  return formatUnits((outstandingAtoms * 10_000n) / total, 2);
}

/** Atoms as decimal text, with a minus sign when negative (insurance in deficit is). */
function signedUnits(atoms: bigint, precision: number): string {
  return atoms < 0n ? `-${formatUnits(-atoms, precision)}` : formatUnits(atoms, precision);
}

/** Every pool with its balance, outstanding principal, accrued interest and insurance. */
export async function loanPools(services: Pick<Services, "db">): Promise<LoanPool[]> {
  const figures = await findLoanPoolFigures(services.db);
  return figures.map((f) => ({
    asset: f.asset,
    balance: signedUnits(f.poolAtoms, f.precision),
    outstandingPrincipal: formatUnits(f.outstandingAtoms, f.precision),
    accruedInterest: formatUnits(f.interestAtoms, f.precision),
    utilisationPercent: utilisationPercent(f.outstandingAtoms, f.poolAtoms),
    insurance: signedUnits(f.insuranceAtoms, f.precision),
  }));
}

function refuse(code: AppErrorCode, field: string, message: string): never {
  throw new AppError(code, message, { [field]: [message] });
}

/** The amount in atoms of a lent asset, or INVALID_INPUT naming the field. */
async function moveAtoms(services: Pick<Services, "db">, input: PoolMoveInput): Promise<bigint> {
  const precision = await findAssetPrecision(services.db, input.asset);
  if (precision === null || !(await isLoanAsset(services.db, input.asset))) {
    refuse(AppErrorCode.INVALID_INPUT, "asset", `No loan product lends ${input.asset}.`);
  }
  try {
    return parseUnits(input.amount, precision);
  } catch (error) {
    if (!(error instanceof UnitsError)) throw error;
    refuse(
      AppErrorCode.INVALID_INPUT,
      "amount",
      `${input.asset} has at most ${precision} decimals.`,
    );
  }
}

/** Whether a defund asks more than the pool holds (a repeat of a done one is answered as done). */
async function defundTooLarge(db: Store, input: PoolMoveInput, amountAtoms: bigint) {
  if ((await findPoolBalance(db, input.asset)) >= amountAtoms) return false;
  return !(await poolMoveRecorded(db, input.requestId));
}

/**
 * One move of a pool, audited once: a repeat of the same request (answered from the engine's
 * journal) moves nothing and writes no second record. A defund is checked against the pool as
 * projected for a clear message; the engine's own check is the one that holds.
 */
async function movePool(
  services: PoolServices,
  caller: StaffCaller,
  direction: "fund" | "defund",
  input: PoolMoveInput,
): Promise<PoolMoveOutput> {
  const amountAtoms = await moveAtoms(services, input);
  if (direction === "defund" && (await defundTooLarge(services.db, input, amountAtoms))) {
    refuse(
      AppErrorCode.INSUFFICIENT_BALANCE,
      "amount",
      `The ${input.asset} pool holds less than that; lent money stays in the pool.`,
    );
  }
  const outcome = await sendPoolMove(services, { direction, ...input, amountAtoms });
  if (!outcome.ok) {
    if (outcome.code === RejectCode.InsufficientBalance) {
      refuse(
        AppErrorCode.INSUFFICIENT_BALANCE,
        "amount",
        `The ${input.asset} pool holds less than that.`,
      );
    }
    refuse(AppErrorCode.INVALID_INPUT, "amount", `The engine refused it: ${outcome.message}.`);
  }
  // A repeat (resent id: the journal's first verdict; same request under another id: `repeated`)
  // finds the first send's record and moved nothing.
  const repeated = await inTransaction(services.db, async (tx) => {
    if (outcome.repeated || (await lockPoolMoveRecord(tx, input.requestId))) return true;
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: direction === "fund" ? "lending.pool.fund" : "lending.pool.defund",
      target: { type: "loan_pool", id: input.asset },
      after: { asset: input.asset, amount: input.amount, requestId: input.requestId },
      ip: caller.ip,
    });
    return false;
  });
  return { asset: input.asset, amount: input.amount, repeated };
}

/** Operator account → the asset's loan pool. */
export function fundPool(services: PoolServices, caller: StaffCaller, input: PoolMoveInput) {
  return movePool(services, caller, "fund", input);
}

/** The asset's loan pool → operator account; refused beyond what the pool holds. */
export function defundPool(services: PoolServices, caller: StaffCaller, input: PoolMoveInput) {
  return movePool(services, caller, "defund", input);
}

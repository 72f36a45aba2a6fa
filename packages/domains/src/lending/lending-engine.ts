import type { Command } from "@exchange/core";
import { commandIds, type EngineReply } from "@exchange/protocol";
import { sendKeptCommand } from "../engine-commands";
import type { Services } from "../services";

/**
 * The lending domain's engine commands, and nothing else sends them (the index feeder, the
 * borrow / repay / top-up services, the accrual job and the loan monitor all call these). Each
 * id and business key derives from the record the command acts for — the index sample, the
 * loan, the repayment, the top-up, the accrual period, the liquidation slice — so a retried
 * request, a rerun job or a restarted monitor is answered from the journal and acts once. The
 * business names differ per command: the core keys idempotency on business + id, and a loan's
 * open and liquidate share its id. The pool's moves are `balance.transfer` between the operator
 * account and the `loan` pool, each keyed by the operations request it carries out.
 */

export const LENDING_BUSINESS = {
  indexSet: "index.set",
  open: "loan.open",
  repay: "loan.repay",
  addCollateral: "loan.addCollateral",
  accrue: "loan.accrue",
  liquidate: "loan.liquidate",
  liquidationSell: "loan.liquidationSell",
  poolFund: "lending.pool.fund",
  poolDefund: "lending.pool.defund",
} as const;

/** What the lending domain's money moves need: jobs and consumers have these, not all of `Services`. */
export type LendingServices = Pick<Services, "engine" | "clock">;

function send(services: LendingServices, command: Command): Promise<EngineReply["outcome"]> {
  return sendKeptCommand(services, command);
}

/**
 * Feeds one index sample: `priceAtoms` loan-asset atoms per whole unit of `asset`, sampled at
 * `at` (epoch ms). The engine refuses a sample not newer than the one it holds.
 */
export function sendIndexSet(
  services: LendingServices,
  sample: { asset: string; quote: string; priceAtoms: bigint; at: number },
): Promise<EngineReply["outcome"]> {
  const businessId = `${sample.asset}:${sample.quote}:${sample.at}`;
  return send(services, {
    type: "index.set",
    id: commandIds.indexSet(sample.asset, sample.quote, sample.at),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.indexSet,
    businessId,
    asset: sample.asset,
    quote: sample.quote,
    priceAtoms: sample.priceAtoms,
    at: sample.at,
  });
}

/** What a loan is opened with: the borrower's choice and the product version's terms. */
export interface LoanOpening {
  loanId: string;
  userId: number;
  collateralAsset: string;
  collateralAtoms: bigint;
  loanAsset: string;
  principalAtoms: bigint;
  initialLtvPpm: number;
  /** The warning line, ppm of the opening price (850 000). */
  warningLinePpm: number;
  /** The effective liquidation line, ppm of the opening price (820 000), the one that acts. */
  liquidationLinePpm: number;
  liquidationFeePpm: number;
  /** Epoch ms of the term's end, or 0 for an open-ended loan. */
  maturesAt: number;
}

/** Opens a loan: collateral to `loanCollateral`, principal from the pool to the borrower, at once. */
export function sendLoanOpen(
  services: LendingServices,
  loan: LoanOpening,
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "loan.open",
    id: commandIds.loanOpen(loan.loanId),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.open,
    businessId: loan.loanId,
    ...loan,
  });
}

/** Repays part or all of a loan, interest first; at zero debt the collateral comes back. */
export function sendLoanRepay(
  services: LendingServices,
  repayment: { id: string; loanId: string; amountAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "loan.repay",
    id: commandIds.loanRepay(repayment.id),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.repay,
    businessId: repayment.id,
    loanId: repayment.loanId,
    repaymentId: repayment.id,
    amountAtoms: repayment.amountAtoms,
  });
}

/** Adds collateral to an open loan. */
export function sendLoanAddCollateral(
  services: LendingServices,
  topUp: { id: string; loanId: string; amountAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "loan.addCollateral",
    id: commandIds.loanAddCollateral(topUp.id),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.addCollateral,
    businessId: topUp.id,
    loanId: topUp.loanId,
    topUpId: topUp.id,
    amountAtoms: topUp.amountAtoms,
  });
}

/** Adds period `periodNo`'s interest (computed with `interestForPeriodAtoms`) to a loan's debt. */
export function sendLoanAccrue(
  services: LendingServices,
  accrual: { loanId: string; periodNo: number; interestAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  const accrualId = `${accrual.loanId}:${accrual.periodNo}`;
  return send(services, {
    type: "loan.accrue",
    id: commandIds.loanAccrue(accrual.loanId, accrual.periodNo),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.accrue,
    businessId: accrualId,
    loanId: accrual.loanId,
    accrualId,
    interestAtoms: accrual.interestAtoms,
  });
}

/** Starts a loan's liquidation: on its LTV (at the engine's index) or at its maturity. */
export function sendLoanLiquidate(
  services: LendingServices,
  liquidation: { loanId: string; reason: "ltv" | "maturity" },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "loan.liquidate",
    id: commandIds.loanLiquidate(liquidation.loanId),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.liquidate,
    businessId: liquidation.loanId,
    loanId: liquidation.loanId,
    reason: liquidation.reason,
  });
}

/**
 * Sells slice `slice` (1, 2, … in order) of a liquidating loan's collateral: an IOC sell of up
 * to `qtyAtoms` in the borrower's name, never below the remaining bankruptcy price unless an
 * operator approved it; the engine settles the loan with the slice that finishes the sale.
 */
export function sendLoanLiquidationSell(
  services: LendingServices,
  sell: {
    loanId: string;
    slice: number;
    qtyAtoms: bigint;
    limitPriceAtoms: bigint;
    belowBankruptcyApproved: boolean;
  },
): Promise<EngineReply["outcome"]> {
  return send(services, {
    type: "loan.liquidationSell",
    id: commandIds.loanLiquidationSell(sell.loanId, sell.slice),
    ts: services.clock.now(),
    business: LENDING_BUSINESS.liquidationSell,
    businessId: `${sell.loanId}:${sell.slice}`,
    ...sell,
  });
}

/** Moves `amountAtoms` of `asset` operator → loan pool (`fund`) or loan pool → operator. */
export function sendPoolMove(
  services: LendingServices,
  move: { direction: "fund" | "defund"; requestId: string; asset: string; amountAtoms: bigint },
): Promise<EngineReply["outcome"]> {
  const funding = move.direction === "fund";
  return send(services, {
    type: "balance.transfer",
    id: funding
      ? commandIds.lendingPoolFund(move.requestId)
      : commandIds.lendingPoolDefund(move.requestId),
    ts: services.clock.now(),
    business: funding ? LENDING_BUSINESS.poolFund : LENDING_BUSINESS.poolDefund,
    businessId: move.requestId,
    asset: move.asset,
    amountAtoms: move.amountAtoms,
    from: { system: funding ? "operator" : "loan" },
    to: { system: funding ? "loan" : "operator" },
  });
}

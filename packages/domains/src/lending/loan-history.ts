import { formatUnits } from "@exchange/contracts/money";
import { AppError, AppErrorCode } from "../errors";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { precisionOf } from "./borrowing";
import type { LoanHistoryItem } from "./borrowing-contracts";
import {
  findLoanEvents,
  findNetAvailableChanges,
  findUserLoan,
  type LoanEventRecord,
  type LoanRecord,
} from "./borrowing-repository";
import { findSliceFills } from "./loan-book-repository";

type Fill = LoanHistoryItem["fills"][number];

/**
 * One loan's history, oldest first, each step with what it moved; a liquidation's slices with
 * their fills and its last step with what the settlement returned to the borrower.
 */
export async function myLoanHistory(
  services: Services,
  userId: number,
  loanId: string,
): Promise<LoanHistoryItem[]> {
  const loan = await findUserLoan(services.db, userId, loanId);
  if (!loan) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan.");
  const [cp, lp] = await Promise.all([
    precisionOf(services, loan.collateralAsset),
    precisionOf(services, loan.loanAsset),
  ]);
  const events = await findLoanEvents(services.db, loan.id);
  const fills = await fillsByOrder(services, events);
  const settled = events.find((e) => e.kind === "LIQUIDATED");
  const settlement = settled ? await settlementOf(services, loan, settled, { cp, lp }) : null;
  return historyItems(events, cp, lp).map((item, i) => {
    const orderId = events[i]?.orderId ?? null;
    return {
      ...item,
      fills: orderId === null ? [] : (fills.get(orderId) ?? []),
      settlement: events[i] === settled ? settlement : null,
    };
  });
}

/**
 * A loan's history lines as pages show them (collateral in `cp` decimals, the loan asset's
 * amounts in `lp`), each with what it moved: the difference from the line before. Fills and
 * settlement are left empty for the caller that shows them.
 */
export function historyItems(
  events: readonly LoanEventRecord[],
  cp: number,
  lp: number,
): LoanHistoryItem[] {
  const zero = { principalAtoms: 0n, interestAtoms: 0n, collateralAtoms: 0n, proceedsAtoms: 0n };
  return events.map((e, i) => {
    const before = events[i - 1] ?? zero;
    return {
      kind: e.kind as LoanHistoryItem["kind"],
      at: e.at,
      principal: formatUnits(e.principalAtoms, lp),
      interest: formatUnits(e.interestAtoms, lp),
      collateral: formatUnits(e.collateralAtoms, cp),
      proceeds: formatUnits(e.proceedsAtoms, lp),
      principalChange: formatUnits(e.principalAtoms - before.principalAtoms, lp),
      interestChange: formatUnits(e.interestAtoms - before.interestAtoms, lp),
      collateralChange: formatUnits(e.collateralAtoms - before.collateralAtoms, cp),
      proceedsChange: formatUnits(e.proceedsAtoms - before.proceedsAtoms, lp),
      orderId: e.orderId,
      fills: [],
      settlement: null,
    };
  });
}

/** The fills of the steps' orders in their market's decimals, by order. */
async function fillsByOrder(
  services: Services,
  events: readonly LoanEventRecord[],
): Promise<Map<number, Fill[]>> {
  const orderIds = events.flatMap((e) => (e.orderId === null ? [] : [e.orderId]));
  const rows = await findSliceFills(services.db, orderIds);
  const byOrder = new Map<number, Fill[]>();
  if (rows.length === 0) return byOrder;
  const markets = await marketDirectory(services).all();
  for (const row of rows) {
    const units = markets.get(row.symbol)?.units;
    if (!units) continue;
    const fill = { price: units.price(row.priceTicks), quantity: units.quantity(row.qtyLots) };
    byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), fill]);
  }
  return byOrder;
}

/** The settling step's command's net credits to the borrower: the surplus and the collateral. */
async function settlementOf(
  services: Services,
  loan: LoanRecord,
  settled: LoanEventRecord,
  precisions: { cp: number; lp: number },
): Promise<LoanHistoryItem["settlement"]> {
  const seq = /^journal:(\d+):/.exec(settled.eventKey)?.[1];
  if (seq === undefined) return null;
  const net = await findNetAvailableChanges(services.db, loan.userId, BigInt(seq));
  const positive = (asset: string) => {
    const atoms = net.get(asset) ?? 0n;
    return atoms > 0n ? atoms : 0n;
  };
  return {
    surplus: formatUnits(positive(loan.loanAsset), precisions.lp),
    collateralReturned: formatUnits(positive(loan.collateralAsset), precisions.cp),
  };
}

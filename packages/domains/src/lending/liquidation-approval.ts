import { recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import { inTransaction, type Services } from "../services";
import type { StaffCaller } from "./products";

/**
 * An operator's approval to sell a liquidating loan's collateral below its bankruptcy price
 * (issue 19 part 5): without it the loan monitor's slices never sell under the price at which
 * the collateral still pays the debt, so a gap down waits for a person; with it the slices
 * carry `belowBankruptcyApproved` and any shortfall is booked to the insurance account.
 * Audited; approving twice changes nothing.
 */
export async function approveSellingBelowBankruptcy(
  services: Pick<Services, "db">,
  caller: StaffCaller,
  loanId: string,
): Promise<{ loanId: string; alreadyApproved: boolean }> {
  return inTransaction(services.db, async (tx) => {
    const loan = await tx.loan.findUnique({ where: { id: loanId }, select: { status: true } });
    if (!loan) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan.");
    if (loan.status !== "LIQUIDATING") {
      throw new AppError(
        AppErrorCode.LOAN_STATE,
        "Only a loan being liquidated can be approved to sell below its bankruptcy price.",
      );
    }
    const held = await tx.loanLiquidationApproval.findUnique({ where: { loanId } });
    if (held) return { loanId, alreadyApproved: true };
    await tx.loanLiquidationApproval.create({
      data: { loanId, approvedByStaffId: caller.staffId },
    });
    await recordAudit(tx, {
      actor: { kind: "staff", staffId: caller.staffId },
      action: "lending.liquidation.approveBelowBankruptcy",
      target: { type: "loan", id: loanId },
      after: { loanId },
      ip: caller.ip,
    });
    return { loanId, alreadyApproved: false };
  });
}

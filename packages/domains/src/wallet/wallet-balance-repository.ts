import { storedUnits } from "@exchange/contracts/money";
import type { Store } from "../services";

/**
 * What the Wallet page needs of the withdrawals beside the engine's balances: per asset, the
 * amount + fee of the user's withdrawals still on their way (REQUESTED to BROADCAST), which the
 * engine holds in the user's frozen balance. Read only; the withdrawals' own repository writes.
 */

/** The withdrawal states whose amount + fee sits frozen in the engine. */
export const PENDING_WITHDRAWAL_STATUSES = [
  "REQUESTED",
  "PENDING_APPROVAL",
  "APPROVED",
  "BROADCAST",
] as const;

/** Amount + fee of the user's pending withdrawals, in engine atoms, by asset. */
export async function findPendingWithdrawalAtoms(
  db: Store,
  userId: number,
): Promise<Map<string, bigint>> {
  const rows = await db.withdrawal.groupBy({
    by: ["assetCode"],
    where: { userId, status: { in: [...PENDING_WITHDRAWAL_STATUSES] } },
    _sum: { amountAtoms: true, feeAtoms: true },
  });
  return new Map(
    rows.map((r) => [
      r.assetCode,
      (r._sum.amountAtoms ? storedUnits(r._sum.amountAtoms) : 0n) +
        (r._sum.feeAtoms ? storedUnits(r._sum.feeAtoms) : 0n),
    ]),
  );
}

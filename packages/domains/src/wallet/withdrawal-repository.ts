import { storedUnits } from "@exchange/contracts/money";
import { WITHDRAWAL_END_STATUSES, type WithdrawalStatus } from "@exchange/contracts/wallet";
import type { Store } from "../services";
import { canMoveWithdrawal } from "./withdrawal-states";

/**
 * The `withdrawals` table: the only code that reads or writes it (and its approvals). Amounts
 * are engine atoms of the asset, `bigint` here.
 */

export interface WithdrawalRecord {
  id: string;
  userId: number;
  chainKey: string;
  assetCode: string;
  toAddress: string;
  amountAtoms: bigint;
  feeAtoms: bigint;
  requestKey: string;
  status: WithdrawalStatus;
  requiredApprovals: number;
  riskFlags: string[];
  rejectReason: string | null;
  failureReason: string | null;
  txHash: string | null;
  blockNumber: bigint | null;
  confirmations: number;
  createdAt: Date;
  approvedAt: Date | null;
  broadcastAt: Date | null;
  endedAt: Date | null;
  engineDoneAt: Date | null;
  updatedAt: Date;
}

export const WITHDRAWAL_SELECT = {
  id: true,
  userId: true,
  chainKey: true,
  assetCode: true,
  toAddress: true,
  amountAtoms: true,
  feeAtoms: true,
  requestKey: true,
  status: true,
  requiredApprovals: true,
  riskFlags: true,
  rejectReason: true,
  failureReason: true,
  txHash: true,
  blockNumber: true,
  confirmations: true,
  createdAt: true,
  approvedAt: true,
  broadcastAt: true,
  endedAt: true,
  engineDoneAt: true,
  updatedAt: true,
} as const;

type Row = Omit<WithdrawalRecord, "amountAtoms" | "feeAtoms"> & {
  amountAtoms: Parameters<typeof storedUnits>[0];
  feeAtoms: Parameters<typeof storedUnits>[0];
};

export const toWithdrawalRecord = (row: Row): WithdrawalRecord => ({
  ...row,
  amountAtoms: storedUnits(row.amountAtoms),
  feeAtoms: storedUnits(row.feeAtoms),
});

export async function findWithdrawal(db: Store, id: string): Promise<WithdrawalRecord | undefined> {
  const row = await db.withdrawal.findUnique({ where: { id }, select: WITHDRAWAL_SELECT });
  return row ? toWithdrawalRecord(row) : undefined;
}

/** What a transition may record beside the new status. */
export interface WithdrawalChanges {
  requiredApprovals?: number;
  rejectReason?: string;
  failureReason?: string;
  txHash?: string;
  blockNumber?: bigint;
  confirmations?: number;
  approvedAt?: Date;
  broadcastAt?: Date;
}

/**
 * Moves a withdrawal from `from` to `to` if, and only if, it is still in `from`: the one way a
 * withdrawal changes state (withdrawal-states.ts). Reaching an end state stamps `endedAt`.
 * Answers the record after the move, or undefined when another actor moved it first (the
 * caller reads it again to say what happened). Throws on a transition the machine forbids.
 */
export async function moveWithdrawal(
  db: Store,
  move: { id: string; from: WithdrawalStatus; to: WithdrawalStatus; at: Date },
  changes: WithdrawalChanges = {},
): Promise<WithdrawalRecord | undefined> {
  if (!canMoveWithdrawal(move.from, move.to)) {
    throw new Error(`A withdrawal cannot move from ${move.from} to ${move.to}`);
  }
  const ends = WITHDRAWAL_END_STATUSES.includes(move.to);
  const { count } = await db.withdrawal.updateMany({
    where: { id: move.id, status: move.from },
    data: { ...changes, status: move.to, ...(ends ? { endedAt: move.at } : {}) },
  });
  return count === 1 ? findWithdrawal(db, move.id) : undefined;
}

/** Records that the engine applied the end state's command (settle or release). */
export async function markWithdrawalEngineDone(db: Store, id: string, at: Date): Promise<void> {
  await db.withdrawal.updateMany({ where: { id, engineDoneAt: null }, data: { engineDoneAt: at } });
}

/** Withdrawals in an end state whose settle or release the engine has not confirmed yet. */
export async function findWithdrawalsAwaitingEngine(db: Store): Promise<WithdrawalRecord[]> {
  const rows = await db.withdrawal.findMany({
    where: { engineDoneAt: null, status: { in: [...WITHDRAWAL_END_STATUSES] } },
    orderBy: { endedAt: "asc" },
    select: WITHDRAWAL_SELECT,
  });
  return rows.map(toWithdrawalRecord);
}

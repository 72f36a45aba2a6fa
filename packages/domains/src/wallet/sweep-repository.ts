import { storedUnits } from "@exchange/contracts/money";
import type { Store, Tx } from "../services";

/**
 * The `sweeps` table and the deposits' link to it (`deposits.sweep_id`): the only code that
 * writes either. A sweep moves one asset from one deposit address to the hot wallet; the
 * credited deposits it carries point at it, and are unlinked again if it fails, so the next
 * sweep takes them.
 */

export type SweepStatus = "FUNDING" | "BROADCAST" | "CONFIRMED" | "FAILED";

export interface SweepRecord {
  id: number;
  chainKey: string;
  assetCode: string;
  userId: number;
  fromAddress: string;
  /** In the chain's smallest unit. */
  chainAmount: bigint;
  status: SweepStatus;
  txHash: string | null;
  createdAt: Date;
}

const SELECT = {
  id: true,
  chainKey: true,
  assetCode: true,
  userId: true,
  fromAddress: true,
  chainAmount: true,
  status: true,
  txHash: true,
  createdAt: true,
} as const;

type Row = Omit<SweepRecord, "chainAmount"> & { chainAmount: Parameters<typeof storedUnits>[0] };
const toSweep = (row: Row): SweepRecord => ({ ...row, chainAmount: storedUnits(row.chainAmount) });

/** Credited deposits not yet swept, by deposit address and asset. */
export interface SweepCandidate {
  userId: number;
  assetCode: string;
  address: string;
  depositIds: number[];
}

/**
 * Credited deposits with no sweep, grouped by user and asset, leaving out every deposit address
 * that has a sweep under way (one at a time per address: an ether sweep must not carry off the
 * gas a token sweep was just given).
 */
export async function findSweepCandidates(db: Store, chainKey: string): Promise<SweepCandidate[]> {
  const [deposits, open] = await Promise.all([
    db.deposit.findMany({
      where: { chainKey, status: "CREDITED", sweepId: null },
      orderBy: { id: "asc" },
      select: { id: true, userId: true, assetCode: true, toAddress: true },
    }),
    db.sweep.findMany({
      where: { chainKey, status: { in: ["FUNDING", "BROADCAST"] } },
      select: { userId: true },
    }),
  ]);
  const busy = new Set(open.map((sweep) => sweep.userId));
  const groups = new Map<string, SweepCandidate>();
  for (const deposit of deposits) {
    if (busy.has(deposit.userId)) continue;
    const key = `${deposit.userId}:${deposit.assetCode}`;
    const group = groups.get(key) ?? {
      userId: deposit.userId,
      assetCode: deposit.assetCode,
      address: deposit.toAddress,
      depositIds: [],
    };
    group.depositIds.push(deposit.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Creates a sweep and links its deposits to it; inside the transaction that stores its first tx. */
export async function createSweep(
  tx: Tx,
  sweep: Omit<SweepRecord, "id" | "createdAt">,
  depositIds: number[],
): Promise<SweepRecord> {
  const row = await tx.sweep.create({
    data: { ...sweep, chainAmount: sweep.chainAmount.toString() },
    select: SELECT,
  });
  await tx.deposit.updateMany({
    where: { id: { in: depositIds }, sweepId: null },
    data: { sweepId: row.id },
  });
  return toSweep(row);
}

export async function findSweep(db: Store, id: number): Promise<SweepRecord | undefined> {
  const row = await db.sweep.findUnique({ where: { id }, select: SELECT });
  return row ? toSweep(row) : undefined;
}

/** Sweeps of a chain in one status, oldest first. */
export async function findSweepsIn(
  db: Store,
  chainKey: string,
  status: SweepStatus,
): Promise<SweepRecord[]> {
  const rows = await db.sweep.findMany({
    where: { chainKey, status },
    orderBy: { id: "asc" },
    select: SELECT,
  });
  return rows.map(toSweep);
}

/**
 * Moves a sweep from `from` to `to` if it is still in `from` (compare-and-set); a FAILED sweep
 * lets go of its deposits. Answers whether this call moved it.
 */
export async function moveSweep(
  db: Store,
  move: { id: number; from: SweepStatus; to: SweepStatus },
  changes: { txHash?: string } = {},
): Promise<boolean> {
  const apply = async (tx: Tx) => {
    const { count } = await tx.sweep.updateMany({
      where: { id: move.id, status: move.from },
      data: { status: move.to, ...changes },
    });
    if (count === 1 && move.to === "FAILED") {
      await tx.deposit.updateMany({ where: { sweepId: move.id }, data: { sweepId: null } });
    }
    return count === 1;
  };
  return "$transaction" in db ? db.$transaction(apply) : apply(db);
}

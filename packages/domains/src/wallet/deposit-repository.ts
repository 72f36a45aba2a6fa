import { storedUnits } from "@exchange/contracts/money";
import type { DepositStatus } from "@exchange/contracts/wallet";
import type { Prisma } from "@exchange/db";
import type { Store } from "../services";

/**
 * The `deposits` table: the only code that reads or writes it. Amounts come back as `bigint`
 * (chain units and engine atoms). Every change of status is a compare-and-set on the status
 * read before, so the watcher and a finance decision never both act on one deposit.
 */

export interface DepositRecord {
  id: number;
  chainKey: string;
  txHash: string;
  logIndex: number;
  assetCode: string;
  userId: number;
  toAddress: string;
  fromAddress: string;
  chainAmount: bigint;
  amountAtoms: bigint;
  blockNumber: bigint;
  blockHash: string;
  confirmations: number;
  status: DepositStatus;
  flags: string[];
  reorgedAfterCredit: boolean;
  reviewedBy: number | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
  creditedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = {
  id: true,
  chainKey: true,
  txHash: true,
  logIndex: true,
  assetCode: true,
  userId: true,
  toAddress: true,
  fromAddress: true,
  chainAmount: true,
  amountAtoms: true,
  blockNumber: true,
  blockHash: true,
  confirmations: true,
  status: true,
  flags: true,
  reorgedAfterCredit: true,
  reviewedBy: true,
  reviewNote: true,
  reviewedAt: true,
  creditedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = Omit<DepositRecord, "chainAmount" | "amountAtoms"> & {
  chainAmount: Parameters<typeof storedUnits>[0];
  amountAtoms: Parameters<typeof storedUnits>[0];
};

const toRecord = (row: Row): DepositRecord => ({
  ...row,
  chainAmount: storedUnits(row.chainAmount),
  amountAtoms: storedUnits(row.amountAtoms),
});

/** A transfer the watcher found, as it is first recorded. */
export type NewDeposit = Omit<
  DepositRecord,
  | "id"
  | "reorgedAfterCredit"
  | "reviewedBy"
  | "reviewNote"
  | "reviewedAt"
  | "creditedAt"
  | "createdAt"
  | "updatedAt"
>;

const dataOf = (d: NewDeposit) => ({
  ...d,
  chainAmount: d.chainAmount.toString(),
  amountAtoms: d.amountAtoms.toString(),
});

export async function findDeposit(db: Store, id: number): Promise<DepositRecord | undefined> {
  const row = await db.deposit.findUnique({ where: { id }, select: SELECT });
  return row ? toRecord(row) : undefined;
}

export async function findDepositByKey(
  db: Store,
  key: { chainKey: string; txHash: string; logIndex: number },
): Promise<DepositRecord | undefined> {
  const row = await db.deposit.findUnique({
    where: { chainKey_txHash_logIndex: key },
    select: SELECT,
  });
  return row ? toRecord(row) : undefined;
}

/**
 * Records a found transfer once (unique chain + transaction + log index). A transfer seen again
 * after its block was reorganised away comes back to life in its new block: a DROPPED row starts
 * over as found, a credited one keeps its credit and takes the new block. Answers the record
 * when it was created or changed, undefined when it was already there as it is.
 */
export async function recordFoundDeposit(
  db: Store,
  found: NewDeposit,
): Promise<DepositRecord | undefined> {
  const key = { chainKey: found.chainKey, txHash: found.txHash, logIndex: found.logIndex };
  const existing = await findDepositByKey(db, key);
  if (!existing) {
    const created = await db.deposit.createManyAndReturn({
      data: [dataOf(found)],
      skipDuplicates: true,
      select: SELECT,
    });
    return created[0] ? toRecord(created[0]) : undefined;
  }
  if (existing.blockHash === found.blockHash) return undefined;
  const revive = existing.status === "DROPPED";
  const { count } = await db.deposit.updateMany({
    where: { id: existing.id, status: existing.status, blockHash: existing.blockHash },
    data: {
      blockNumber: found.blockNumber,
      blockHash: found.blockHash,
      confirmations: found.confirmations,
      ...(revive ? { status: found.status, flags: found.flags } : {}),
    },
  });
  return count === 1 ? findDeposit(db, existing.id) : undefined;
}

/** Deposits the watcher still counts confirmations for (waiting, or held for finance). */
export async function findOpenDeposits(db: Store, chainKey: string): Promise<DepositRecord[]> {
  const rows = await db.deposit.findMany({
    where: { chainKey, status: { in: ["CONFIRMING", "HELD"] } },
    orderBy: { id: "asc" },
    select: SELECT,
  });
  return rows.map(toRecord);
}

/** Records a new confirmation count; answers whether it changed. */
export async function updateConfirmations(
  db: Store,
  id: number,
  from: number,
  to: number,
): Promise<boolean> {
  const { count } = await db.deposit.updateMany({
    where: { id, confirmations: from },
    data: { confirmations: to },
  });
  return count === 1;
}

/** What a change of status may record beside it. */
export interface DepositChanges {
  flags?: string[];
  creditedAt?: Date;
  reviewedBy?: number;
  reviewNote?: string;
  reviewedAt?: Date;
}

/**
 * Moves a deposit from `from` to `to` if, and only if, it is still in `from`. Answers the record
 * after the move, or undefined when someone else moved it first.
 */
export async function moveDeposit(
  db: Store,
  move: { id: number; from: DepositStatus; to: DepositStatus },
  changes: DepositChanges = {},
): Promise<DepositRecord | undefined> {
  const { count } = await db.deposit.updateMany({
    where: { id: move.id, status: move.from },
    data: { ...changes, status: move.to },
  });
  return count === 1 ? findDeposit(db, move.id) : undefined;
}

/**
 * Deposits in blocks a reorganisation removed (named by hash, so only this chain's blocks):
 * uncredited ones become DROPPED, credited ones are flagged `reorgedAfterCredit` (the credit
 * stands until finance acts). Answers both sets as they are after the change.
 */
export async function markDepositsOfDroppedBlocks(
  db: Store,
  chainKey: string,
  blockHashes: readonly string[],
): Promise<{ dropped: DepositRecord[]; reorgedAfterCredit: DepositRecord[] }> {
  if (blockHashes.length === 0) return { dropped: [], reorgedAfterCredit: [] };
  const inBlocks = { chainKey, blockHash: { in: [...blockHashes] } };
  const uncredited = { in: ["CONFIRMING", "HELD", "BELOW_MINIMUM"] as DepositStatus[] };
  const dropping = await db.deposit.findMany({
    where: { ...inBlocks, status: uncredited },
    select: { id: true },
  });
  const flagging = await db.deposit.findMany({
    where: { ...inBlocks, status: "CREDITED", reorgedAfterCredit: false },
    select: { id: true },
  });
  const droppedIds = dropping.map((d) => d.id);
  const flaggedIds = flagging.map((d) => d.id);
  await db.deposit.updateMany({
    where: { id: { in: droppedIds }, status: uncredited },
    data: { status: "DROPPED", confirmations: 0 },
  });
  await db.deposit.updateMany({
    where: { id: { in: flaggedIds } },
    data: { reorgedAfterCredit: true, confirmations: 0 },
  });
  const read = async (ids: number[]) =>
    (
      await db.deposit.findMany({
        where: { id: { in: ids } },
        select: SELECT,
        orderBy: { id: "asc" },
      })
    ).map(toRecord);
  return { dropped: await read(droppedIds), reorgedAfterCredit: await read(flaggedIds) };
}

/**
 * Of `txHashes`, the exchange's own gas top-ups (`chain_transactions`, purpose GAS_TOP_UP):
 * ether the hot wallet sent to a deposit address to pay for a token sweep, not a deposit.
 */
export async function findGasTopUps(db: Store, txHashes: readonly string[]): Promise<Set<string>> {
  if (txHashes.length === 0) return new Set();
  const rows = await db.chainTransaction.findMany({
    where: { hash: { in: [...txHashes] }, purpose: "GAS_TOP_UP" },
    select: { hash: true },
  });
  return new Set(rows.map((r) => r.hash));
}

/** Records finance's acknowledgement of a credited deposit that was reorganised away. */
export async function acknowledgeDepositReorg(
  db: Store,
  id: number,
  review: { reviewedBy: number; reviewNote: string; reviewedAt: Date },
): Promise<DepositRecord | undefined> {
  const { count } = await db.deposit.updateMany({
    where: { id, reorgedAfterCredit: true, status: "CREDITED", reviewedAt: null },
    data: review,
  });
  return count === 1 ? findDeposit(db, id) : undefined;
}

/** One user's deposits, newest first. */
export async function findUserDeposits(
  db: Store,
  filter: { userId: number; chainKey: string; assetCode?: string | undefined; limit: number },
): Promise<DepositRecord[]> {
  const rows = await db.deposit.findMany({
    where: {
      userId: filter.userId,
      chainKey: filter.chainKey,
      ...(filter.assetCode ? { assetCode: filter.assetCode } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.limit,
    select: SELECT,
  });
  return rows.map(toRecord);
}

export interface DepositListFilter {
  status?: DepositStatus | undefined;
  assetCode?: string | undefined;
  /** Only deposits that raised a rule, or were reorganised after credit. */
  flagged?: boolean | undefined;
  userId?: number | undefined;
  /** Keyset: ids below this one. */
  beforeId?: number | undefined;
  limit: number;
}

/** Finance's list: newest first, filtered. */
export async function findDepositsPage(
  db: Store,
  filter: DepositListFilter,
): Promise<DepositRecord[]> {
  const flagged: Prisma.DepositWhereInput = {
    OR: [{ flags: { isEmpty: false } }, { reorgedAfterCredit: true }],
  };
  const rows = await db.deposit.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.assetCode ? { assetCode: filter.assetCode } : {}),
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
      ...(filter.flagged === true ? flagged : {}),
      ...(filter.flagged === false ? { NOT: flagged } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.limit,
    select: SELECT,
  });
  return rows.map(toRecord);
}

/** Which of `senders` are on the chain's blocklist (`blocked_addresses`, read only here). */
export async function findBlockedSenders(
  db: Store,
  chainKey: string,
  senders: readonly string[],
): Promise<Set<string>> {
  if (senders.length === 0) return new Set();
  const rows = await db.blockedAddress.findMany({
    where: { chainKey, address: { in: [...senders] } },
    select: { address: true },
  });
  return new Set(rows.map((r) => r.address));
}

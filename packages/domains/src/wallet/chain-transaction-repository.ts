import { decimalText } from "@exchange/contracts/money";
import type { Store, Tx } from "../services";
import {
  toWithdrawalRecord,
  WITHDRAWAL_SELECT,
  type WithdrawalRecord,
} from "./withdrawal-repository";

/**
 * The `chain_transactions` table (every transaction the signer signs, stored before it is
 * broadcast) and the few reads the signer makes of withdrawals and chain assets to send them.
 * The only code that touches `chain_transactions`.
 */

export type ChainTransactionPurpose = "WITHDRAWAL" | "SWEEP" | "GAS_TOP_UP";
export type ChainTransactionStatus = "SIGNED" | "BROADCAST" | "CONFIRMED" | "REVERTED" | "DROPPED";

export interface ChainTransactionRecord {
  hash: string;
  chainKey: string;
  fromAddress: string;
  nonce: number;
  purpose: ChainTransactionPurpose;
  /** The withdrawal's id, or the sweep's id (as text). */
  referenceId: string;
  rawTransaction: string;
  status: ChainTransactionStatus;
  blockNumber: bigint | null;
  createdAt: Date;
}

const SELECT = {
  hash: true,
  chainKey: true,
  fromAddress: true,
  nonce: true,
  purpose: true,
  referenceId: true,
  rawTransaction: true,
  status: true,
  blockNumber: true,
  createdAt: true,
} as const;

/** The highest nonce we ever signed from `fromAddress` on the chain; null when none. */
export async function highestStoredNonce(
  db: Store,
  chainKey: string,
  fromAddress: string,
): Promise<number | null> {
  const { _max } = await db.chainTransaction.aggregate({
    where: { chainKey, fromAddress },
    _max: { nonce: true },
  });
  return _max.nonce ?? null;
}

/** Stores a signed transaction (status SIGNED); inside the transaction that records its intent. */
export async function insertSignedTransaction(
  tx: Tx,
  row: Omit<ChainTransactionRecord, "status" | "blockNumber" | "createdAt">,
): Promise<void> {
  await tx.chainTransaction.create({ data: { ...row, status: "SIGNED" } });
}

/** The transactions signed for one withdrawal or sweep, oldest first. */
export async function findTransactionsFor(
  db: Store,
  purpose: ChainTransactionPurpose,
  referenceId: string,
): Promise<ChainTransactionRecord[]> {
  return db.chainTransaction.findMany({
    where: { purpose, referenceId },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
}

/**
 * Moves a transaction on from one of `from`; answers whether this call moved it (a repeat of a
 * move already made finds it moved and changes nothing).
 */
export async function moveChainTransaction(
  db: Store,
  move: { hash: string; from: ChainTransactionStatus[]; to: ChainTransactionStatus },
  changes: { blockNumber?: bigint; feePaid?: bigint } = {},
): Promise<boolean> {
  const { count } = await db.chainTransaction.updateMany({
    where: { hash: move.hash, status: { in: move.from } },
    data: {
      status: move.to,
      ...(changes.blockNumber !== undefined ? { blockNumber: changes.blockNumber } : {}),
      ...(changes.feePaid !== undefined ? { feePaid: changes.feePaid.toString() } : {}),
    },
  });
  return count === 1;
}

/** APPROVED withdrawals of the chain, oldest approval first: the signer's queue. */
export async function findApprovedWithdrawals(
  db: Store,
  chainKey: string,
  limit: number,
): Promise<WithdrawalRecord[]> {
  const rows = await db.withdrawal.findMany({
    where: { chainKey, status: "APPROVED" },
    orderBy: [{ approvedAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: WITHDRAWAL_SELECT,
  });
  return rows.map(toWithdrawalRecord);
}

/** BROADCAST withdrawals of the chain, oldest first: the tracker's list. */
export async function findBroadcastWithdrawals(
  db: Store,
  chainKey: string,
): Promise<WithdrawalRecord[]> {
  const rows = await db.withdrawal.findMany({
    where: { chainKey, status: "BROADCAST" },
    orderBy: [{ broadcastAt: "asc" }, { createdAt: "asc" }],
    select: WITHDRAWAL_SELECT,
  });
  return rows.map(toWithdrawalRecord);
}

/** What the signer needs to know of an asset on a chain to send it. */
export interface SendingFacts {
  assetCode: string;
  kind: "NATIVE" | "ERC20";
  contractAddress: string | null;
  /** Decimals on chain. */
  decimals: number;
  /** The asset's precision in the engine (digits of one atom). */
  precision: number;
  confirmations: number;
  /** Decimal text, whole units: the hot wallet's low line. */
  hotWalletLow: string;
  /** Decimal text, whole units: what a sweep leaves behind as dust (the least deposit). */
  minDeposit: string;
}

/** The chain's assets as the signer sends them, by asset code. */
export async function findSendingFacts(
  db: Store,
  chainKey: string,
): Promise<Map<string, SendingFacts>> {
  const rows = await db.chainAsset.findMany({
    where: { chainKey },
    select: {
      assetCode: true,
      kind: true,
      contractAddress: true,
      decimals: true,
      confirmations: true,
      hotWalletLow: true,
      minDeposit: true,
      asset: { select: { precision: true } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.assetCode,
      {
        assetCode: row.assetCode,
        kind: row.kind,
        contractAddress: row.contractAddress,
        decimals: row.decimals,
        precision: row.asset.precision,
        confirmations: row.confirmations,
        hotWalletLow: decimalText(row.hotWalletLow),
        minDeposit: decimalText(row.minDeposit),
      },
    ]),
  );
}

/** A sent withdrawal's block and confirmation count, while it is BROADCAST; whether it changed. */
export async function recordWithdrawalConfirmations(
  db: Store,
  id: string,
  seen: { blockNumber: bigint; confirmations: number },
): Promise<boolean> {
  const { count } = await db.withdrawal.updateMany({
    where: {
      id,
      status: "BROADCAST",
      NOT: { blockNumber: seen.blockNumber, confirmations: seen.confirmations },
    },
    data: seen,
  });
  return count === 1;
}

import { formatUnits } from "@exchange/contracts/money";
import type { WalletUpdateInput, ZWithdrawal } from "@exchange/contracts/wallet";
import type { z } from "zod";
import type { WithdrawalRecord } from "./withdrawal-repository";

/** A withdrawal on its way out: times as epoch ms (`ZWithdrawal`'s input). */
export type WithdrawalDto = z.input<typeof ZWithdrawal>;
export type WithdrawalUpdateInput = Extract<WalletUpdateInput, { kind: "withdrawal" }>;

/**
 * A withdrawal as its owner and finance see it (contracts' `ZWithdrawal`): amounts as decimal
 * strings of the asset's engine precision, times epoch ms. The record keeps engine atoms.
 */
export interface WithdrawalScale {
  /** The asset's engine precision (decimals of its atoms). */
  precision: number;
  /** Confirmations the chain asset needs before a withdrawal counts as arrived. */
  confirmationsRequired: number;
}

const ms = (date: Date | null): number | null => (date === null ? null : date.getTime());

export function withdrawalView(record: WithdrawalRecord, scale: WithdrawalScale): WithdrawalDto {
  return {
    id: record.id,
    asset: record.assetCode,
    network: record.chainKey,
    address: record.toAddress,
    amount: formatUnits(record.amountAtoms, scale.precision),
    fee: formatUnits(record.feeAtoms, scale.precision),
    status: record.status,
    confirmations: record.confirmations,
    confirmationsRequired: scale.confirmationsRequired,
    txHash: record.txHash,
    rejectReason: record.rejectReason,
    failureReason: record.failureReason,
    createdAt: record.createdAt.getTime(),
    approvedAt: ms(record.approvedAt),
    broadcastAt: ms(record.broadcastAt),
    endedAt: ms(record.endedAt),
  };
}

/** The `@wallet` push of a withdrawal's latest state. */
export function withdrawalUpdate(
  record: WithdrawalRecord,
  scale: WithdrawalScale,
): WithdrawalUpdateInput {
  return { kind: "withdrawal", withdrawal: withdrawalView(record, scale) };
}

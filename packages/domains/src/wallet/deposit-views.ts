import { formatUnits } from "@exchange/contracts/money";
import type { Deposit } from "@exchange/contracts/wallet";
import type { FinanceDeposit } from "./deposit-contracts";
import type { DepositRecord } from "./deposit-repository";

/** What a view needs of the deposit's asset: its engine precision and the confirmations asked. */
export interface DepositAssetScale {
  precision: number;
  confirmations: number;
}

/** A recorded deposit in its public shape (amounts in the asset's decimals, times as Dates). */
export function depositView(record: DepositRecord, asset: DepositAssetScale): Deposit {
  return {
    id: record.id,
    asset: record.assetCode,
    network: record.chainKey,
    amount: formatUnits(record.amountAtoms, asset.precision),
    status: record.status,
    confirmations: Math.min(record.confirmations, 1_000_000),
    confirmationsRequired: asset.confirmations,
    txHash: record.txHash,
    fromAddress: record.fromAddress,
    toAddress: record.toAddress,
    createdAt: record.createdAt,
    creditedAt: record.creditedAt,
  };
}

/** The same with what finance needs to decide. */
export function financeDepositView(
  record: DepositRecord,
  asset: DepositAssetScale,
): FinanceDeposit {
  return {
    ...depositView(record, asset),
    userId: record.userId,
    flags: record.flags,
    reorgedAfterCredit: record.reorgedAfterCredit,
    blockNumber: record.blockNumber.toString(),
    reviewedBy: record.reviewedBy,
    reviewNote: record.reviewNote,
    reviewedAt: record.reviewedAt,
  };
}

/** The `@wallet` push of a deposit: times as epoch ms, as the wire carries them. */
export function depositPush(record: DepositRecord, asset: DepositAssetScale) {
  const view = depositView(record, asset);
  return {
    kind: "deposit" as const,
    deposit: {
      ...view,
      createdAt: view.createdAt.getTime(),
      creditedAt: view.creditedAt ? view.creditedAt.getTime() : null,
    },
  };
}

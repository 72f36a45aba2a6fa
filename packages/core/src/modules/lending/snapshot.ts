import { findAsset } from "../accounts/snapshot";
import { type KeyedReceiptSnapshot, keyedReceiptsSection } from "../keyed-receipts";
import type { SnapshotSection } from "../snapshot-section";
import { byKey } from "../snapshot-section";
import { indexKey, type LoanStatus } from "./loan";

/** The lending module's part of the snapshot (version 5 on); absent from older versions. */
export interface LendingSnapshot {
  /** Every loan, open or ended, sorted by id. */
  loans: LoanSnapshot[];
  /** The latest index price per asset and quote, sorted by asset then quote. */
  indexPrices: IndexPriceSnapshot[];
  /** First results of lending business keys, sorted by key. */
  lendingReceipts: KeyedReceiptSnapshot[];
}

export interface LoanSnapshot {
  loanId: string;
  userId: number;
  collateralAsset: string;
  loanAsset: string;
  initialLtvPpm: string;
  warningLinePpm: string;
  liquidationLinePpm: string;
  liquidationFeePpm: string;
  maturesAt: number;
  status: LoanStatus;
  collateralAtoms: string;
  principalAtoms: string;
  interestAtoms: string;
  proceedsAtoms: string;
  slicesSold: number;
}

export interface IndexPriceSnapshot {
  asset: string;
  quote: string;
  priceAtoms: string;
  at: number;
}

export const lendingSnapshot: SnapshotSection<LendingSnapshot> = {
  loans: {
    write: (s) =>
      [...s.loans.values()].sort(byKey((l) => l.loanId)).map((l) => ({
        loanId: l.loanId,
        userId: l.account.userId,
        collateralAsset: l.collateralAsset.code,
        loanAsset: l.loanAsset.code,
        initialLtvPpm: l.initialLtvPpm.toString(),
        warningLinePpm: l.warningLinePpm.toString(),
        liquidationLinePpm: l.liquidationLinePpm.toString(),
        liquidationFeePpm: l.liquidationFeePpm.toString(),
        maturesAt: l.maturesAt,
        status: l.status,
        collateralAtoms: l.collateralAtoms.toString(),
        principalAtoms: l.principalAtoms.toString(),
        interestAtoms: l.interestAtoms.toString(),
        proceedsAtoms: l.proceedsAtoms.toString(),
        slicesSold: l.slicesSold,
      })),
    read: (s, loans) => {
      for (const l of loans ?? []) {
        s.loans.set(l.loanId, {
          loanId: l.loanId,
          account: s.accountFor(l.userId),
          collateralAsset: findAsset(s, l.collateralAsset),
          loanAsset: findAsset(s, l.loanAsset),
          initialLtvPpm: BigInt(l.initialLtvPpm),
          warningLinePpm: BigInt(l.warningLinePpm),
          liquidationLinePpm: BigInt(l.liquidationLinePpm),
          liquidationFeePpm: BigInt(l.liquidationFeePpm),
          maturesAt: l.maturesAt,
          status: l.status,
          collateralAtoms: BigInt(l.collateralAtoms),
          principalAtoms: BigInt(l.principalAtoms),
          interestAtoms: BigInt(l.interestAtoms),
          proceedsAtoms: BigInt(l.proceedsAtoms),
          slicesSold: l.slicesSold,
        });
      }
    },
  },
  indexPrices: {
    write: (s) =>
      [...s.indexPrices.values()]
        .map((p) => ({
          asset: p.asset.code,
          quote: p.quote.code,
          priceAtoms: p.priceAtoms.toString(),
          at: p.at,
        }))
        .sort(byKey((p) => indexKey(p.asset, p.quote))),
    read: (s, prices) => {
      for (const p of prices ?? []) {
        s.indexPrices.set(indexKey(p.asset, p.quote), {
          asset: findAsset(s, p.asset),
          quote: findAsset(s, p.quote),
          priceAtoms: BigInt(p.priceAtoms),
          at: p.at,
        });
      }
    },
  },
  lendingReceipts: keyedReceiptsSection((s) => s.lendingReceipts),
};

import { findAsset } from "../accounts/snapshot";
import type { SnapshotSection } from "../snapshot-section";
import { byKey } from "../snapshot-section";

/** The savings module's part of the snapshot (version 3 on): the open positions. */
export interface SavingsSnapshot {
  /** Sorted by subscription id; absent from version 1 and 2 snapshots, which had none. */
  savingsPositions: SavingsPositionSnapshot[];
}

export interface SavingsPositionSnapshot {
  subscriptionId: string;
  userId: number;
  asset: string;
  principalAtoms: string;
  interestPaidAtoms: string;
}

export const savingsSnapshot: SnapshotSection<SavingsSnapshot> = {
  savingsPositions: {
    write: (s) =>
      [...s.savingsPositions.values()].sort(byKey((p) => p.subscriptionId)).map((p) => ({
        subscriptionId: p.subscriptionId,
        userId: p.account.userId,
        asset: p.asset.code,
        principalAtoms: p.principalAtoms.toString(),
        interestPaidAtoms: p.interestPaidAtoms.toString(),
      })),
    read: (s, positions) => {
      for (const p of positions ?? []) {
        s.savingsPositions.set(p.subscriptionId, {
          subscriptionId: p.subscriptionId,
          account: s.accountFor(p.userId),
          asset: findAsset(s, p.asset),
          principalAtoms: BigInt(p.principalAtoms),
          interestPaidAtoms: BigInt(p.interestPaidAtoms),
        });
      }
    },
  },
};

import type { CoreState } from "../../core-state";
import { findAsset } from "../accounts/snapshot";
import { type KeyedReceiptSnapshot, keyedReceiptsSection } from "../keyed-receipts";
import type { SnapshotSection } from "../snapshot-section";

/** The derivatives module's part of the snapshot (version 6 on); absent from older versions. */
export interface DerivativesSnapshot {
  /** Every futures account with a wallet, sorted by user id. */
  futuresAccounts: FuturesAccountSnapshot[];
  /** First results of derivatives business keys, sorted by key. */
  derivativesReceipts: KeyedReceiptSnapshot[];
}

export interface FuturesAccountSnapshot {
  userId: number;
  /** Wallet balances by settle asset code (atoms as decimal text), sorted by code. */
  wallets: { asset: string; atoms: string }[];
}

export const derivativesSnapshot: SnapshotSection<DerivativesSnapshot> = {
  futuresAccounts: {
    write: (s) => {
      const out: FuturesAccountSnapshot[] = [];
      for (const futures of s.futuresAccounts.values()) {
        const wallets = s.assetList
          .filter((asset) => futures.wallets[asset.index] !== undefined)
          .map((asset) => ({ asset: asset.code, atoms: futures.walletOf(asset).toString() }))
          .sort((x, y) => (x.asset < y.asset ? -1 : x.asset > y.asset ? 1 : 0));
        out.push({ userId: futures.userId, wallets });
      }
      return out.sort((x, y) => x.userId - y.userId);
    },
    read: (s: CoreState, accounts) => {
      for (const a of accounts ?? []) {
        const futures = s.futuresAccountFor(a.userId);
        for (const w of a.wallets) futures.setWallet(findAsset(s, w.asset), BigInt(w.atoms));
      }
    },
  },
  derivativesReceipts: keyedReceiptsSection((s) => s.derivativesReceipts),
};

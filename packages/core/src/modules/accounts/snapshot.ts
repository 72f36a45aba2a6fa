import { assert } from "../../assert";
import type { CoreState } from "../../core-state";
import type { AcceptedResult, CoreEvent } from "../../events";
import { LEGACY_LIMITS } from "../../limits";
import { Asset } from "../../model";
import { type AccountName, SYSTEM_ACCOUNTS, type SystemAccount } from "../../types";
import type { SnapshotSection } from "../snapshot-section";
import { byKey } from "../snapshot-section";
import type { BalanceChangedEvent, Posting } from "./events";
import { getBalance } from "./ledger";

/** The accounts module's part of the snapshot: assets, balances, withdrawals, receipts. */
export interface AccountsSnapshot {
  /** In the order they were added. */
  assets: AssetSnapshot[];
  accounts: AccountSnapshot[];
  withdrawals: WithdrawalSnapshot[];
  receipts: ReceiptSnapshot[];
}

export interface AssetSnapshot {
  code: string;
  precision: number;
  /** Absent in version 1. */
  maxAmountAtoms?: string;
  /** System account balances in atoms, in {@link SYSTEM_ACCOUNTS} order. */
  system: string[];
}

export interface AccountSnapshot {
  userId: number;
  feeTier: number;
  /** Only assets the user has touched, in asset order. */
  balances: { asset: string; available: string; frozen: string }[];
}

export interface WithdrawalSnapshot {
  withdrawalId: string;
  userId: number;
  asset: string;
  amountAtoms: string;
}

/** A stored first result of a balance command; its events are all `balance.changed`. */
export interface ReceiptSnapshot {
  key: string;
  commandId: string;
  events: {
    cause: BalanceChangedEvent["cause"];
    business: string;
    businessId: string;
    postings: [AccountName, number, string, string, string][];
  }[];
}

export const accountsSnapshot: SnapshotSection<AccountsSnapshot> = {
  assets: {
    write: (s) =>
      s.assetList.map((asset) => ({
        code: asset.code,
        precision: asset.precision,
        maxAmountAtoms: asset.maxAmountAtoms.toString(),
        system: SYSTEM_ACCOUNTS.map((name) => asset.system[name].toString()),
      })),
    read: (s, assets) => {
      for (const a of assets) restoreAsset(s, a);
    },
  },
  accounts: {
    write: (s) =>
      s.accounts
        .values()
        .sort(byKey((a) => a.userId))
        .map((account) => ({
          userId: account.userId,
          feeTier: account.feeTier.tier,
          balances: s.assetList.flatMap((asset) => {
            const balance = account.balances[asset.index];
            if (balance === undefined) return [];
            return [
              { asset: asset.code, available: `${balance.available}`, frozen: `${balance.frozen}` },
            ];
          }),
        })),
    read: (s, accounts) => {
      for (const a of accounts) restoreAccount(s, a);
    },
  },
  withdrawals: {
    write: (s) =>
      [...s.withdrawals.values()].sort(byKey((w) => w.withdrawalId)).map((w) => ({
        withdrawalId: w.withdrawalId,
        userId: w.account.userId,
        asset: w.asset.code,
        amountAtoms: w.amountAtoms.toString(),
      })),
    read: (s, withdrawals) => {
      for (const w of withdrawals) {
        s.withdrawals.set(w.withdrawalId, {
          withdrawalId: w.withdrawalId,
          account: s.accountFor(w.userId),
          asset: findAsset(s, w.asset),
          amountAtoms: BigInt(w.amountAtoms),
        });
      }
    },
  },
  receipts: {
    write: (s) =>
      [...s.receipts.entries()]
        .sort(byKey(([key]) => key))
        .map(([key, result]) => snapshotReceipt(key, result)),
    read: (s, receipts) => {
      for (const r of receipts) s.receipts.set(r.key, restoreReceipt(r));
    },
  },
};

function snapshotReceipt(key: string, result: AcceptedResult): ReceiptSnapshot {
  return {
    key,
    commandId: result.commandId,
    events: result.events.map((event) => {
      assert(event.type === "balance.changed", "receipt holds a non-balance event");
      return {
        cause: event.cause,
        business: event.business,
        businessId: event.businessId,
        postings: event.postings.map((p): [AccountName, number, string, string, string] => [
          p.account,
          p.userId,
          p.asset,
          p.amountAtoms.toString(),
          p.balanceAtoms.toString(),
        ]),
      };
    }),
  };
}

export function findAsset(s: CoreState, code: string): Asset {
  const asset = s.assets.get(code);
  assert(asset !== undefined, "snapshot names an unknown asset");
  return asset;
}

function restoreAsset(s: CoreState, a: AssetSnapshot): void {
  const maxAmountAtoms = BigInt(a.maxAmountAtoms ?? LEGACY_LIMITS.maxAmountAtoms);
  const asset = new Asset(a.code, a.precision, maxAmountAtoms, s.assetList.length);
  SYSTEM_ACCOUNTS.forEach((name: SystemAccount, i) => {
    asset.system[name] = BigInt(a.system[i] ?? "0");
  });
  s.assets.set(asset.code, asset);
  s.assetList.push(asset);
}

function restoreAccount(s: CoreState, a: AccountSnapshot): void {
  const account = s.accountFor(a.userId);
  const tier = s.feeTiers.get(a.feeTier);
  assert(tier !== undefined, "snapshot names an unknown fee tier");
  account.feeTier = tier;
  for (const b of a.balances) {
    const balance = getBalance(account, findAsset(s, b.asset));
    balance.available = BigInt(b.available);
    balance.frozen = BigInt(b.frozen);
  }
}

function restoreReceipt(r: ReceiptSnapshot): AcceptedResult {
  const events: CoreEvent[] = r.events.map((e) => ({
    type: "balance.changed",
    cause: e.cause,
    orderId: 0,
    tradeId: 0,
    business: e.business,
    businessId: e.businessId,
    postings: e.postings.map(
      ([account, userId, asset, amount, balance]): Posting => ({
        account,
        userId,
        asset,
        amountAtoms: BigInt(amount),
        balanceAtoms: BigInt(balance),
      }),
    ),
  }));
  return { accepted: true, commandId: r.commandId, repeated: false, events };
}

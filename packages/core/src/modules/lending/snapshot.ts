import type { AcceptedResult, CoreEvent } from "../../events";
import { findAsset } from "../accounts/snapshot";
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
  lendingReceipts: LendingReceiptSnapshot[];
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

/**
 * A receipt's events as JSON: a lending result holds events of every kind (loan, index,
 * balance, and a slice's order and trade events), so they are written generically, each bigint
 * as `{"$bigint": "<decimal>"}` (no event has a field of that name).
 */
export interface LendingReceiptSnapshot {
  key: string;
  commandId: string;
  events: unknown[];
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
  lendingReceipts: {
    write: (s) =>
      [...s.lendingReceipts.entries()].sort(byKey(([key]) => key)).map(([key, result]) => ({
        key,
        commandId: result.commandId,
        events: result.events.map(encodeValue),
      })),
    read: (s, receipts) => {
      for (const r of receipts ?? []) {
        const result: AcceptedResult = {
          accepted: true,
          commandId: r.commandId,
          repeated: false,
          events: r.events.map(decodeValue) as CoreEvent[],
        };
        s.lendingReceipts.set(r.key, result);
      }
    },
  },
};

function encodeValue(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = encodeValue((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === "object") {
    const fields = value as Record<string, unknown>;
    if (typeof fields.$bigint === "string") return BigInt(fields.$bigint);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) out[key] = decodeValue(fields[key]);
    return out;
  }
  return value;
}

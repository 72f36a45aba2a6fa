import { formatUnits } from "@exchange/contracts/money";
import { z } from "zod";
import { findAssets } from "../markets/market-repository";
import type { Services } from "../services";
import { findReconciliationReports } from "./reconciliation-repository";

/** A difference as the reconciliation job stores it: amounts in atoms, as decimal strings. */
const ZStoredDifference = z.object({
  kind: z.enum(["ledger-not-zero", "balance-vs-postings", "projection-vs-engine"]),
  asset: z.string(),
  userId: z.number().int().optional(),
  account: z.string().optional(),
  expected: z.string().regex(/^-?\d+$/),
  actual: z.string().regex(/^-?\d+$/),
});
const ZStoredTotals = z.record(z.string(), z.string().regex(/^-?\d+$/));
const ZAtoms = z.string().regex(/^-?\d+$/);
/** The chain's side as the reconciliation job stores it (apps/worker …/chain-holdings.ts). */
const ZStoredChainHoldings = z.object({
  chainKey: z.string(),
  hotWalletAddress: z.string(),
  error: z.string().nullable(),
  assets: z.array(
    z.object({
      asset: z.string(),
      hotWalletAtoms: ZAtoms,
      depositAddressesAtoms: ZAtoms,
      onChainAtoms: ZAtoms,
      liabilitiesAtoms: ZAtoms,
      inFlightAtoms: ZAtoms,
      differenceAtoms: ZAtoms,
    }),
  ),
});

/** One chain asset in a report, in whole units (decimal strings). */
export interface ChainHoldingView {
  asset: string;
  /** The hot wallet's balance. */
  hotWallet: string;
  /** What users' deposit addresses hold, not swept yet. */
  depositAddresses: string;
  /** hotWallet + depositAddresses. */
  onChain: string;
  /** Users' available and frozen balances. */
  liabilities: string;
  /** Withdrawals sent on chain whose frozen funds the engine has not settled yet. */
  inFlight: string;
  /** onChain − (liabilities − inFlight): a surplus (≥ 0) or a shortfall (< 0). */
  difference: string;
  shortfall: boolean;
}

export interface ChainHoldingsView {
  chainKey: string;
  hotWalletAddress: string;
  /** Why the chain could not be read for this report; no assets then. */
  error: string | null;
  assets: ChainHoldingView[];
}

export interface ReportDifference {
  kind: z.infer<typeof ZStoredDifference>["kind"];
  asset: string;
  userId: number | null;
  account: string | null;
  /** Decimal strings in whole units of the asset. */
  expected: string;
  actual: string;
}

export interface ReconciliationReportView {
  id: number;
  /** The journal seq the report proved: the read models' position when it ran. */
  seq: bigint;
  /** The engine's journal seq at that moment; null in reports older than the lag check. */
  engineSeq: bigint | null;
  ok: boolean;
  /** Why the report failed whatever its differences (the read models lagged the engine). */
  failure: string | null;
  startedAt: Date;
  finishedAt: Date;
  /** Per asset, the sum of all ledger postings in whole units; "0" when the books balance. */
  assetTotals: Array<{ asset: string; total: string }>;
  differences: ReportDifference[];
  /** The chain against users' balances; null when the worker had no chain. */
  chain: ChainHoldingsView | null;
  /** Some asset holds less on chain than users are owed: the report needs attention. */
  chainShortfall: boolean;
}

/**
 * The newest reconciliation reports (seed 004, 对账), for finance. Atoms become decimal strings
 * in the asset's precision; an asset the database no longer knows is shown in atoms.
 */
export async function listReconciliationReports(
  services: Services,
  limit: number,
): Promise<ReconciliationReportView[]> {
  const [reports, assets] = await Promise.all([
    findReconciliationReports(services.db, limit),
    findAssets(services.db),
  ]);
  const precisionOf = new Map(assets.map((a) => [a.code, a.precision]));
  const inUnits = (asset: string, atoms: string) =>
    formatUnits(BigInt(atoms), precisionOf.get(asset) ?? 0);
  return reports.map((report) => ({
    id: report.id,
    seq: report.seq,
    engineSeq: report.engineSeq,
    ok: report.ok,
    failure: report.failure,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    assetTotals: Object.entries(ZStoredTotals.parse(report.assetTotals))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([asset, total]) => ({ asset, total: inUnits(asset, total) })),
    differences: z
      .array(ZStoredDifference)
      .parse(report.differences)
      .map((d) => ({
        kind: d.kind,
        asset: d.asset,
        userId: d.userId ?? null,
        account: d.account ?? null,
        expected: inUnits(d.asset, d.expected),
        actual: inUnits(d.asset, d.actual),
      })),
    chain: chainView(report.chainHoldings, inUnits),
    chainShortfall: report.chainShortfall,
  }));
}

function chainView(
  stored: unknown,
  inUnits: (asset: string, atoms: string) => string,
): ChainHoldingsView | null {
  if (stored === null || stored === undefined) return null;
  const chain = ZStoredChainHoldings.parse(stored);
  return {
    chainKey: chain.chainKey,
    hotWalletAddress: chain.hotWalletAddress,
    error: chain.error,
    assets: chain.assets.map((a) => ({
      asset: a.asset,
      hotWallet: inUnits(a.asset, a.hotWalletAtoms),
      depositAddresses: inUnits(a.asset, a.depositAddressesAtoms),
      onChain: inUnits(a.asset, a.onChainAtoms),
      liabilities: inUnits(a.asset, a.liabilitiesAtoms),
      inFlight: inUnits(a.asset, a.inFlightAtoms),
      difference: inUnits(a.asset, a.differenceAtoms),
      shortfall: BigInt(a.differenceAtoms) < 0n,
    })),
  };
}

import { assert } from "../../assert";
import type { CoreState } from "../../core-state";
import { findAsset } from "../accounts/snapshot";
import { type KeyedReceiptSnapshot, keyedReceiptsSection } from "../keyed-receipts";
import { byKey, type SnapshotSection } from "../snapshot-section";
import { prepareRiskTiers } from "./margin-math";
import { type MarginMode, Perpetual, type PerpetualTerms } from "./perpetual";
import { indexPosition, noteCrossContracts } from "./position-events";

/** The derivatives module's part of the snapshot (version 6 on); absent from older versions. */
export interface DerivativesSnapshot {
  /** Every futures account with a wallet, sorted by user id. */
  futuresAccounts: FuturesAccountSnapshot[];
  /** First results of derivatives business keys, sorted by key. */
  derivativesReceipts: KeyedReceiptSnapshot[];
  /** Every perpetual contract's terms, prices and positions, sorted by symbol. */
  perpetuals: PerpetualSnapshot[];
}

export interface PerpetualSnapshot extends PerpetualTerms {
  symbol: string;
  riskTiers: { maxNotionalAtoms: string; maintenanceMarginPpm: number; maxLeverage: number }[];
  markTicks: string;
  indexTicks: string;
  markAt: number;
  lastFundingTime: number;
  /** Every position, flat ones with settings included, sorted by user id. */
  positions: PositionSnapshot[];
}

export interface PositionSnapshot {
  userId: number;
  qtyLots: string;
  costAtoms: string;
  mode: MarginMode;
  leverage: number;
  isolatedMarginAtoms: string;
  orderMarginAtoms: string;
  realisedPnlAtoms: string;
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
  perpetuals: {
    write: (s) =>
      [...s.markets.values()]
        .filter((m) => m.perpetual !== null)
        .sort(byKey((m) => m.symbol))
        .map((m) => writePerpetual(m.perpetual as Perpetual)),
    read: (s, perpetuals) => {
      for (const p of perpetuals ?? []) readPerpetual(s, p);
      // The indexes are derived: rebuilt once every wallet, position and mark is back.
      for (const futures of s.futuresAccounts.values()) noteCrossContracts(s, futures);
      for (const market of s.markets.values()) {
        for (const position of market.perpetual?.positions.values() ?? []) indexPosition(position);
      }
    },
  },
};

function writePerpetual(p: Perpetual): PerpetualSnapshot {
  return {
    symbol: p.market.symbol,
    ...p.terms,
    riskTiers: p.tiers.map((t) => ({
      maxNotionalAtoms: t.maxNotionalAtoms.toString(),
      maintenanceMarginPpm: Number(t.maintenanceMarginPpm),
      maxLeverage: t.maxLeverage,
    })),
    markTicks: p.markTicks.toString(),
    indexTicks: p.indexTicks.toString(),
    markAt: p.markAt,
    lastFundingTime: p.lastFundingTime,
    positions: [...p.positions.values()]
      .sort((a, b) => a.userId - b.userId)
      .map((position) => ({
        userId: position.userId,
        qtyLots: position.qtyLots.toString(),
        costAtoms: position.costAtoms.toString(),
        mode: position.mode,
        leverage: position.leverage,
        isolatedMarginAtoms: position.isolatedMarginAtoms.toString(),
        orderMarginAtoms: position.orderMarginAtoms.toString(),
        realisedPnlAtoms: position.realisedPnlAtoms.toString(),
      })),
  };
}

function readPerpetual(s: CoreState, p: PerpetualSnapshot): void {
  const market = s.markets.get(p.symbol);
  assert(market !== undefined, "snapshot names an unknown contract");
  const { maxLeverage, fundingIntervalMs, fundingCapPpm, interestPpm } = p;
  const tiers = prepareRiskTiers(
    p.riskTiers.map((t) => ({
      maxNotionalAtoms: BigInt(t.maxNotionalAtoms),
      maintenanceMarginPpm: BigInt(t.maintenanceMarginPpm),
      maxLeverage: t.maxLeverage,
    })),
  );
  const perpetual = new Perpetual(
    market,
    { maxLeverage, fundingIntervalMs, fundingCapPpm, interestPpm },
    tiers,
  );
  market.perpetual = perpetual;
  perpetual.markTicks = BigInt(p.markTicks);
  perpetual.indexTicks = BigInt(p.indexTicks);
  perpetual.markAt = p.markAt;
  perpetual.lastFundingTime = p.lastFundingTime;
  for (const saved of p.positions) {
    const position = perpetual.positionOf(s.futuresAccountFor(saved.userId));
    position.qtyLots = BigInt(saved.qtyLots);
    position.costAtoms = BigInt(saved.costAtoms);
    position.mode = saved.mode;
    position.leverage = saved.leverage;
    position.isolatedMarginAtoms = BigInt(saved.isolatedMarginAtoms);
    position.orderMarginAtoms = BigInt(saved.orderMarginAtoms);
    position.realisedPnlAtoms = BigInt(saved.realisedPnlAtoms);
  }
}

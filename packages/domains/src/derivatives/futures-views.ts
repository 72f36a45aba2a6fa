import { marginMath } from "@exchange/core";
import { z } from "zod";
import { ZBigRowCursor } from "../input-bounds";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import {
  type ContractRecord,
  findContracts,
  findFuturesWallets,
  findPositionHistory,
  findPositions,
  type PositionRecord,
} from "./derivatives-repository";
import { nextFundingTime } from "./mark-price";
import type { PricedContract } from "./perpetual-pricer";

/**
 * What traders and the pricer read of perpetuals, from the read models: the contracts with their
 * terms and latest mark, and a trader's futures account with each position's figures at the
 * latest mark, computed by the core's own arithmetic (so the page shows what the engine decides
 * on). Decimal strings in the contract's units.
 */

export const ZFuturesContract = z.object({
  symbol: z.string(),
  baseAsset: z.string(),
  settleAsset: z.string(),
  maxLeverage: z.number().int(),
  riskTiers: z.array(
    z.object({
      maxNotional: z.string(),
      maintenanceMarginRate: z.string(),
      maxLeverage: z.number(),
    }),
  ),
  fundingIntervalHours: z.number(),
  markPrice: z.string().nullable(),
  indexPrice: z.string().nullable(),
  lastFundingRate: z.string().nullable(),
  nextFundingTime: z.number(),
});
export type FuturesContract = z.infer<typeof ZFuturesContract>;

export const ZFuturesPosition = z.object({
  symbol: z.string(),
  side: z.enum(["long", "short", "flat"]),
  /** Base quantity, unsigned. */
  size: z.string(),
  entryPrice: z.string().nullable(),
  markPrice: z.string().nullable(),
  liquidationPrice: z.string().nullable(),
  mode: z.enum(["cross", "isolated"]),
  leverage: z.number().int(),
  /** The margin backing it: its own when isolated, the wallet when cross. */
  margin: z.string(),
  maintenanceMargin: z.string(),
  /** Maintenance over the margin balance, percent, two decimals (100 and more: liquidated). */
  marginRatioPercent: z.string().nullable(),
  unrealisedPnl: z.string(),
  realisedPnl: z.string(),
});
export type FuturesPosition = z.infer<typeof ZFuturesPosition>;

export const ZFuturesAccount = z.object({
  wallets: z.array(z.object({ asset: z.string(), balance: z.string() })),
  positions: z.array(ZFuturesPosition),
});
export type FuturesAccount = z.infer<typeof ZFuturesAccount>;

type ReadServices = Pick<Services, "db" | "clock">;

export function ratePpmText(ratePpm: number): string {
  const sign = ratePpm < 0 ? "-" : "";
  const abs = Math.abs(ratePpm);
  return `${sign}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, "0")}`;
}

/** Every listed contract with its terms, latest mark and the next funding time. */
export async function futuresContracts(services: ReadServices): Promise<FuturesContract[]> {
  const directory = marketDirectory(services);
  const nowMs = services.clock.now();
  const contracts = await findContracts(services.db);
  const views: FuturesContract[] = [];
  for (const contract of contracts) {
    const { units } = await directory.get(contract.symbol);
    views.push({
      symbol: contract.symbol,
      baseAsset: contract.baseAsset,
      settleAsset: contract.quoteAsset,
      maxLeverage: contract.maxLeverage,
      riskTiers: contract.riskTiers.map((tier) => ({
        maxNotional: units.quote(tier.maxNotionalAtoms),
        maintenanceMarginRate: ratePpmText(tier.maintenanceMarginPpm),
        maxLeverage: tier.maxLeverage,
      })),
      fundingIntervalHours: contract.fundingIntervalMs / 3_600_000,
      markPrice: contract.markPriceTicks === null ? null : units.price(contract.markPriceTicks),
      indexPrice: contract.indexPriceTicks === null ? null : units.price(contract.indexPriceTicks),
      lastFundingRate:
        contract.lastFundingRatePpm === null ? null : ratePpmText(contract.lastFundingRatePpm),
      nextFundingTime: nextFundingTime(nowMs, contract.fundingIntervalMs),
    });
  }
  return views;
}

/** The contracts the worker's pricer prices: those whose market is not closed. */
export async function pricedContracts(services: ReadServices): Promise<PricedContract[]> {
  const directory = marketDirectory(services);
  const priced: PricedContract[] = [];
  for (const contract of await findContracts(services.db)) {
    const { config, units } = await directory.get(contract.symbol);
    if (config.status === "closed") continue;
    priced.push({
      symbol: contract.symbol,
      underlying: contract.baseAsset,
      settle: contract.quoteAsset,
      tickSizeAtoms: config.tickSizeAtoms,
      settlePrecision: units.scale.quotePrecision,
      fundingIntervalMs: contract.fundingIntervalMs,
      fundingCapPpm: contract.fundingCapPpm,
      interestPpm: contract.interestPpm,
      lastFundingTime: contract.lastFundingTime?.getTime() ?? 0,
    });
  }
  return priced;
}

/** A trader's futures wallets and positions (open ones, and flat ones with their settings). */
export async function futuresAccount(
  services: ReadServices,
  userId: number,
): Promise<FuturesAccount> {
  const directory = marketDirectory(services);
  const [wallets, positions, contracts] = await Promise.all([
    findFuturesWallets(services.db, userId),
    findPositions(services.db, userId, { includeFlat: true }),
    findContracts(services.db),
  ]);
  const contractOf = new Map(contracts.map((c) => [c.symbol, c]));
  const walletOf = new Map(wallets.map((w) => [w.asset, w.walletAtoms]));
  const views: FuturesPosition[] = [];
  for (const position of positions) {
    const contract = contractOf.get(position.symbol);
    if (!contract) continue;
    const { units } = await directory.get(position.symbol);
    views.push(positionView(position, contract, units, walletOf.get(contract.quoteAsset) ?? 0n));
  }
  return {
    wallets: await Promise.all(
      wallets.map(async (w) => ({
        asset: w.asset,
        balance: await formatAsset(services, w.asset, w.walletAtoms, contracts),
      })),
    ),
    positions: views,
  };
}

async function formatAsset(
  services: ReadServices,
  asset: string,
  atoms: bigint,
  contracts: ContractRecord[],
): Promise<string> {
  const contract = contracts.find((c) => c.quoteAsset === asset);
  if (!contract) return atoms.toString();
  const { units } = await marketDirectory(services).get(contract.symbol);
  return units.quote(atoms);
}

export type Units = Awaited<ReturnType<ReturnType<typeof marketDirectory>["get"]>>["units"];

/** A position's figures at the contract's last mark, in engine units, by the core's arithmetic. */
export interface PositionFigures {
  /** Lots, unsigned. */
  sizeLots: bigint;
  /** The margin backing it: its own when isolated, the wallet when cross. */
  marginAtoms: bigint;
  unrealisedPnlAtoms: bigint;
  maintenanceAtoms: bigint;
  /** Maintenance over the margin balance, ppm; null for a flat position. */
  marginRatioPpm: bigint | null;
}

/**
 * What the engine would judge a position by at the contract's last mark (the trader's page and
 * operations' risk view both show these, so they are computed once, here).
 */
export function positionFigures(
  position: PositionRecord,
  contract: ContractRecord,
  units: Units,
  walletAtoms: bigint,
): PositionFigures {
  const k = units.quotePerTickLot();
  const qty = position.qtyLots;
  const mark = contract.markPriceTicks;
  const tiers = marginMath.prepareRiskTiers(
    contract.riskTiers.map((t) => ({
      maxNotionalAtoms: t.maxNotionalAtoms,
      maintenanceMarginPpm: BigInt(t.maintenanceMarginPpm),
      maxLeverage: t.maxLeverage,
    })),
  );
  const margin = position.mode === "ISOLATED" ? position.isolatedMarginAtoms : walletAtoms;
  const pnl =
    mark === null || qty === 0n
      ? 0n
      : marginMath.unrealisedPnlAtoms(mark, qty, position.costAtoms, k);
  const notional =
    mark === null
      ? position.costAtoms < 0n
        ? -position.costAtoms
        : position.costAtoms
      : marginMath.notionalAtoms(mark, qty, k);
  const maintenance = qty === 0n ? 0n : marginMath.maintenanceAtoms(tiers, notional);
  const ratio =
    qty === 0n
      ? null
      : marginMath.marginRatioPpm({
          maintenanceAtoms: maintenance,
          marginBalanceAtoms: margin + pnl,
        });
  return {
    sizeLots: qty < 0n ? -qty : qty,
    marginAtoms: margin,
    unrealisedPnlAtoms: pnl,
    maintenanceAtoms: maintenance,
    marginRatioPpm: ratio,
  };
}

/** A ratio in ppm as a percent with two decimals (it is shown, never computed with). */
export function ratioPercentText(ratioPpm: bigint): string {
  return (Number(ratioPpm) / 10_000).toFixed(2);
}

export function positionView(
  position: PositionRecord,
  contract: ContractRecord,
  units: Units,
  walletAtoms: bigint,
): FuturesPosition {
  const qty = position.qtyLots;
  const mark = contract.markPriceTicks;
  const f = positionFigures(position, contract, units, walletAtoms);
  return {
    symbol: position.symbol,
    side: qty > 0n ? "long" : qty < 0n ? "short" : "flat",
    size: units.quantity(f.sizeLots),
    entryPrice:
      qty === 0n
        ? null
        : units.averagePrice(
            position.costAtoms < 0n ? -position.costAtoms : position.costAtoms,
            f.sizeLots,
          ),
    markPrice: mark === null ? null : units.price(mark),
    liquidationPrice:
      position.liquidationPriceTicks === null || position.liquidationPriceTicks === 0n
        ? null
        : units.price(position.liquidationPriceTicks),
    mode: position.mode === "ISOLATED" ? "isolated" : "cross",
    leverage: position.leverage,
    margin: units.quote(f.marginAtoms),
    maintenanceMargin: units.quote(f.maintenanceAtoms),
    marginRatioPercent: f.marginRatioPpm === null ? null : ratioPercentText(f.marginRatioPpm),
    unrealisedPnl: signedQuote(units, f.unrealisedPnlAtoms),
    realisedPnl: signedQuote(units, position.realisedPnlAtoms),
  };
}

export function signedQuote(units: Units, atoms: bigint): string {
  return atoms < 0n ? `-${units.quote(-atoms)}` : units.quote(atoms);
}

export const ZPositionHistoryInput = z.object({
  symbol: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  /** The `nextCursor` of the previous page. */
  cursor: ZBigRowCursor.nullish(),
});
export type PositionHistoryInput = z.input<typeof ZPositionHistoryInput>;

export const ZPositionHistoryItem = z.object({
  id: z.string(),
  symbol: z.string(),
  kind: z.enum(["trade", "funding", "liquidation", "deleverage", "settings"]),
  /** The position after the step. */
  side: z.enum(["long", "short", "flat"]),
  size: z.string(),
  /** What the step realised (signed). */
  realisedPnl: z.string(),
  /** Funding paid (> 0) or received (< 0), for a funding step. */
  funding: z.string().nullable(),
  /** The price a deleveraging step closed at. */
  price: z.string().nullable(),
  at: z.date(),
});
export const ZPositionHistoryPage = z.object({
  items: z.array(ZPositionHistoryItem),
  nextCursor: z.string().nullable(),
});
export type PositionHistoryPage = z.infer<typeof ZPositionHistoryPage>;

/** The trader's position history, newest first: each trade, funding, liquidation, setting. */
export async function positionHistory(
  services: ReadServices,
  userId: number,
  input: z.output<typeof ZPositionHistoryInput>,
): Promise<PositionHistoryPage> {
  const directory = marketDirectory(services);
  const rows = await findPositionHistory(services.db, userId, {
    limit: input.limit + 1,
    symbol: input.symbol,
    before: input.cursor ? BigInt(input.cursor) : undefined,
  });
  const page = rows.slice(0, input.limit);
  const items = [];
  for (const row of page) {
    const { units } = await directory.get(row.symbol);
    const qty = row.qtyLots;
    items.push({
      id: row.id.toString(),
      symbol: row.symbol,
      kind: row.kind.toLowerCase() as z.infer<typeof ZPositionHistoryItem>["kind"],
      side: qty > 0n ? ("long" as const) : qty < 0n ? ("short" as const) : ("flat" as const),
      size: units.quantity(qty < 0n ? -qty : qty),
      realisedPnl: signedQuote(units, row.realisedPnlAtoms),
      funding: row.fundingAtoms === null ? null : signedQuote(units, row.fundingAtoms),
      price: row.priceTicks === null ? null : units.price(row.priceTicks),
      at: row.at,
    });
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? last.id.toString() : null };
}

import { formatUnits } from "@exchange/contracts/money";
import type { z } from "zod";
import { AppError, AppErrorCode } from "../errors";
import { findInsuranceBalances, findInsuranceCovers } from "../lending/loan-book-repository";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import { type ContractRecord, findContract, findContracts } from "./derivatives-repository";
import {
  positionFigures,
  positionView,
  ratePpmText,
  signedQuote,
  type Units,
} from "./futures-views";
import { nextFundingTime } from "./mark-price";
import {
  type FundingHistoryOutput,
  INSURANCE_LINES_SHOWN,
  type InsuranceFund,
  type InsuranceLine,
  type RiskContract,
  type RiskLiquidation,
  type RiskLiquidationDetail,
  type RiskLiquidationsOutput,
  type RiskPositionsInput,
  type RiskPositionsOutput,
  type ZFundingHistoryInput,
  type ZRiskLiquidationsInput,
} from "./risk-contracts";
import { compareMarginRisk, fundingBalance, mergeInsuranceHistory } from "./risk-ranking";
import {
  findAllOpenPositions,
  findCloseFills,
  findDeleverages,
  findFundingRows,
  findInsuranceLiquidations,
  findOpenInterest,
  findStaffLiquidation,
  findStaffLiquidations,
  type StaffLiquidationRecord,
} from "./risk-repository";

/**
 * Operations' futures risk view (issue 20 §8), read-only: what the engine would decide on, at
 * each contract's last mark, computed by the same code as the trader's page (futures-views.ts's
 * `positionFigures`, the core's `marginMath`), so staff and trader never see two figures.
 */

type ReadServices = Pick<Services, "db" | "clock">;

/** Each contract's unit translators, read once per request. */
function unitsLookup(services: ReadServices): (symbol: string) => Promise<Units> {
  const directory = marketDirectory(services);
  const found = new Map<string, Promise<Units>>();
  return (symbol) => {
    let units = found.get(symbol);
    if (!units) {
      units = directory.get(symbol).then((m) => m.units);
      found.set(symbol, units);
    }
    return units;
  };
}

/** Every listed contract with its mark, funding and open interest. */
export async function riskContracts(services: ReadServices): Promise<RiskContract[]> {
  const unitsOf = unitsLookup(services);
  const [contracts, interest] = await Promise.all([
    findContracts(services.db),
    findOpenInterest(services.db),
  ]);
  const nowMs = services.clock.now();
  const views: RiskContract[] = [];
  for (const contract of contracts) {
    const units = await unitsOf(contract.symbol);
    const oi = interest.get(contract.symbol);
    const lots = oi?.longLots ?? 0n;
    const mark = contract.markPriceTicks;
    views.push({
      symbol: contract.symbol,
      baseAsset: contract.baseAsset,
      settleAsset: contract.quoteAsset,
      markPrice: mark === null ? null : units.price(mark),
      indexPrice: contract.indexPriceTicks === null ? null : units.price(contract.indexPriceTicks),
      markAt: contract.markAt,
      lastFundingRate:
        contract.lastFundingRatePpm === null ? null : ratePpmText(contract.lastFundingRatePpm),
      nextFundingTime: nextFundingTime(nowMs, contract.fundingIntervalMs),
      openInterest: units.quantity(lots),
      openInterestNotional:
        mark === null ? null : units.quote(mark * lots * units.quotePerTickLot()),
      longPositions: oi?.longPositions ?? 0,
      shortPositions: oi?.shortPositions ?? 0,
    });
  }
  return views;
}

/** Open positions riskiest first (the highest margin ratio at the mark), at most `limit`. */
export async function riskPositions(
  services: ReadServices,
  input: RiskPositionsInput,
): Promise<RiskPositionsOutput> {
  const unitsOf = unitsLookup(services);
  const [{ positions, total }, contracts] = await Promise.all([
    findAllOpenPositions(services.db, { symbol: input.symbol }),
    findContracts(services.db),
  ]);
  const contractOf = new Map(contracts.map((c) => [c.symbol, c]));
  const ranked = [];
  for (const position of positions) {
    const contract = contractOf.get(position.symbol);
    if (!contract) continue;
    const units = await unitsOf(position.symbol);
    const { marginRatioPpm } = positionFigures(position, contract, units, position.walletAtoms);
    ranked.push({
      userId: position.userId,
      symbol: position.symbol,
      marginRatioPpm,
      position,
      contract,
      units,
    });
  }
  ranked.sort(compareMarginRisk);
  return {
    positions: ranked.slice(0, input.limit).map((r) => ({
      ...positionView(r.position, r.contract, r.units, r.position.walletAtoms),
      userId: r.position.userId,
      email: r.position.email,
      settleAsset: r.contract.quoteAsset,
      marginRatioPpm: r.marginRatioPpm === null ? null : Number(r.marginRatioPpm),
    })),
    total,
  };
}

function liquidationView(
  record: StaffLiquidationRecord,
  contract: ContractRecord,
  units: Units,
): RiskLiquidation {
  const size = record.qtyLots < 0n ? -record.qtyLots : record.qtyLots;
  return {
    id: record.id.toString(),
    userId: record.userId,
    email: record.email,
    symbol: record.symbol,
    settleAsset: contract.quoteAsset,
    side: record.qtyLots < 0n ? "short" : "long",
    size: units.quantity(size),
    markPrice: units.price(record.markPriceTicks),
    bankruptcyPrice: units.price(record.bankruptcyPriceTicks),
    bookSize: units.quantity(record.bookLots),
    deleveragedSize: units.quantity(record.deleveragedLots),
    insurance: signedQuote(units, record.insuranceAtoms),
    at: record.at,
  };
}

/** Liquidations newest first, keyset-paged; one contract's with `symbol`. */
export async function riskLiquidations(
  services: ReadServices,
  input: z.output<typeof ZRiskLiquidationsInput>,
): Promise<RiskLiquidationsOutput> {
  const unitsOf = unitsLookup(services);
  const [rows, contracts] = await Promise.all([
    findStaffLiquidations(services.db, {
      limit: input.limit + 1,
      symbol: input.symbol,
      before: input.cursor ? BigInt(input.cursor) : undefined,
    }),
    findContracts(services.db),
  ]);
  const contractOf = new Map(contracts.map((c) => [c.symbol, c]));
  const page = rows.slice(0, input.limit);
  const items: RiskLiquidation[] = [];
  for (const row of page) {
    const contract = contractOf.get(row.symbol);
    if (contract) items.push(liquidationView(row, contract, await unitsOf(row.symbol)));
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? last.id.toString() : null };
}

/** One liquidation with its close's book fills and the positions deleveraged against it. */
export async function riskLiquidationDetail(
  services: ReadServices,
  id: string,
): Promise<RiskLiquidationDetail> {
  const record = await findStaffLiquidation(services.db, BigInt(id));
  const contract = record ? await findContract(services.db, record.symbol) : null;
  if (!record || !contract) throw new AppError(AppErrorCode.NOT_FOUND, "No such liquidation.");
  const units = await unitsLookup(services)(record.symbol);
  const [fills, deleverages] = await Promise.all([
    findCloseFills(services.db, record),
    findDeleverages(services.db, record),
  ]);
  const abs = (lots: bigint) => (lots < 0n ? -lots : lots);
  return {
    liquidation: liquidationView(record, contract, units),
    fills: fills.map((f) => ({
      tradeId: f.tradeId,
      price: units.price(f.priceTicks),
      quantity: units.quantity(f.qtyLots),
      quoteAmount: units.quote(f.quoteAtoms),
      counterpartyUserId: f.makerUserId,
      executedAt: f.executedAt,
    })),
    deleveraging: deleverages.map((d) => ({
      userId: d.userId,
      email: d.email,
      quantity: units.quantity(abs(d.qtyBeforeLots) - abs(d.qtyAfterLots)),
      price: d.priceTicks === null ? null : units.price(d.priceTicks),
      realisedPnl: signedQuote(units, d.realisedPnlAtoms),
      at: d.at,
    })),
  };
}

function signedAtoms(atoms: bigint, precision: number): string {
  return atoms < 0n ? `-${formatUnits(-atoms, precision)}` : formatUnits(atoms, precision);
}

/**
 * The insurance fund of each settle asset: the engine's `insurance` account (lending's
 * shortfalls draw on it too), what liquidations left to it and took from it, and its latest
 * changes from both.
 */
export async function insuranceFunds(services: ReadServices): Promise<InsuranceFund[]> {
  const [contracts, balances] = await Promise.all([
    findContracts(services.db),
    findInsuranceBalances(services.db),
  ]);
  const assets = [...new Set(contracts.map((c) => c.quoteAsset))].sort();
  if (assets.length === 0) return [];
  const covers = await findInsuranceCovers(services.db, INSURANCE_LINES_SHOWN);
  const precisions = await services.db.asset.findMany({
    where: { code: { in: assets } },
    select: { code: true, precision: true },
  });
  const funds: InsuranceFund[] = [];
  for (const asset of assets) {
    const precision = precisions.find((p) => p.code === asset)?.precision ?? 0;
    const money = (atoms: bigint) => signedAtoms(atoms, precision);
    const futures = await findInsuranceLiquidations(services.db, asset, INSURANCE_LINES_SHOWN);
    type Change = Omit<InsuranceLine, "amount"> & { amountAtoms: bigint };
    const liquidations = futures.lines.map(
      (l): Change => ({
        kind: "liquidation",
        ref: l.id.toString(),
        symbol: l.symbol,
        userId: l.userId,
        email: l.email,
        amountAtoms: l.insuranceAtoms,
        at: l.at,
      }),
    );
    const shortfalls = covers
      .filter((c) => c.asset === asset)
      .map(
        (c): Change => ({
          kind: "loanShortfall",
          ref: c.loanId,
          symbol: null,
          userId: c.userId,
          email: c.email,
          amountAtoms: -c.shortfallAtoms,
          at: c.at,
        }),
      );
    const history: InsuranceLine[] = mergeInsuranceHistory(
      liquidations,
      shortfalls,
      INSURANCE_LINES_SHOWN,
    ).map(({ amountAtoms, ...line }) => ({ ...line, amount: money(amountAtoms) }));
    funds.push({
      asset,
      balance: money(balances.find((b) => b.asset === asset)?.balanceAtoms ?? 0n),
      takenIn: money(futures.takenInAtoms),
      paidOut: money(futures.paidOutAtoms),
      history,
    });
  }
  return funds;
}

/** A contract's funding settlements newest first, each with its balance check. */
export async function fundingHistory(
  services: ReadServices,
  input: z.output<typeof ZFundingHistoryInput>,
): Promise<FundingHistoryOutput> {
  const contract = await findContract(services.db, input.symbol);
  if (!contract) throw new AppError(AppErrorCode.NOT_FOUND, "No such contract.");
  const units = await unitsLookup(services)(input.symbol);
  const rows = await findFundingRows(services.db, input.symbol, {
    limit: input.limit + 1,
    before: input.cursor ? new Date(Number(input.cursor)) : undefined,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    settleAsset: contract.quoteAsset,
    items: page.map((row) => {
      const { imbalanceAtoms, linesBalance } = fundingBalance(row);
      return {
        fundingTime: row.fundingTime,
        rate: ratePpmText(row.ratePpm),
        markPrice: units.price(row.markPriceTicks),
        paid: units.quote(row.paidAtoms),
        received: units.quote(row.receivedAtoms),
        rounding: units.quote(row.roundingAtoms),
        positions: row.positions,
        imbalance: signedQuote(units, imbalanceAtoms),
        linesBalance,
      };
    }),
    nextCursor: rows.length > input.limit && last ? String(last.fundingTime.getTime()) : null,
  };
}

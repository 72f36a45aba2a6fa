import { formatUnits, type MarketUnits } from "@exchange/contracts/money";
import { AppError, AppErrorCode } from "../errors";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { LoanHistoryItem } from "./borrowing-contracts";
import { findLatestIndex, findLoanEvents, type LoanEventRecord } from "./borrowing-repository";
import {
  INSURANCE_COVERS_SHOWN,
  type InsuranceOutput,
  type LiquidationSettlement,
  type LiquidationSlice,
  LOAN_BOOK_PAGE,
  type LoanBookOutput,
  type StaffLoan,
  type StaffLoanDetail,
} from "./loan-book-contracts";
import {
  findApprovals,
  findInsuranceBalances,
  findInsuranceCovers,
  findInsuranceCoverTotals,
  findLiveLoans,
  findSettlementPostings,
  findSliceFills,
  findStaffLoan,
  type SliceFillRecord,
  type StaffLoanRecord,
} from "./loan-book-repository";
import { historyItems } from "./loan-history";
import { compareRisk, loanRiskFigures, settlementOf } from "./loan-risk";
import { findAssetPrecision } from "./pool-repository";

/**
 * Operations' loan book (issue 19 part 7): the live loans by risk at the latest index, one
 * loan's terms, history, liquidation fills and settlement, and the insurance account with the
 * shortfalls it covered. Read-only; the approval to sell below bankruptcy is
 * liquidation-approval.ts.
 */

type Db = Pick<Services, "db">;
type Index = { priceAtoms: bigint; at: Date } | null;

/** Asset decimals and latest indexes, each read once per request. */
class Lookups {
  private readonly precisions = new Map<string, Promise<number>>();
  private readonly indexes = new Map<string, Promise<Index>>();

  constructor(private readonly services: Db) {}

  precision(asset: string): Promise<number> {
    let found = this.precisions.get(asset);
    if (!found) {
      found = findAssetPrecision(this.services.db, asset).then((p) => {
        if (p === null) throw new Error(`lending: no asset ${asset}`);
        return p;
      });
      this.precisions.set(asset, found);
    }
    return found;
  }

  index(asset: string, quote: string): Promise<Index> {
    const key = `${asset}/${quote}`;
    let found = this.indexes.get(key);
    if (!found) {
      found = findLatestIndex(this.services.db, asset, quote);
      this.indexes.set(key, found);
    }
    return found;
  }
}

/** The live loans, riskiest first (at most {@link LOAN_BOOK_PAGE}), and how many are live. */
export async function loanBook(services: Db): Promise<LoanBookOutput> {
  const records = await findLiveLoans(services.db);
  const approvals = await findApprovals(
    services.db,
    records.filter((r) => r.status === "LIQUIDATING").map((r) => r.id),
  );
  const lookups = new Lookups(services);
  const loans: StaffLoan[] = [];
  for (const record of records) {
    loans.push(await staffLoanView(lookups, record, approvals.has(record.id)));
  }
  const ranked = loans.map((loan) => ({
    loan,
    ...loan,
    ltvPpm: loan.ltvPpm === null ? null : BigInt(loan.ltvPpm),
    liquidationDistancePpm:
      loan.liquidationDistancePpm === null ? null : BigInt(loan.liquidationDistancePpm),
  }));
  ranked.sort(compareRisk);
  return { loans: ranked.slice(0, LOAN_BOOK_PAGE).map((r) => r.loan), total: records.length };
}

async function staffLoanView(
  lookups: Lookups,
  loan: StaffLoanRecord,
  approved: boolean,
): Promise<StaffLoan> {
  const [cp, lp, index] = await Promise.all([
    lookups.precision(loan.collateralAsset),
    lookups.precision(loan.loanAsset),
    lookups.index(loan.collateralAsset, loan.loanAsset),
  ]);
  const f = loanRiskFigures({
    ...loan,
    collateralPrecision: cp,
    indexPriceAtoms: index?.priceAtoms ?? null,
  });
  const money = (atoms: bigint) => formatUnits(atoms, lp);
  const ppm = (value: bigint | null) => (value === null ? null : Number(value));
  return {
    id: loan.id,
    userId: loan.userId,
    email: loan.email,
    productName: loan.productName,
    productVersion: loan.productVersion,
    status: loan.status,
    collateralAsset: loan.collateralAsset,
    loanAsset: loan.loanAsset,
    collateral: formatUnits(loan.collateralAtoms, cp),
    principal: money(loan.principalAtoms),
    interest: money(loan.interestAtoms),
    debt: money(f.debtAtoms),
    proceeds: money(loan.proceedsAtoms),
    indexPrice: index ? money(index.priceAtoms) : null,
    indexAt: index?.at ?? null,
    ltvPpm: ppm(f.ltvPpm),
    initialLtvPpm: loan.initialLtvPpm,
    warningLtvPpm: loan.warningLtvPpm,
    liquidationLtvPpm: loan.liquidationLtvPpm,
    warningPrice: money(f.warningPriceAtoms),
    liquidationPrice: money(f.liquidationPriceAtoms),
    bankruptcyPrice: money(f.bankruptcyPriceAtoms),
    warningDistancePpm: ppm(f.warningDistancePpm),
    liquidationDistancePpm: ppm(f.liquidationDistancePpm),
    liquidationFeePpm: loan.liquidationFeePpm,
    approvedBelowBankruptcy: approved,
    openedAt: loan.openedAt,
    maturesAt: loan.maturesAt,
    closedAt: loan.closedAt,
  };
}

/** One loan (any status but PENDING) with its history, liquidation slices and settlement. */
export async function staffLoanDetail(
  services: Pick<Services, "db" | "clock">,
  loanId: string,
): Promise<StaffLoanDetail> {
  const record = await findStaffLoan(services.db, loanId);
  if (!record || record.status === "PENDING") {
    throw new AppError(AppErrorCode.NOT_FOUND, "No such loan.");
  }
  const lookups = new Lookups(services);
  const [cp, lp] = await Promise.all([
    lookups.precision(record.collateralAsset),
    lookups.precision(record.loanAsset),
  ]);
  const [approvals, events] = await Promise.all([
    findApprovals(services.db, [record.id]),
    findLoanEvents(services.db, record.id),
  ]);
  const approval = approvals.get(record.id) ?? null;
  const history = historyItems(events, cp, lp);
  const sliceLines = history.flatMap((h) =>
    h.orderId === null ? [] : [{ ...h, orderId: h.orderId }],
  );
  const fills = await findSliceFills(
    services.db,
    sliceLines.map((h) => h.orderId),
  );
  const market = await sliceMarket(services, fills);
  const slices = sliceLines.map((h, i) => sliceOf(i + 1, h, fills, market, record.loanAsset));
  const settlement =
    record.status === "LIQUIDATED"
      ? await settlementView(services.db, record, events, { fills, market, cp, lp })
      : null;
  return {
    loan: await staffLoanView(lookups, record, approval !== null),
    approval,
    history,
    slices,
    settlement,
  };
}

type SliceMarket = { units: MarketUnits; lotSizeAtoms: bigint };

/** The market's unit translators (every slice of a loan sells on the same market). */
async function sliceMarket(
  services: Pick<Services, "db" | "clock">,
  fills: readonly SliceFillRecord[],
): Promise<SliceMarket | null> {
  const first = fills[0];
  if (!first) return null;
  const market = await marketDirectory(services).get(first.symbol);
  return { units: market.units, lotSizeAtoms: market.config.lotSizeAtoms };
}

/** What a fill brought the loan: its quote less a trading fee taken in the loan asset. */
function netProceeds(fill: SliceFillRecord, loanAsset: string): bigint {
  return fill.quoteAtoms - (fill.feeAsset === loanAsset ? fill.feeAtoms : 0n);
}

function sliceOf(
  slice: number,
  line: LoanHistoryItem & { orderId: number },
  fills: readonly SliceFillRecord[],
  market: SliceMarket | null,
  loanAsset: string,
): LiquidationSlice {
  const own = fills.filter((f) => f.orderId === line.orderId);
  const base = { slice, orderId: line.orderId, at: line.at };
  if (!market || own.length === 0) return { ...base, sold: "0", proceeds: "0", fills: [] };
  const { units } = market;
  return {
    ...base,
    sold: units.quantity(own.reduce((sum, f) => sum + f.qtyLots, 0n)),
    proceeds: units.quote(own.reduce((sum, f) => sum + netProceeds(f, loanAsset), 0n)),
    fills: own.map((f) => ({
      tradeId: f.tradeId,
      price: units.price(f.priceTicks),
      quantity: units.quantity(f.qtyLots),
      quoteAmount: units.quote(f.quoteAtoms),
      fee: units.amount(f.feeAtoms, f.feeAsset),
      feeAsset: f.feeAsset,
      executedAt: f.executedAt,
    })),
  };
}

/**
 * A liquidated loan's split: what was sold and brought in (its fills), the debt it had (the
 * history line before the settlement), and the engine's settlement postings.
 */
async function settlementView(
  db: Services["db"],
  loan: StaffLoanRecord,
  events: readonly LoanEventRecord[],
  sale: { fills: readonly SliceFillRecord[]; market: SliceMarket | null; cp: number; lp: number },
): Promise<LiquidationSettlement> {
  const { fills, market, cp, lp } = sale;
  const settledAt = events.findIndex((e) => e.kind === "LIQUIDATED");
  const before = events[settledAt - 1] ?? { principalAtoms: 0n, interestAtoms: 0n };
  const s = settlementOf(await findSettlementPostings(db, loan.id), {
    ...loan,
    principalAtoms: before.principalAtoms,
    interestAtoms: before.interestAtoms,
  });
  const soldLots = fills.reduce((sum, f) => sum + f.qtyLots, 0n);
  const tradingFees = fills
    .filter((f) => f.feeAsset === loan.loanAsset)
    .reduce((sum, f) => sum + f.feeAtoms, 0n);
  const proceeds = fills.reduce((sum, f) => sum + netProceeds(f, loan.loanAsset), 0n);
  const money = (atoms: bigint) => formatUnits(atoms, lp);
  return {
    sold: formatUnits(soldLots * (market?.lotSizeAtoms ?? 0n), cp),
    proceeds: money(proceeds),
    tradingFees: money(tradingFees),
    debt: money(before.principalAtoms + before.interestAtoms),
    liquidationFee: money(s.feeAtoms),
    liquidationFeeDue: money(s.feeDueAtoms),
    surplus: money(s.surplusAtoms),
    collateralReturned: formatUnits(s.collateralReturnedAtoms, cp),
    shortfall: money(s.shortfallAtoms),
  };
}

/** Each asset's insurance account, the shortfalls it covered in all, and the latest covers. */
export async function insuranceAccount(services: Db): Promise<InsuranceOutput> {
  const [balances, totals, covers] = await Promise.all([
    findInsuranceBalances(services.db),
    findInsuranceCoverTotals(services.db),
    findInsuranceCovers(services.db, INSURANCE_COVERS_SHOWN),
  ]);
  const lookups = new Lookups(services);
  const assets = [...new Set([...balances.map((b) => b.asset), ...totals.keys()])].sort();
  const accounts: InsuranceOutput["accounts"] = [];
  for (const asset of assets) {
    const precision = await lookups.precision(asset);
    const total = totals.get(asset);
    accounts.push({
      asset,
      balance: formatUnits(balances.find((b) => b.asset === asset)?.balanceAtoms ?? 0n, precision),
      coveredCount: total?.count ?? 0,
      covered: formatUnits(total?.totalAtoms ?? 0n, precision),
    });
  }
  const shown: InsuranceOutput["covers"] = [];
  for (const { shortfallAtoms, ...cover } of covers) {
    const precision = await lookups.precision(cover.asset);
    shown.push({ ...cover, shortfall: formatUnits(shortfallAtoms, precision) });
  }
  return { accounts, covers: shown };
}

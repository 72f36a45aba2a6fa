import { amountProblemMessage, formatUnits, parseAmount } from "@exchange/contracts/money";
import { INDEX_MAX_AGE_MS, linePriceAtoms, ltvPpm, minAtoms, RejectCode } from "@exchange/core";
import type { EngineReply } from "@exchange/protocol";
import { clockDate } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import { assertKycLevel } from "../kyc/kyc-levels";
import { isUniqueViolation, type Services } from "../services";
import type {
  BorrowInput,
  BorrowOffer,
  LoanHistoryItem,
  LoanMoveInput,
  LoanQuote,
  LoanQuoteInput,
  MyLoan,
} from "./borrowing-contracts";
import { loanFigures } from "./borrowing-quote";
import {
  dropPendingLoan,
  findAvailableBalance,
  findLatestIndex,
  findLoanByRequestKey,
  findLoanEvents,
  findUserLoan,
  findUserLoans,
  insertPendingLoan,
  type LoanEventRecord,
  type LoanRecord,
  markLoanOpen,
} from "./borrowing-repository";
import { sendLoanAddCollateral, sendLoanOpen, sendLoanRepay } from "./lending-engine";
import { findAssetPrecision, findPoolBalance } from "./pool-repository";
import { equivalentLtvPpm } from "./product-lines";
import { findLoanProduct, findLoanProducts, type LoanProductRecord } from "./product-repository";

/**
 * Borrowing against crypto (seed 004 借贷, issue 19 part 4): the quote a borrower sees before
 * confirming, the borrow itself, repayments and top-ups. This service checks what it can read
 * (product, KYC, bounds, LTV at the recorded index, pool, balance) so that each refusal is
 * clear; the engine checks again at its own index and decides. Every money move is a lending
 * engine command (lending-engine.ts).
 */

const MAX_WORDS = new Set(["max", "all"]);

/** What a quote or borrow works from: the product, both precisions, the fresh index. */
interface Setting {
  product: LoanProductRecord;
  collateralPrecision: number;
  priceAtoms: bigint;
  indexAt: Date;
}

/** The enabled products a borrower may choose, with their terms. */
export async function borrowOffers(services: Pick<Services, "db">): Promise<BorrowOffer[]> {
  const products = (await findLoanProducts(services.db)).filter((p) => p.enabled);
  const offers: BorrowOffer[] = [];
  for (const p of products) {
    const t = p.terms;
    const collateralPrecision = await findAssetPrecision(services.db, t.collateralAsset);
    if (collateralPrecision === null) continue;
    offers.push({
      productId: p.id,
      name: t.name,
      collateralAsset: t.collateralAsset,
      loanAsset: t.loanAsset,
      collateralPrecision,
      loanPrecision: p.loanPrecision,
      initialLtvPpm: t.initialLtvPpm,
      warningLinePpm: t.warningLinePpm,
      liquidationLinePpm: t.effectiveLiquidationLinePpm,
      interestPeriod: t.interestPeriod,
      ratePpm: t.ratePpm,
      termDays: t.termDays,
      minLoan: formatUnits(t.minLoanAtoms, p.loanPrecision),
      maxLoan: formatUnits(t.maxLoanAtoms, p.loanPrecision),
      kycLevel: t.kycLevel,
    });
  }
  return offers;
}

/** The loan a choice would open at the current index; nothing is reserved by asking. */
export async function quoteLoan(services: Services, input: LoanQuoteInput): Promise<LoanQuote> {
  const setting = await settingOf(services, input.productId);
  const { collateralAtoms, principalAtoms } = amountsOf(setting, input);
  return quoteView(setting, collateralAtoms, principalAtoms);
}

/**
 * Opens a loan:
 * 1. the rules that need no lock: product enabled, KYC level, amounts within bounds, LTV within
 *    the initial LTV at the recorded index (fresh), pool and collateral balance as projected;
 * 2. the PENDING loan row with the borrower's request key (a double submit finds it);
 * 3. the engine's loan.open keyed by the loan's id: collateral to `loanCollateral` and the
 *    principal from the pool in one command. Accepted ⇒ OPEN; refused ⇒ the row is dropped and
 *    nothing moved; no answer ⇒ it stays PENDING and the same request finishes it.
 */
export async function borrow(
  services: Services,
  userId: number,
  input: BorrowInput,
): Promise<LoanRecord> {
  const repeat = await findLoanByRequestKey(services.db, userId, input.requestKey);
  if (repeat) return repeat.status === "PENDING" ? settleOpening(services, repeat) : repeat;
  const setting = await settingOf(services, input.productId);
  const { terms } = setting.product;
  await assertKycLevel(services.db, userId, terms.kycLevel, "Borrowing");
  const { collateralAtoms, principalAtoms } = amountsOf(setting, input);
  assertWithinInitialLtv(setting, collateralAtoms, principalAtoms);
  await assertPoolCovers(services, setting, principalAtoms);
  await assertCollateralAvailable(services, userId, setting, collateralAtoms);
  const now = clockDate(services.clock);
  const pending = {
    id: crypto.randomUUID(),
    userId,
    requestKey: input.requestKey,
    productVersionId: setting.product.versionId,
    collateralAsset: terms.collateralAsset,
    loanAsset: terms.loanAsset,
    principalAtoms,
    collateralAtoms,
    initialLtvPpm: terms.initialLtvPpm,
    warningLtvPpm: equivalentLtvPpm(terms.initialLtvPpm, terms.warningLinePpm),
    liquidationLtvPpm: equivalentLtvPpm(terms.initialLtvPpm, terms.effectiveLiquidationLinePpm),
    liquidationFeePpm: terms.liquidationFeePpm,
    openedAt: now,
    maturesAt:
      terms.termDays === null ? null : new Date(now.getTime() + terms.termDays * 86_400_000),
  };
  try {
    await insertPendingLoan(services.db, pending);
  } catch (error) {
    // The same request sent twice at once: the other one recorded it first.
    const first = isUniqueViolation(error)
      ? await findLoanByRequestKey(services.db, userId, input.requestKey)
      : null;
    if (!first) throw error;
    return first.status === "PENDING" ? settleOpening(services, first) : first;
  }
  const record = await findLoanByRequestKey(services.db, userId, input.requestKey);
  if (!record) throw new Error(`lending: loan ${pending.id} vanished`);
  return settleOpening(services, record);
}

/** Sends the PENDING loan's loan.open (again, by the same id) and records the verdict. */
async function settleOpening(services: Services, loan: LoanRecord): Promise<LoanRecord> {
  const outcome = await sendLoanOpen(services, {
    loanId: loan.id,
    userId: loan.userId,
    collateralAsset: loan.collateralAsset,
    collateralAtoms: loan.collateralAtoms,
    loanAsset: loan.loanAsset,
    principalAtoms: loan.principalAtoms,
    initialLtvPpm: loan.initialLtvPpm,
    warningLinePpm: loan.warningLinePpm,
    liquidationLinePpm: loan.effectiveLiquidationLinePpm,
    liquidationFeePpm: loan.liquidationFeePpm,
    maturesAt: loan.maturesAt?.getTime() ?? 0,
  });
  if (outcome.ok) {
    await markLoanOpen(services.db, loan.id);
    return { ...loan, status: loan.status === "PENDING" ? "OPEN" : loan.status };
  }
  await dropPendingLoan(services.db, loan.id);
  throw refusalOf(outcome, loan.collateralAsset);
}

/**
 * Repays part or all of a loan ("all" is the debt as last projected); the engine takes interest
 * first, then principal, and refuses more than owed. Keyed by the request: a double submit
 * repays once.
 */
export async function repayLoan(
  services: Services,
  userId: number,
  input: LoanMoveInput,
): Promise<LoanRecord> {
  const loan = await openLoanOf(services, userId, input.loanId);
  const precision = await precisionOf(services, loan.loanAsset);
  const debt = loan.principalAtoms + loan.interestAtoms;
  const amountAtoms = MAX_WORDS.has(input.amount.toLowerCase())
    ? debt
    : parseField(input.amount, precision, loan.loanAsset, "amount");
  if (amountAtoms > debt) {
    const message = `That is more than you owe (${formatUnits(debt, precision)} ${loan.loanAsset}).`;
    throw new AppError(AppErrorCode.INVALID_INPUT, message, { amount: [message] });
  }
  const available = await findAvailableBalance(services.db, userId, loan.loanAsset);
  if (available < amountAtoms) throw notEnough(loan.loanAsset);
  const outcome = await sendLoanRepay(services, {
    id: `${loan.id}:${input.requestKey}`,
    loanId: loan.id,
    amountAtoms,
  });
  if (!outcome.ok) throw refusalOf(outcome, loan.loanAsset);
  return loan;
}

/** Moves more of the borrower's collateral into an open loan (its LTV falls). */
export async function addLoanCollateral(
  services: Services,
  userId: number,
  input: LoanMoveInput,
): Promise<LoanRecord> {
  const loan = await openLoanOf(services, userId, input.loanId);
  const precision = await precisionOf(services, loan.collateralAsset);
  const amountAtoms = parseField(input.amount, precision, loan.collateralAsset, "amount");
  const available = await findAvailableBalance(services.db, userId, loan.collateralAsset);
  if (available < amountAtoms) throw notEnough(loan.collateralAsset);
  const outcome = await sendLoanAddCollateral(services, {
    id: `${loan.id}:${input.requestKey}`,
    loanId: loan.id,
    amountAtoms,
  });
  if (!outcome.ok) throw refusalOf(outcome, loan.collateralAsset);
  return loan;
}

/** The borrower's loans with their LTV and prices at the latest index. */
export async function myLoans(services: Services, userId: number): Promise<MyLoan[]> {
  const loans = await findUserLoans(services.db, userId);
  const views: MyLoan[] = [];
  for (const loan of loans) views.push(await loanView(services, loan));
  return views;
}

/** One loan's history, oldest first, each step with what it moved. */
export async function myLoanHistory(
  services: Services,
  userId: number,
  loanId: string,
): Promise<LoanHistoryItem[]> {
  const loan = await findUserLoan(services.db, userId, loanId);
  if (!loan) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan.");
  const [cp, lp] = await Promise.all([
    precisionOf(services, loan.collateralAsset),
    precisionOf(services, loan.loanAsset),
  ]);
  return historyItems(await findLoanEvents(services.db, loan.id), cp, lp);
}

/**
 * A loan's history lines as pages show them (collateral in `cp` decimals, the loan asset's
 * amounts in `lp`), each with what it moved: the difference from the line before.
 */
export function historyItems(
  events: readonly LoanEventRecord[],
  cp: number,
  lp: number,
): LoanHistoryItem[] {
  const zero = { principalAtoms: 0n, interestAtoms: 0n, collateralAtoms: 0n, proceedsAtoms: 0n };
  return events.map((e, i) => {
    const before = events[i - 1] ?? zero;
    return {
      kind: e.kind as LoanHistoryItem["kind"],
      at: e.at,
      principal: formatUnits(e.principalAtoms, lp),
      interest: formatUnits(e.interestAtoms, lp),
      collateral: formatUnits(e.collateralAtoms, cp),
      proceeds: formatUnits(e.proceedsAtoms, lp),
      principalChange: formatUnits(e.principalAtoms - before.principalAtoms, lp),
      interestChange: formatUnits(e.interestAtoms - before.interestAtoms, lp),
      collateralChange: formatUnits(e.collateralAtoms - before.collateralAtoms, cp),
      proceedsChange: formatUnits(e.proceedsAtoms - before.proceedsAtoms, lp),
      orderId: e.orderId,
    };
  });
}

async function loanView(services: Services, loan: LoanRecord): Promise<MyLoan> {
  const [cp, lp] = await Promise.all([
    precisionOf(services, loan.collateralAsset),
    precisionOf(services, loan.loanAsset),
  ]);
  const index = await findLatestIndex(services.db, loan.collateralAsset, loan.loanAsset);
  const debt = loan.principalAtoms + loan.interestAtoms;
  const C = loan.collateralAtoms;
  const initial = BigInt(loan.initialLtvPpm);
  const line = (linePpm: number) => linePriceAtoms(debt, C, cp, initial, BigInt(linePpm));
  const ltv = index && C > 0n ? Number(ltvPpm(debt, C, index.priceAtoms, cp)) : null;
  return {
    id: loan.id,
    productName: loan.productName,
    status: loan.status,
    collateralAsset: loan.collateralAsset,
    loanAsset: loan.loanAsset,
    principal: formatUnits(loan.principalAtoms, lp),
    interest: formatUnits(loan.interestAtoms, lp),
    debt: formatUnits(debt, lp),
    collateral: formatUnits(C, cp),
    proceeds: formatUnits(loan.proceedsAtoms, lp),
    initialLtvPpm: loan.initialLtvPpm,
    warningLtvPpm: loan.warningLtvPpm,
    liquidationLtvPpm: loan.liquidationLtvPpm,
    ltvPpm: ltv,
    indexPrice: index ? formatUnits(index.priceAtoms, lp) : null,
    warningPrice: formatUnits(line(loan.warningLinePpm), lp),
    liquidationPrice: formatUnits(line(loan.effectiveLiquidationLinePpm), lp),
    openedAt: loan.openedAt,
    maturesAt: loan.maturesAt,
    closedAt: loan.closedAt,
  };
}

async function settingOf(services: Services, productId: number): Promise<Setting> {
  const product = await findLoanProduct(services.db, productId);
  if (!product?.enabled) {
    throw new AppError(AppErrorCode.NOT_FOUND, "This loan product is not available.");
  }
  const { collateralAsset, loanAsset } = product.terms;
  const collateralPrecision = await precisionOf(services, collateralAsset);
  const index = await findLatestIndex(services.db, collateralAsset, loanAsset);
  if (!index || services.clock.now() - index.at.getTime() > INDEX_MAX_AGE_MS) {
    throw new AppError(
      AppErrorCode.LENDING_PAUSED,
      "The price index is stale; borrowing is paused.",
    );
  }
  return { product, collateralPrecision, priceAtoms: index.priceAtoms, indexAt: index.at };
}

/** The collateral and loan typed, in atoms; "max" borrows the most the LTV and product allow. */
function amountsOf(setting: Setting, input: LoanQuoteInput) {
  const { terms, loanPrecision } = setting.product;
  const collateralAtoms = parseField(
    input.collateral,
    setting.collateralPrecision,
    terms.collateralAsset,
    "collateral",
  );
  const principalAtoms = MAX_WORDS.has(input.loan.toLowerCase())
    ? maxLoanOf(setting, collateralAtoms)
    : parseField(input.loan, loanPrecision, terms.loanAsset, "loan");
  const show = (atoms: bigint) => `${formatUnits(atoms, loanPrecision)} ${terms.loanAsset}`;
  if (principalAtoms < terms.minLoanAtoms) {
    throw fieldError("loan", `The least you can borrow is ${show(terms.minLoanAtoms)}.`);
  }
  if (principalAtoms > terms.maxLoanAtoms) {
    throw fieldError("loan", `The most you can borrow at once is ${show(terms.maxLoanAtoms)}.`);
  }
  return { collateralAtoms, principalAtoms };
}

function maxLoanOf(setting: Setting, collateralAtoms: bigint): bigint {
  const { terms } = setting.product;
  const most = loanFigures(
    terms,
    setting.collateralPrecision,
    collateralAtoms,
    0n,
    setting.priceAtoms,
  ).maxPrincipalAtoms;
  return minAtoms(most, terms.maxLoanAtoms);
}

function quoteView(setting: Setting, collateralAtoms: bigint, principalAtoms: bigint): LoanQuote {
  const { terms, loanPrecision: lp } = setting.product;
  const cp = setting.collateralPrecision;
  const f = loanFigures(terms, cp, collateralAtoms, principalAtoms, setting.priceAtoms);
  const money = (atoms: bigint) => formatUnits(atoms, lp);
  return {
    productId: setting.product.id,
    collateralAsset: terms.collateralAsset,
    loanAsset: terms.loanAsset,
    collateral: formatUnits(collateralAtoms, cp),
    loan: money(principalAtoms),
    maxLoan: money(maxLoanOf(setting, collateralAtoms)),
    indexPrice: money(setting.priceAtoms),
    indexAt: setting.indexAt.getTime(),
    ltvPpm: Number(f.ltvPpm),
    initialLtvPpm: terms.initialLtvPpm,
    warningPrice: money(f.warningPriceAtoms),
    liquidationPrice: money(f.liquidationPriceAtoms),
    bankruptcyPrice: money(f.bankruptcyPriceAtoms),
    interestPeriod: terms.interestPeriod,
    interestPerPeriod: money(f.interestPerPeriodAtoms),
    interestForTerm: f.interestForTermAtoms === null ? null : money(f.interestForTermAtoms),
    termDays: terms.termDays,
  };
}

function assertWithinInitialLtv(setting: Setting, collateralAtoms: bigint, principal: bigint) {
  if (principal <= maxLoanOf(setting, collateralAtoms)) return;
  const { terms, loanPrecision } = setting.product;
  const most = formatUnits(maxLoanOf(setting, collateralAtoms), loanPrecision);
  const message = `This is above the initial LTV: with this collateral you can borrow at most ${most} ${terms.loanAsset}.`;
  throw new AppError(AppErrorCode.LOAN_LTV_EXCEEDED, message, { loan: [message] });
}

async function assertPoolCovers(services: Services, setting: Setting, principal: bigint) {
  const { terms, loanPrecision } = setting.product;
  const pool = await findPoolBalance(services.db, terms.loanAsset);
  if (pool >= principal) return;
  const message = `The lending pool can lend at most ${formatUnits(pool, loanPrecision)} ${terms.loanAsset} now.`;
  throw new AppError(AppErrorCode.LOAN_POOL_INSUFFICIENT, message, { loan: [message] });
}

async function assertCollateralAvailable(
  services: Services,
  userId: number,
  setting: Setting,
  collateralAtoms: bigint,
) {
  const asset = setting.product.terms.collateralAsset;
  const available = await findAvailableBalance(services.db, userId, asset);
  if (available < collateralAtoms) throw notEnough(asset, "collateral");
}

async function openLoanOf(services: Services, userId: number, loanId: string) {
  const loan = await findUserLoan(services.db, userId, loanId);
  if (!loan) throw new AppError(AppErrorCode.NOT_FOUND, "No such loan.");
  if (loan.status !== "OPEN") {
    throw new AppError(AppErrorCode.LOAN_STATE, "This loan is not open: it cannot be changed now.");
  }
  return loan;
}

async function precisionOf(services: Pick<Services, "db">, asset: string): Promise<number> {
  const precision = await findAssetPrecision(services.db, asset);
  if (precision === null) throw new Error(`lending: no asset ${asset}`);
  return precision;
}

function parseField(text: string, precision: number, asset: string, field: string): bigint {
  const parsed = parseAmount(text, precision);
  if ("problem" in parsed) {
    throw fieldError(field, amountProblemMessage(parsed.problem, asset, precision));
  }
  if (parsed.atoms <= 0n) throw fieldError(field, "Enter an amount above zero.");
  return parsed.atoms;
}

function fieldError(field: string, message: string): AppError {
  return new AppError(AppErrorCode.INVALID_INPUT, message, { [field]: [message] });
}

function notEnough(asset: string, field = "amount"): AppError {
  const message = `Your available ${asset} does not cover this amount.`;
  return new AppError(AppErrorCode.INSUFFICIENT_BALANCE, message, { [field]: [message] });
}

/** The engine's refusal, said as the borrower's page says it. */
function refusalOf(outcome: Extract<EngineReply["outcome"], { ok: false }>, asset: string) {
  switch (outcome.code) {
    case RejectCode.IndexMissing:
    case RejectCode.IndexStale:
      return new AppError(
        AppErrorCode.LENDING_PAUSED,
        "The price index is stale; borrowing is paused.",
      );
    case RejectCode.LtvAboveInitial:
      return new AppError(
        AppErrorCode.LOAN_LTV_EXCEEDED,
        "This is above the initial LTV at the current price.",
      );
    case RejectCode.LoanPoolInsufficient:
      return new AppError(
        AppErrorCode.LOAN_POOL_INSUFFICIENT,
        "The lending pool cannot cover this loan now.",
      );
    case RejectCode.InsufficientBalance:
      return notEnough(asset);
    case RejectCode.RepayAboveDebt:
      return fieldError("amount", "That is more than you owe.");
    case RejectCode.LoanNotOpen:
    case RejectCode.LoanNotFound:
      return new AppError(
        AppErrorCode.LOAN_STATE,
        "This loan is not open: it cannot be changed now.",
      );
    default:
      return new AppError(AppErrorCode.INVALID_INPUT, `The loan was refused: ${outcome.message}.`);
  }
}

/** The borrower's procedures answer with the loan as the page shows it. */
export async function borrowAsTrader(services: Services, userId: number, input: BorrowInput) {
  return loanView(services, await borrow(services, userId, input));
}

export async function repayAsTrader(services: Services, userId: number, input: LoanMoveInput) {
  return loanView(services, await repayLoan(services, userId, input));
}

export async function addCollateralAsTrader(
  services: Services,
  userId: number,
  input: LoanMoveInput,
) {
  return loanView(services, await addLoanCollateral(services, userId, input));
}

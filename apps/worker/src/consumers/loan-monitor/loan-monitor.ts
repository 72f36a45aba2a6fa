import { BID_FIELD_PREFIX, marketDataKeys } from "@exchange/contracts/market-data-keys";
import { formatUnits, parseUnits } from "@exchange/contracts/money";
import { type LoanStatus, ltvPpm, RejectCode } from "@exchange/core";
import {
  sendLoanLiquidate,
  sendLoanLiquidationSell,
} from "@exchange/domains/lending/lending-engine";
import type { Journal } from "@exchange/journal";
import {
  type BusKeys,
  type Clock,
  type CommandOutcome,
  commandIds,
  type EngineClient,
  type Logger,
  readOutcome,
} from "@exchange/protocol";
import type { Redis } from "ioredis";
import type pg from "pg";
import type { Consumer, EntryRange } from "../consumer";
import type { OutcomeRecord } from "../projector/outcome-batch";
import { OutcomeSource } from "../projector/outcome-source";
import { type BookBid, planSlice, sliceCap } from "./liquidation-slices";
import { debtAtoms, liquidationPriceAtoms, PairWatch, type WatchedLoan } from "./loan-watch";
import {
  findLiquidationMarket,
  insertNotification,
  isBelowBankruptcyApproved,
  loadLiveLoans,
  loadLoanTerms,
  readMonitorOffset,
  recordRearm,
  recordWarning,
  saveMonitorOffset,
} from "./monitor-store";

export interface LoanMonitorDeps {
  pool: pg.Pool;
  /** A connection of its own: the monitor blocks on it reading engine.events. */
  redis: Redis;
  keys: BusKeys;
  prefix: string;
  journal: Journal;
  engine: EngineClient;
  clock: Clock;
  log: Logger;
}

type LoanChanged = Extract<CommandOutcome["events"][number], { type: "loan.changed" }>;

/** A liquidation in hand: the loan as the engine last reported it and its slices sold. */
interface Liquidation {
  loan: WatchedLoan;
  slices: number;
  /**
   * The most one slice sells, fixed when the monitor took the liquidation in hand (after a
   * restart, from the collateral then left: only the slices' sizes differ, never what is owed).
   */
  sliceCapAtoms: bigint;
  /** Waiting for bids above the bankruptcy price or an operator's approval (logged once). */
  waiting: boolean;
}

/**
 * The loan monitor (issue 19 part 5), a consumer of `engine.events` with its own offset. It
 * keeps the open loans from the engine's `loan.changed` events (their terms from the `loans`
 * read model, which never change) and, on every `index.changed`, judges the loans of that pair
 * (`PairWatch`: only those whose line the price reached). Crossing the warning line: a
 * notification, mailed in the reader's language, once per crossing (`loan_warning_states`).
 * Crossing the effective liquidation line: `loan.liquidate` (reason ltv), then slices of
 * `loan.liquidationSell`, each sent after the previous one was answered, until the engine
 * reports the loan liquidated. Every command's id derives from the loan (and the slice), so a
 * restart resends what it had in hand, answered from the journal, and goes on from the engine's
 * slice count. A stale index: the engine refuses, the monitor tries again at the next index.
 */
export class LoanMonitor implements Consumer {
  readonly name = "loan-monitor";
  readonly boundedSteps = true;
  readonly batchMax = 1_000;
  private stopping = false;
  private offset = 0;
  private entries: EntryRange | undefined;
  private source: OutcomeSource | undefined;
  private readonly pairs = new Map<string, PairWatch>();
  private readonly liquidations = new Map<string, Liquidation>();
  private readonly indices = new Map<string, bigint>();
  /** Loans seen in events before the read model had their terms: looked up again each step. */
  private readonly unknown = new Map<string, LoanChanged>();
  private readonly toLiquidate = new Set<string>();

  constructor(private readonly deps: LoanMonitorDeps) {}

  get processedSeq(): number {
    return this.offset;
  }

  get inHand(): EntryRange | undefined {
    return this.entries;
  }

  stop(): void {
    this.stopping = true;
  }

  async start(): Promise<void> {
    this.pairs.clear();
    this.liquidations.clear();
    this.unknown.clear();
    this.toLiquidate.clear();
    this.offset = await readMonitorOffset(this.deps.pool);
    for (const { loan, slices } of await loadLiveLoans(this.deps.pool)) this.track(loan, slices);
    this.deps.log.info("loan monitor started", {
      fromSeq: this.offset + 1,
      open: [...this.pairs.values()].reduce((n, w) => n + w.size, 0),
      liquidating: this.liquidations.size,
    });
    this.source = new OutcomeSource(this.deps, this.offset + 1);
  }

  async step(maxEntries: number): Promise<boolean> {
    if (this.stopping) return false;
    const records = await (this.source as OutcomeSource).next(maxEntries);
    const first = records[0];
    const last = records.at(-1);
    if (first && last) {
      this.entries = { fromSeq: first.seq, toSeq: last.seq };
      await this.applyRecords(records);
    }
    await this.resolveUnknown();
    await this.startLiquidations();
    await this.driveLiquidations();
    if (last) {
      await saveMonitorOffset(this.deps.pool, last.seq);
      this.offset = last.seq;
      this.entries = undefined;
    }
    return !this.stopping;
  }

  private async applyRecords(records: readonly OutcomeRecord[]): Promise<void> {
    const touched = new Set<string>();
    for (const record of records) {
      for (const event of record.outcome.events) {
        if (event.type === "loan.changed") await this.onLoanChanged(event);
        if (event.type === "index.changed") {
          const pair = pairKey(event.asset, event.quote);
          this.indices.set(pair, event.priceAtoms);
          touched.add(pair);
        }
      }
    }
    // One judgement per pair per batch, at its latest index: a burst of ticks warns once.
    for (const pair of touched) await this.judge(pair);
  }

  private async onLoanChanged(event: LoanChanged): Promise<void> {
    const known = this.findLoan(event.loanId);
    if (!known) {
      // The loan's latest event counts: one that ended since (a replay after a lost offset
      // reads a loan's whole life in one batch) is watched no more.
      if (isLive(event.status)) this.unknown.set(event.loanId, event);
      else this.unknown.delete(event.loanId);
      return;
    }
    // Amounts only: slices and fills are counted from the replies to the monitor's own sends
    // (the stream may bring an event older than a reply already applied).
    const liquidation = this.liquidations.get(event.loanId);
    this.track({ ...known, ...amountsOf(event) }, liquidation?.slices ?? 0);
  }

  private findLoan(loanId: string): WatchedLoan | undefined {
    const liquidating = this.liquidations.get(loanId);
    if (liquidating) return liquidating.loan;
    for (const watch of this.pairs.values()) {
      const loan = watch.get(loanId);
      if (loan) return loan;
    }
    return undefined;
  }

  /** Puts a loan where its status says: watched (open), liquidating, or nowhere (ended). */
  private track(loan: WatchedLoan, slices: number): void {
    const pair = pairKey(loan.collateralAsset, loan.loanAsset);
    let watch = this.pairs.get(pair);
    if (!watch) {
      watch = new PairWatch();
      this.pairs.set(pair, watch);
    }
    watch.put(loan);
    if (loan.status === "liquidating") {
      const held = this.liquidations.get(loan.loanId);
      this.liquidations.set(loan.loanId, {
        loan,
        slices: held ? held.slices : slices,
        sliceCapAtoms: held?.sliceCapAtoms ?? sliceCap(loan.collateralAtoms),
        waiting: held?.waiting ?? false,
      });
    } else {
      this.liquidations.delete(loan.loanId);
    }
  }

  /** Loans whose terms the read model lacked: taken in once it has them. */
  private async resolveUnknown(): Promise<void> {
    for (const [loanId, event] of this.unknown) {
      const terms = await loadLoanTerms(this.deps.pool, loanId);
      if (!terms) continue;
      this.unknown.delete(loanId);
      // Closed or liquidated for good in the read model: the event was from its past.
      if (terms.loan.status === "closed" || terms.loan.status === "liquidated") continue;
      this.track({ ...terms.loan, ...amountsOf(event) }, terms.slices);
      const pair = pairKey(event.collateralAsset, event.loanAsset);
      if (this.indices.has(pair)) await this.judge(pair);
    }
  }

  private async judge(pair: string): Promise<void> {
    const price = this.indices.get(pair);
    const watch = this.pairs.get(pair);
    if (price === undefined || !watch) return;
    const verdict = watch.judge(price);
    for (const loan of verdict.warn) {
      await recordWarning(this.deps.pool, loan, warningParams(loan, price));
      watch.markWarned(loan.loanId, true);
    }
    for (const loan of verdict.rearm) {
      await recordRearm(this.deps.pool, loan.loanId);
      watch.markWarned(loan.loanId, false);
    }
    for (const loan of verdict.liquidate) this.toLiquidate.add(loan.loanId);
  }

  /** `loan.liquidate` for each loan past its line; the engine decides on its own index. */
  private async startLiquidations(): Promise<void> {
    for (const loanId of this.toLiquidate) {
      this.toLiquidate.delete(loanId);
      const outcome = await sendLoanLiquidate(this.deps, { loanId, reason: "ltv" });
      if (outcome.ok) await this.applyReply(outcome);
      else this.deps.log.info("loan monitor: liquidation refused", { loanId, ...refusal(outcome) });
    }
  }

  /** One slice per liquidating loan per step, each after the previous one was answered. */
  private async driveLiquidations(): Promise<void> {
    for (const liquidation of [...this.liquidations.values()]) {
      await this.sellNextSlice(liquidation);
    }
  }

  private async sellNextSlice(liquidation: Liquidation): Promise<void> {
    const { loan } = liquidation;
    const pair = pairKey(loan.collateralAsset, loan.loanAsset);
    const market = await findLiquidationMarket(
      this.deps.pool,
      loan.collateralAsset,
      loan.loanAsset,
    );
    const index = this.indices.get(pair);
    if (!market || index === undefined) return;
    const approved = await isBelowBankruptcyApproved(this.deps.pool, loan.loanId);
    const plan = planSlice({
      debtAtoms: debtAtoms(loan),
      liquidationFeePpm: loan.liquidationFeePpm,
      proceedsAtoms: loan.proceedsAtoms,
      collateralAtoms: loan.collateralAtoms,
      sliceCapAtoms: liquidation.sliceCapAtoms,
      collateralPrecision: loan.collateralPrecision,
      indexPriceAtoms: index,
      bids: await this.bids(market),
      lotSizeAtoms: market.lotSizeAtoms,
      minQtyAtoms: market.minQtyAtoms,
      tickSizeAtoms: market.tickSizeAtoms,
      minNotionalAtoms: market.minNotionalAtoms,
      belowBankruptcyApproved: approved,
    });
    if (plan.kind === "wait") {
      if (!liquidation.waiting) {
        this.deps.log.warn("loan monitor: liquidation waits for bids or an approval", {
          loanId: loan.loanId,
          bankruptcyPrice: plan.bankruptcyPriceAtoms.toString(),
        });
      }
      liquidation.waiting = true;
      return;
    }
    liquidation.waiting = false;
    const sentSlice = liquidation.slices + 1;
    const outcome = await sendLoanLiquidationSell(this.deps, {
      loanId: loan.loanId,
      slice: sentSlice,
      qtyAtoms: plan.qtyAtoms,
      limitPriceAtoms: plan.limitPriceAtoms,
      belowBankruptcyApproved: approved,
    });
    if (outcome.ok) {
      liquidation.slices = Math.max(liquidation.slices, sentSlice);
      await this.applyReply(outcome, { liquidation, lotSizeAtoms: market.lotSizeAtoms });
      return;
    }
    if (outcome.code === RejectCode.SliceOutOfOrder) {
      // The engine's count is the truth (a restart before the read model caught up).
      const next = Number(/is (\d+)$/.exec(outcome.message)?.[1]);
      if (Number.isSafeInteger(next) && next > 0) liquidation.slices = next - 1;
      return;
    }
    this.deps.log.warn("loan monitor: slice refused", { loanId: loan.loanId, ...refusal(outcome) });
  }

  /** The loan.changed of a command's reply, applied at once (the stream repeats it, harmlessly). */
  private async applyReply(
    outcome: Extract<CommandOutcome, { ok: true }>,
    sale?: { liquidation: Liquidation; lotSizeAtoms: bigint },
  ): Promise<void> {
    const liquidation = sale?.liquidation;
    for (const event of outcome.events) {
      if (event.type !== "loan.changed") continue;
      const known = this.findLoan(event.loanId);
      if (!known) continue;
      const loan = { ...known, ...amountsOf(event) };
      if (loan.status === "liquidated" && sale) {
        await this.announceLiquidated(loan, sale, settlementOf(outcome, loan));
      }
      this.track(loan, liquidation?.slices ?? 0);
    }
  }

  /** The book's bids from the market-data snapshot in Redis, best first. */
  private async bids(market: {
    symbol: string;
    basePrecision: number;
    quotePrecision: number;
  }): Promise<BookBid[]> {
    const depth = await this.deps.redis.hgetall(
      marketDataKeys(this.deps.prefix).depth(market.symbol),
    );
    const bids: BookBid[] = [];
    for (const [field, value] of Object.entries(depth)) {
      if (!field.startsWith(BID_FIELD_PREFIX)) continue;
      const [price = "0", qty = "0"] = value.split(":");
      bids.push({
        priceAtoms: parseUnits(price, market.quotePrecision),
        qtyAtoms: parseUnits(qty, market.basePrecision),
      });
    }
    return bids.sort((a, b) => (a.priceAtoms > b.priceAtoms ? -1 : 1));
  }

  /** The liquidation's notification (mailed by the notifier), once per loan. */
  private async announceLiquidated(
    loan: WatchedLoan,
    sale: { liquidation: Liquidation; lotSizeAtoms: bigint },
    settlement: { surplusAtoms: bigint; collateralReturnedAtoms: bigint },
  ): Promise<void> {
    const sales = await salesOfSlices(
      this.deps.journal,
      loan,
      sale.liquidation.slices,
      sale.lotSizeAtoms,
    );
    await insertNotification(
      this.deps.pool,
      loan.userId,
      "loan.liquidated",
      {
        collateralAsset: loan.collateralAsset,
        loanAsset: loan.loanAsset,
        sold: formatUnits(sales.soldAtoms, loan.collateralPrecision),
        fills: String(sales.fills),
        surplus: formatUnits(settlement.surplusAtoms, loan.loanPrecision),
        collateralReturned: formatUnits(
          settlement.collateralReturnedAtoms,
          loan.collateralPrecision,
        ),
      },
      { key: `loan.liquidated:${loan.loanId}` },
    );
  }
}

/**
 * What a liquidation's slices sold, from their outcomes in the journal: every slice, also those
 * sold before a restart (a count kept in memory would start again from zero).
 */
async function salesOfSlices(
  journal: Journal,
  loan: WatchedLoan,
  slices: number,
  lotSizeAtoms: bigint,
): Promise<{ soldAtoms: bigint; fills: number }> {
  const ids = Array.from({ length: slices }, (_, i) =>
    commandIds.loanLiquidationSell(loan.loanId, i + 1),
  );
  let soldAtoms = 0n;
  let fills = 0;
  for (const { outcome } of (await journal.findByCommandIds(ids)).values()) {
    const read = readOutcome(JSON.parse(outcome));
    if (!read.ok) continue;
    for (const event of read.events) {
      if (event.type !== "trade" || event.takerUserId !== loan.userId) continue;
      soldAtoms += event.qtyLots * lotSizeAtoms;
      fills += 1;
    }
  }
  return { soldAtoms, fills };
}

/**
 * What the settling slice gave back to the borrower: the credits to their available balance in
 * the settlement's postings (the last `balance.changed` of the reply).
 */
function settlementOf(
  outcome: Extract<CommandOutcome, { ok: true }>,
  loan: WatchedLoan,
): { surplusAtoms: bigint; collateralReturnedAtoms: bigint } {
  const changes = outcome.events.filter((e) => e.type === "balance.changed");
  const last = changes.at(-1);
  const credited = (asset: string) =>
    (last?.postings ?? [])
      .filter((p) => p.userId === loan.userId && p.asset === asset && p.amountAtoms > 0n)
      .reduce((sum, p) => sum + p.amountAtoms, 0n);
  return {
    surplusAtoms: credited(loan.loanAsset),
    collateralReturnedAtoms: credited(loan.collateralAsset),
  };
}

/** Open or liquidating: a loan the monitor watches or sells for. */
function isLive(status: string): boolean {
  return status === "open" || status === "liquidating";
}

function pairKey(asset: string, quote: string): string {
  return `${asset}/${quote}`;
}

function amountsOf(event: LoanChanged) {
  return {
    status: event.status as LoanStatus,
    principalAtoms: event.principalAtoms,
    interestAtoms: event.interestAtoms,
    collateralAtoms: event.collateralAtoms,
    proceedsAtoms: event.proceedsAtoms,
  };
}

function refusal(outcome: CommandOutcome): { code?: number; message?: string } {
  return outcome.ok ? {} : { code: outcome.code, message: outcome.message };
}

/** The warning's facts as the reader sees them: prices in the loan asset, the LTV in percent. */
function warningParams(loan: WatchedLoan, price: bigint): Record<string, string> {
  const ltv = ltvPpm(debtAtoms(loan), loan.collateralAtoms, price, loan.collateralPrecision);
  return {
    collateralAsset: loan.collateralAsset,
    loanAsset: loan.loanAsset,
    ltv: formatUnits(ltv, 4),
    indexPrice: formatUnits(price, loan.loanPrecision),
    liquidationPrice: formatUnits(liquidationPriceAtoms(loan), loan.loanPrecision),
  };
}

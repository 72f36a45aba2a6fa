import type { Command } from "../commands";
import type { CommandResult } from "../events";
import type { LoanStatus } from "../modules/lending/loan";
import type { Prng } from "./prng";

/**
 * The lending part of the simulation's workload: index prices that follow the simulated
 * markets, whose price now and then gaps 30 % down — straight through every liquidation line,
 * and often below the bankruptcy price of loans near their initial LTV — or 30 % up; loans opened around and above the initial LTV, accrued, repaid in part
 * or in full (now and then above the debt), topped up, liquidated on LTV or at maturity, and
 * sold off in slices — in order and out of it, below the bankruptcy price with and without
 * approval. It learns the loans from their `loan.changed` events only.
 */

interface PairModel {
  asset: string;
  quote: string;
  symbol: string;
  precision: number;
  tickSizeAtoms: bigint;
  lotSizeAtoms: bigint;
  /** The last index sent, and its time. */
  priceAtoms: bigint;
  at: number;
}

interface LoanModel {
  loanId: string;
  userId: number;
  pair: PairModel;
  status: LoanStatus;
  principalAtoms: bigint;
  interestAtoms: bigint;
  collateralAtoms: bigint;
  slicesSold: number;
  accruals: number;
}

/** What the lending generator needs of the simulation's generator. */
export interface LendingContext {
  envelope(): { id: string; ts: number };
  user(): number;
  /** The market's current mid price in ticks. */
  midTicks(symbol: string): number;
  /** Moves the market's mid price by `percent` (a gap in the simulated market). */
  gap(symbol: string, percent: number): void;
  /** Moves the clock forward (an index left to go stale). */
  advance(ms: number): void;
  /** A fresh business key of `business`, or now and then one used before. */
  businessKey(business: string): { business: string; businessId: string };
}

/** USDT lent by the pool at the start (the setup's transfer). */
export const SIM_LOAN_POOL_ATOMS = 200_000_000n;

export class LendingGenerator {
  private readonly prng: Prng;
  private readonly ctx: LendingContext;
  private readonly pairs: PairModel[] = [
    pair("BTC", "USDT", "BTCUSDT", 8, 10_000n, 10_000n),
    pair("ETH", "USDT", "ETHUSDT", 18, 10_000n, 10n ** 15n),
  ];
  private readonly loans = new Map<string, LoanModel>();
  private count = 0;

  constructor(prng: Prng, ctx: LendingContext) {
    this.prng = prng;
    this.ctx = ctx;
  }

  next(): Command {
    this.count += 1;
    const draw = this.prng.next();
    if (draw < 0.3) return this.indexSet();
    if (draw < 0.45) return this.open();
    const loan = this.pickLoan();
    if (loan === undefined) return this.open();
    if (loan.status === "liquidating") return this.liquidationSell(loan);
    if (draw < 0.57) return this.accrue(loan);
    if (draw < 0.7) return this.repay(loan);
    if (draw < 0.76) return this.addCollateral(loan);
    return this.liquidate(loan);
  }

  /** Learns loans from accepted lending results. */
  observe(command: Command, result: CommandResult): void {
    if (!result.accepted || result.repeated) return;
    if (command.type === "index.set") {
      const p = this.pairs.find((x) => x.asset === command.asset && x.quote === command.quote);
      if (p !== undefined) {
        p.priceAtoms = command.priceAtoms;
        p.at = command.at;
      }
    }
    for (const event of result.events) {
      if (event.type !== "loan.changed") continue;
      const pairOf = this.pairs.find((p) => p.asset === event.collateralAsset) as PairModel;
      const loan = this.loans.get(event.loanId) ?? {
        loanId: event.loanId,
        userId: event.userId,
        pair: pairOf,
        status: event.status,
        principalAtoms: 0n,
        interestAtoms: 0n,
        collateralAtoms: 0n,
        slicesSold: 0,
        accruals: 0,
      };
      loan.status = event.status;
      loan.principalAtoms = event.principalAtoms;
      loan.interestAtoms = event.interestAtoms;
      loan.collateralAtoms = event.collateralAtoms;
      this.loans.set(loan.loanId, loan);
      if (event.status === "closed" || event.status === "liquidated") {
        this.loans.delete(loan.loanId);
      }
    }
    if (command.type === "loan.liquidationSell") {
      const loan = this.loans.get(command.loanId);
      if (loan !== undefined) loan.slicesSold = command.slice;
    }
  }

  private pickLoan(): LoanModel | undefined {
    if (this.loans.size === 0) return undefined;
    return this.prng.pick([...this.loans.values()]);
  }

  private indexSet(): Command {
    const p = this.prng.pick(this.pairs);
    if (this.prng.chance(0.05)) this.ctx.gap(p.symbol, this.prng.chance(0.5) ? -30 : 30);
    const mid = BigInt(this.ctx.midTicks(p.symbol)) * p.tickSizeAtoms;
    const priceAtoms = this.prng.chance(0.01) ? 0n : mid;
    // Now and then the worker falls silent: the index goes stale.
    if (this.prng.chance(0.01)) this.ctx.advance(31_000);
    const env = this.ctx.envelope();
    // Now and then a sample no newer than the one held (refused).
    const at = this.prng.chance(0.03) ? p.at - this.prng.int(0, 1) : env.ts;
    return {
      type: "index.set",
      ...env,
      business: "index.set",
      businessId: `${p.asset}:${p.quote}:${at}`,
      asset: p.asset,
      quote: p.quote,
      priceAtoms,
      at,
    };
  }

  private open(): Command {
    const p = this.prng.pick(this.pairs);
    const collateralAtoms = this.prng.bigint(1, 150) * p.lotSizeAtoms;
    const value = (collateralAtoms * p.priceAtoms) / 10n ** BigInt(p.precision);
    // Mostly within the 80 % initial LTV, now and then just above it.
    const ltvPpm = this.prng.chance(0.1)
      ? this.prng.bigint(800_001, 900_000)
      : this.prng.bigint(300_000, 800_000);
    const principal = (value * ltvPpm) / 1_000_000n;
    const env = this.ctx.envelope();
    const loanId =
      this.prng.chance(0.02) && this.loans.size > 0
        ? (this.pickLoan() as LoanModel).loanId
        : `loan-${this.count}`;
    return {
      type: "loan.open",
      ...env,
      ...this.ctx.businessKey("loan.open"),
      loanId,
      userId: this.ctx.user(),
      collateralAsset: p.asset,
      collateralAtoms,
      loanAsset: p.quote,
      principalAtoms: principal > 0n ? principal : 1n,
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: this.prng.chance(0.5) ? 820_000 : 830_000,
      liquidationFeePpm: this.prng.chance(0.8) ? 10_000 : 0,
      maturesAt: this.prng.chance(0.3) ? env.ts + this.prng.int(0, 3_000) : 0,
    };
  }

  private accrue(loan: LoanModel): Command {
    // One period at up to 1 % of the principal, rounded up; now and then a period again.
    const period = this.prng.chance(0.05) ? Math.max(1, loan.accruals) : loan.accruals + 1;
    loan.accruals = Math.max(loan.accruals, period);
    const rate = this.prng.bigint(1, 10_000);
    const interestAtoms = (loan.principalAtoms * rate + 999_999n) / 1_000_000n;
    const accrualId = `${loan.loanId}:${period}`;
    return {
      type: "loan.accrue",
      ...this.ctx.envelope(),
      business: "loan.accrue",
      businessId: accrualId,
      loanId: loan.loanId,
      accrualId,
      interestAtoms: interestAtoms > 0n ? interestAtoms : 1n,
    };
  }

  private repay(loan: LoanModel): Command {
    const debt = loan.principalAtoms + loan.interestAtoms;
    const draw = this.prng.next();
    const amountAtoms =
      draw < 0.2 ? debt : draw < 0.9 ? 1n + debt / this.prng.bigint(2, 10) : debt + 1n;
    const key = this.ctx.businessKey("loan.repay");
    return {
      type: "loan.repay",
      ...this.ctx.envelope(),
      ...key,
      loanId: loan.loanId,
      repaymentId: key.businessId,
      amountAtoms,
    };
  }

  private addCollateral(loan: LoanModel): Command {
    const key = this.ctx.businessKey("loan.addCollateral");
    return {
      type: "loan.addCollateral",
      ...this.ctx.envelope(),
      ...key,
      loanId: loan.loanId,
      topUpId: key.businessId,
      amountAtoms: this.prng.bigint(1, 50) * loan.pair.lotSizeAtoms,
    };
  }

  private liquidate(loan: LoanModel): Command {
    return {
      type: "loan.liquidate",
      ...this.ctx.envelope(),
      business: "loan.liquidate",
      businessId: loan.loanId,
      loanId: loan.loanId,
      reason: this.prng.chance(0.7) ? "ltv" : "maturity",
    };
  }

  private liquidationSell(loan: LoanModel): Command {
    const slice = this.prng.chance(0.05) ? loan.slicesSold + 2 : loan.slicesSold + 1;
    const all = this.prng.chance(0.5);
    const qtyAtoms = all ? loan.collateralAtoms : loan.collateralAtoms / 2n + 1n;
    const mid = BigInt(this.ctx.midTicks(loan.pair.symbol)) * loan.pair.tickSizeAtoms;
    return {
      type: "loan.liquidationSell",
      ...this.ctx.envelope(),
      business: "loan.liquidationSell",
      businessId: `${loan.loanId}:${slice}`,
      loanId: loan.loanId,
      slice,
      qtyAtoms,
      limitPriceAtoms: (mid * 95n) / 100n,
      belowBankruptcyApproved: this.prng.chance(0.6),
    };
  }
}

function pair(
  asset: string,
  quote: string,
  symbol: string,
  precision: number,
  tickSizeAtoms: bigint,
  lotSizeAtoms: bigint,
): PairModel {
  return {
    asset,
    quote,
    symbol,
    precision,
    tickSizeAtoms,
    lotSizeAtoms,
    priceAtoms: 0n,
    at: 0,
  };
}

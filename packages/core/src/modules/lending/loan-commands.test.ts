import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import type { BalanceChangedEvent, CommandResult, CoreEvent, Posting } from "../../events";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  type TestCommands,
} from "../../test-kit";
import type { SystemAccount } from "../../types";

/** Seed 004: 1 BTC at 30 000 USDT lends 24 000 USDT; BTCUSDT ticks are 0.01 USDT, lots 0.0001 BTC. */
const BTC = 100_000_000n;
const USDT = 1_000_000n;
const PRICE = 30_000n * USDT;
const PRINCIPAL = 24_000n * USDT;
const POOL = 1_000_000n * USDT;
/** What fundUsers gives each user. */
const FUNDS_BTC = 100_000_000_000n;
const FUNDS_USDT = 100_000_000_000_000n;

/** Users 1 and 2 funded, a 1 000 000 USDT loan pool and the BTC index at 30 000. */
function lending(): { core: ExchangeCore; cmd: TestCommands } {
  const env = createTestCore();
  fundUsers(env.core, env.cmd, [1, 2]);
  const { core, cmd } = env;
  expectAccepted(
    core.apply(cmd.transfer({ system: "operator" }, { system: "loan" }, "USDT", POOL)),
  );
  expectAccepted(core.apply(cmd.index("BTC", "USDT", PRICE)));
  return env;
}

/** Moves the test clock and sets the index at the new time. */
function indexAt(core: ExchangeCore, cmd: TestCommands, priceAtoms: bigint): void {
  cmd.ts += 1_000;
  expectAccepted(core.apply(cmd.index("BTC", "USDT", priceAtoms)));
}

/** User 2 bids `lots` at `priceUsdt` (whole USDT; ticks are cents). */
function bid(core: ExchangeCore, cmd: TestCommands, priceUsdt: bigint, lots: bigint): void {
  expectAccepted(core.apply(cmd.limit(2, "buy", priceUsdt * 100n, lots)));
}

/** Applies a command that must be rejected with `code`, and checks that nothing changed. */
function rejects(core: ExchangeCore, command: Command, code: RejectCode): void {
  const before = core.stateHash();
  const result = expectRejected(core.apply(command));
  expect(result.code, result.message).toBe(code);
  expect(result.events).toEqual([]);
  expect(core.stateHash()).toBe(before);
}

/** Each `balance.changed` of a result sums to zero per asset. */
function balanced(result: CommandResult): BalanceChangedEvent[] {
  const changes = eventsOf(expectAccepted(result), "balance.changed");
  for (const change of changes) {
    const sums = new Map<string, bigint>();
    for (const p of change.postings) sums.set(p.asset, (sums.get(p.asset) ?? 0n) + p.amountAtoms);
    for (const sum of sums.values()) expect(sum).toBe(0n);
  }
  return changes;
}

function legs(postings: Posting[]): [string, number, string, bigint][] {
  return postings.map((p) => [p.account, p.userId, p.asset, p.amountAtoms]);
}

function loanOf(core: ExchangeCore, loanId = "loan-1") {
  const loan = core.loans().find((l) => l.loanId === loanId);
  if (loan === undefined) throw new Error(`no loan ${loanId}`);
  return loan;
}

function system(core: ExchangeCore, asset: string, account: SystemAccount): bigint {
  return core.systemBalance(asset, account);
}

function lastLoanChange(events: CoreEvent[]) {
  const changes = events.filter((e) => e.type === "loan.changed");
  return changes[changes.length - 1];
}

describe("index.set", () => {
  it("holds the newest price per pair and reports it", () => {
    const { core, cmd } = lending();
    cmd.ts += 1;
    const result = expectAccepted(core.apply(cmd.index("BTC", "USDT", 29_000n * USDT)));
    expect(result.events).toEqual([
      {
        type: "index.changed",
        asset: "BTC",
        quote: "USDT",
        priceAtoms: 29_000n * USDT,
        at: cmd.ts,
      },
    ]);
    expect(core.indexPrice("BTC", "USDT")).toEqual({
      asset: "BTC",
      quote: "USDT",
      priceAtoms: 29_000n * USDT,
      at: cmd.ts,
    });
  });

  it("refuses, changing nothing: an older or equal time, a price ≤ 0, unknown or equal assets", () => {
    const { core, cmd } = lending();
    const again = { ...cmd.index("BTC", "USDT", 1n), businessId: "again" } as Command;
    rejects(core, again, RejectCode.IndexNotNewer);
    rejects(core, cmd.index("BTC", "USDT", 1n, cmd.ts - 1), RejectCode.IndexNotNewer);
    rejects(core, cmd.index("BTC", "USDT", 0n, cmd.ts + 1), RejectCode.InvalidAmount);
    rejects(core, cmd.index("BTC", "USDT", -5n, cmd.ts + 1), RejectCode.InvalidAmount);
    rejects(core, cmd.index("XYZ", "USDT", 1n, cmd.ts + 1), RejectCode.UnknownAsset);
    rejects(core, cmd.index("BTC", "BTC", 1n, cmd.ts + 1), RejectCode.InvalidCommand);
    rejects(core, cmd.index("BTC", "USDT", 1n, -1), RejectCode.InvalidCommand);
  });

  it("answers a resent sample with its first result", () => {
    const { core, cmd } = lending();
    const sample = cmd.index("ETH", "USDT", 2_000n * USDT);
    const first = expectAccepted(core.apply(sample));
    const hash = core.stateHash();
    expect(core.apply(sample)).toEqual({ ...first, repeated: true });
    expect(core.stateHash()).toBe(hash);
  });
});

describe("loan.open (seed 004: 24 000 USDT against 1 BTC at 30 000, 80 %)", () => {
  it("moves the collateral in and the principal out of the pool in one command", () => {
    const { core, cmd } = lending();
    const result = core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    const [change] = balanced(result);
    expect(change).toMatchObject({
      cause: "loan.open",
      business: "loan.open",
      businessId: "loan-1",
    });
    expect(legs(change?.postings ?? [])).toEqual([
      ["available", 1, "BTC", -BTC],
      ["loanCollateral", 0, "BTC", BTC],
      ["loan", 0, "USDT", -PRINCIPAL],
      ["available", 1, "USDT", PRINCIPAL],
    ]);
    expect(lastLoanChange(result.events)).toEqual({
      type: "loan.changed",
      loanId: "loan-1",
      userId: 1,
      collateralAsset: "BTC",
      loanAsset: "USDT",
      status: "open",
      principalAtoms: PRINCIPAL,
      interestAtoms: 0n,
      collateralAtoms: BTC,
      proceedsAtoms: 0n,
      cause: "loan.open",
    });
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT + PRINCIPAL);
    expect(core.balance(1, "BTC").availableAtoms).toBe(FUNDS_BTC - BTC);
    expect(system(core, "USDT", "loan")).toBe(POOL - PRINCIPAL);
    expect(system(core, "BTC", "loanCollateral")).toBe(BTC);
  });

  it("lends exactly up to the initial LTV, not an atom more", () => {
    const { core, cmd } = lending();
    rejects(core, cmd.openLoan(1, "loan-1", BTC, PRINCIPAL + 1n), RejectCode.LtvAboveInitial);
    balanced(core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL)));
  });

  it("refuses, changing nothing: stale or missing index, pool, collateral, terms, a used id", () => {
    const { core, cmd } = lending();
    const open = (overrides: Record<string, unknown>) =>
      ({ ...cmd.openLoan(1, "loan-x", BTC, 1_000n * USDT), ...overrides }) as Command;
    rejects(core, open({ collateralAsset: "ETH" }), RejectCode.IndexMissing);
    rejects(core, open({ collateralAsset: "XYZ" }), RejectCode.UnknownAsset);
    rejects(core, open({ loanAsset: "BTC" }), RejectCode.InvalidCommand);
    rejects(core, open({ userId: 0 }), RejectCode.InvalidCommand);
    rejects(core, open({ loanId: "" }), RejectCode.InvalidCommand);
    rejects(core, open({ collateralAtoms: 0n }), RejectCode.InvalidAmount);
    rejects(core, open({ principalAtoms: -1n }), RejectCode.InvalidAmount);
    rejects(core, open({ initialLtvPpm: 0 }), RejectCode.InvalidLoanTerms);
    rejects(core, open({ liquidationLinePpm: 800_000 }), RejectCode.InvalidLoanTerms);
    rejects(core, open({ warningLinePpm: 810_000 }), RejectCode.InvalidLoanTerms);
    rejects(core, open({ warningLinePpm: 1_000_000 }), RejectCode.InvalidLoanTerms);
    rejects(core, open({ liquidationFeePpm: -1 }), RejectCode.InvalidLoanTerms);
    rejects(core, open({ maturesAt: -1 }), RejectCode.InvalidCommand);
    rejects(core, open({ userId: 9 }), RejectCode.InsufficientBalance);
    rejects(core, open({ collateralAtoms: FUNDS_BTC + 1n }), RejectCode.InsufficientBalance);
    rejects(
      core,
      open({ principalAtoms: POOL + 1n, collateralAtoms: 100n * BTC }),
      RejectCode.LoanPoolInsufficient,
    );
    balanced(core.apply(cmd.openLoan(1, "used", BTC, 1n)));
    rejects(core, open({ loanId: "used" }), RejectCode.LoanExists);
    cmd.ts += 30_000;
    balanced(core.apply(cmd.openLoan(1, "fresh", BTC, 1n)));
    cmd.ts += 1;
    rejects(core, open({}), RejectCode.IndexStale);
  });

  it("returns the first result for a repeated key and changes nothing", () => {
    const { core, cmd } = lending();
    const open = cmd.openLoan(1, "loan-1", BTC, PRINCIPAL);
    const first = expectAccepted(core.apply(open));
    const hash = core.stateHash();
    expect(core.apply(open)).toEqual({ ...first, repeated: true });
    expect(core.apply({ ...open, id: "other-id" } as Command)).toEqual({
      ...first,
      repeated: true,
    });
    expect(core.stateHash()).toBe(hash);
  });
});

describe("loan.accrue, loan.repay and loan.addCollateral", () => {
  it("accrues interest as a receivable: no money moves, the debt grows", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    const result = expectAccepted(core.apply(cmd.accrue("loan-1", 1, 2_400_000n)));
    expect(result.events.map((e) => e.type)).toEqual(["loan.changed"]);
    expect(loanOf(core)).toMatchObject({ principalAtoms: PRINCIPAL, interestAtoms: 2_400_000n });
    const hash = core.stateHash();
    expect(core.apply(cmd.accrue("loan-1", 1, 2_400_000n))).toEqual({ ...result, repeated: true });
    expect(core.stateHash()).toBe(hash);
  });

  it("takes a repayment's interest first, then principal, and closes at zero debt", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    core.apply(cmd.accrue("loan-1", 1, 500n));
    const [part] = balanced(core.apply(cmd.repayLoan("loan-1", "r-1", 2_000n)));
    expect(legs(part?.postings ?? [])).toEqual([
      ["available", 1, "USDT", -2_000n],
      ["loanIncome", 0, "USDT", 500n],
      ["loan", 0, "USDT", 1_500n],
    ]);
    expect(loanOf(core)).toMatchObject({
      status: "open",
      interestAtoms: 0n,
      principalAtoms: PRINCIPAL - 1_500n,
    });
    const rest = PRINCIPAL - 1_500n;
    const result = core.apply(cmd.repayLoan("loan-1", "r-2", rest));
    const [all] = balanced(result);
    expect(legs(all?.postings ?? [])).toEqual([
      ["available", 1, "USDT", -rest],
      ["loan", 0, "USDT", rest],
      ["loanCollateral", 0, "BTC", -BTC],
      ["available", 1, "BTC", BTC],
    ]);
    expect(lastLoanChange(result.events)).toMatchObject({
      status: "closed",
      principalAtoms: 0n,
      interestAtoms: 0n,
      collateralAtoms: 0n,
    });
    expect(core.balance(1, "BTC").availableAtoms).toBe(FUNDS_BTC);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT - 500n);
    expect(system(core, "USDT", "loan")).toBe(POOL);
    expect(system(core, "USDT", "loanIncome")).toBe(500n);
    expect(system(core, "BTC", "loanCollateral")).toBe(0n);
  });

  it("refuses, changing nothing: more than owed, no funds, an unknown or ended loan", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000n));
    core.apply(cmd.accrue("loan-1", 1, 7n));
    rejects(core, cmd.repayLoan("loan-1", "r", 1_008n), RejectCode.RepayAboveDebt);
    rejects(core, cmd.repayLoan("loan-1", "r", 0n), RejectCode.InvalidAmount);
    rejects(core, cmd.repayLoan("nope", "r", 1n), RejectCode.LoanNotFound);
    rejects(core, cmd.addCollateral("loan-1", "t", 0n), RejectCode.InvalidAmount);
    rejects(core, cmd.addCollateral("loan-1", "t", FUNDS_BTC), RejectCode.InsufficientBalance);
    rejects(core, cmd.accrue("loan-1", 2, 0n), RejectCode.InvalidAmount);
    core.apply(cmd.transfer({ userId: 1 }, { system: "operator" }, "USDT", FUNDS_USDT));
    rejects(core, cmd.repayLoan("loan-1", "r", 1_007n), RejectCode.InsufficientBalance);
    core.apply(cmd.deposit(1, "USDT", 1_007n));
    balanced(core.apply(cmd.repayLoan("loan-1", "r", 1_007n)));
    rejects(core, cmd.repayLoan("loan-1", "r-2", 1n), RejectCode.LoanNotOpen);
    rejects(core, cmd.addCollateral("loan-1", "t", 1n), RejectCode.LoanNotOpen);
    rejects(core, cmd.accrue("loan-1", 2, 1n), RejectCode.LoanNotOpen);
    rejects(core, cmd.liquidate("loan-1", "maturity"), RejectCode.LoanNotOpen);
  });

  it("adds collateral, which lowers the liquidation line's price", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    const [change] = balanced(core.apply(cmd.addCollateral("loan-1", "t-1", BTC)));
    expect(legs(change?.postings ?? [])).toEqual([
      ["available", 1, "BTC", -BTC],
      ["loanCollateral", 0, "BTC", BTC],
    ]);
    expect(loanOf(core).collateralAtoms).toBe(2n * BTC);
    // With 2 BTC the 82 % line is at 12 300: 24 600 no longer liquidates.
    indexAt(core, cmd, 24_600n * USDT);
    rejects(core, cmd.liquidate("loan-1"), RejectCode.NotLiquidatable);
  });
});

describe("loan.liquidate", () => {
  it("on LTV: at exactly the 82 % line's price (24 600), not an atom above", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    indexAt(core, cmd, 24_600n * USDT + 1n);
    rejects(core, cmd.liquidate("loan-1"), RejectCode.NotLiquidatable);
    indexAt(core, cmd, 24_600n * USDT);
    const result = expectAccepted(core.apply(cmd.liquidate("loan-1")));
    expect(result.events).toEqual([
      expect.objectContaining({
        type: "loan.changed",
        status: "liquidating",
        cause: "loan.liquidate",
      }),
    ]);
    // Liquidating: no more interest, repayments or top-ups.
    rejects(core, cmd.accrue("loan-1", 1, 1n), RejectCode.LoanNotOpen);
    rejects(core, cmd.repayLoan("loan-1", "r", 1n), RejectCode.LoanNotOpen);
  });

  it("accrued interest brings the line closer", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    indexAt(core, cmd, 24_610n * USDT);
    rejects(core, cmd.liquidate("loan-1"), RejectCode.NotLiquidatable);
    core.apply(cmd.accrue("loan-1", 1, 10n * USDT));
    expectAccepted(core.apply(cmd.liquidate("loan-1")));
  });

  it("refuses on a stale index: no liquidation on an old price", () => {
    const { core, cmd } = lending();
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    indexAt(core, cmd, 20_000n * USDT);
    cmd.ts += 30_001;
    rejects(core, cmd.liquidate("loan-1"), RejectCode.IndexStale);
  });

  it("at maturity: refused before the term ends, accepted from its end whatever the price", () => {
    const { core, cmd } = lending();
    const maturesAt = cmd.ts + 7 * 86_400_000;
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000n * USDT, { maturesAt }));
    core.apply(cmd.openLoan(1, "open-ended", BTC, 1_000n * USDT));
    cmd.ts = maturesAt - 1;
    rejects(core, cmd.liquidate("loan-1", "maturity"), RejectCode.NotLiquidatable);
    rejects(core, cmd.liquidate("open-ended", "maturity"), RejectCode.NotLiquidatable);
    cmd.ts = maturesAt;
    expectAccepted(core.apply(cmd.liquidate("loan-1", "maturity")));
    expect(loanOf(core).status).toBe("liquidating");
    rejects(
      core,
      { ...cmd.liquidate("open-ended", "whim" as "ltv") } as Command,
      RejectCode.InvalidCommand,
    );
  });
});

describe("loan.liquidationSell", () => {
  /** Loan 1: 1 BTC, 24 000 USDT, fee 1 %, index down to 24 500 and liquidating. */
  function liquidating(): { core: ExchangeCore; cmd: TestCommands } {
    const env = lending();
    const { core, cmd } = env;
    expectAccepted(core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL)));
    indexAt(core, cmd, 24_500n * USDT);
    expectAccepted(core.apply(cmd.liquidate("loan-1")));
    return env;
  }

  it("sells through the book in the borrower's name and returns the surplus", () => {
    const { core, cmd } = liquidating();
    bid(core, cmd, 25_000n, 10_000n); // 1 BTC at 25 000
    const result = core.apply(cmd.liquidationSell("loan-1", 1, BTC, 24_000n * USDT));
    balanced(result);
    const [trade] = eventsOf(result, "trade");
    expect(trade).toMatchObject({
      takerUserId: 1,
      makerUserId: 2,
      priceTicks: 2_500_000n,
      qtyLots: 10_000n,
      takerFeeAtoms: 50n * USDT, // 0.2 % taker fee on 25 000
    });
    // Proceeds 24 950: principal 24 000 to the pool, fee 1 % (240) to income, 710 back.
    expect(lastLoanChange(result.events)).toMatchObject({
      status: "liquidated",
      principalAtoms: 0n,
      interestAtoms: 0n,
      collateralAtoms: 0n,
      proceedsAtoms: 0n,
      cause: "loan.liquidationSell",
    });
    expect(system(core, "USDT", "loan")).toBe(POOL);
    expect(system(core, "USDT", "loanIncome")).toBe(240n * USDT);
    expect(system(core, "USDT", "loanCollateral")).toBe(0n);
    expect(system(core, "BTC", "loanCollateral")).toBe(0n);
    expect(system(core, "USDT", "insurance")).toBe(0n);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT + PRINCIPAL + 710n * USDT);
    expect(core.balance(1, "BTC").availableAtoms).toBe(FUNDS_BTC - BTC);
    expect(core.balance(1, "BTC").frozenAtoms).toBe(0n);
  });

  it("a gap through the line: refused below bankruptcy, then approved, the shortfall from insurance", () => {
    const { core, cmd } = liquidating();
    bid(core, cmd, 20_000n, 10_000n); // the only bid: 1 BTC at 20 000, below bankruptcy (24 000)
    const first = core.apply(cmd.liquidationSell("loan-1", 1, BTC, 20_000n * USDT));
    balanced(first);
    // The limit was raised to the bankruptcy price: the IOC sell found no bid and expired.
    expect(eventsOf(first, "trade")).toEqual([]);
    expect(eventsOf(first, "order.accepted")[0]?.priceTicks).toBe(2_400_000n);
    expect(loanOf(core)).toMatchObject({
      status: "liquidating",
      collateralAtoms: BTC,
      slicesSold: 1,
    });
    expect(system(core, "BTC", "loanCollateral")).toBe(BTC);
    const second = core.apply(cmd.liquidationSell("loan-1", 2, BTC, 20_000n * USDT, true));
    balanced(second);
    expect(eventsOf(second, "trade")[0]?.priceTicks).toBe(2_000_000n);
    // Proceeds 19 960 (20 000 less 40 fee); 4 040 short: insurance pays the pool; no fee.
    expect(loanOf(core)).toMatchObject({
      status: "liquidated",
      collateralAtoms: 0n,
      principalAtoms: 0n,
    });
    expect(system(core, "USDT", "loan")).toBe(POOL);
    expect(system(core, "USDT", "insurance")).toBe(-4_040n * USDT);
    expect(system(core, "USDT", "loanIncome")).toBe(0n);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT + PRINCIPAL);
  });

  it("insurance also covers unpaid interest", () => {
    const env = lending();
    const { core, cmd } = env;
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    core.apply(cmd.accrue("loan-1", 1, 100n * USDT));
    indexAt(core, cmd, 20_000n * USDT);
    core.apply(cmd.liquidate("loan-1"));
    bid(core, cmd, 20_000n, 10_000n);
    balanced(core.apply(cmd.liquidationSell("loan-1", 1, BTC, 1n, true)));
    expect(system(core, "USDT", "insurance")).toBe(-4_140n * USDT);
    expect(system(core, "USDT", "loanIncome")).toBe(100n * USDT);
    expect(system(core, "USDT", "loan")).toBe(POOL);
  });

  it("sells in slices, in order; a resent slice is answered once; the last settles", () => {
    const { core, cmd } = liquidating();
    bid(core, cmd, 25_000n, 10_000n);
    const half = BTC / 2n;
    const first = core.apply(cmd.liquidationSell("loan-1", 1, half, 24_000n * USDT));
    balanced(first);
    expect(loanOf(core)).toMatchObject({
      status: "liquidating",
      collateralAtoms: half,
      proceedsAtoms: 12_475n * USDT,
      slicesSold: 1,
    });
    expect(system(core, "USDT", "loanCollateral")).toBe(12_475n * USDT);
    const hash = core.stateHash();
    expect(core.apply(cmd.liquidationSell("loan-1", 1, half, 24_000n * USDT))).toEqual({
      ...expectAccepted(first),
      repeated: true,
    });
    expect(core.stateHash()).toBe(hash);
    rejects(core, cmd.liquidationSell("loan-1", 3, half, 1n), RejectCode.SliceOutOfOrder);
    rejects(core, cmd.liquidationSell("loan-1", 0, half, 1n), RejectCode.SliceOutOfOrder);
    balanced(core.apply(cmd.liquidationSell("loan-1", 2, half, 24_000n * USDT)));
    expect(loanOf(core).status).toBe("liquidated");
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT + PRINCIPAL + 710n * USDT);
  });

  it("stops selling once the debt and fee are covered: the rest of the collateral goes back", () => {
    const env = lending();
    const { core, cmd } = env;
    core.apply(cmd.openLoan(1, "loan-1", 2n * BTC, PRINCIPAL, { maturesAt: cmd.ts }));
    core.apply(cmd.liquidate("loan-1", "maturity"));
    bid(core, cmd, 30_000n, 10_000n);
    bid(core, cmd, 30_000n, 10_000n);
    const result = core.apply(cmd.liquidationSell("loan-1", 1, BTC, 1n));
    balanced(result);
    // 1 BTC at 30 000 less 60 fee = 29 940 ≥ 24 240: settled, 5 700 and 1 BTC back.
    expect(loanOf(core).status).toBe("liquidated");
    expect(core.balance(1, "BTC").availableAtoms).toBe(FUNDS_BTC - BTC);
    expect(core.balance(1, "USDT").availableAtoms).toBe(FUNDS_USDT + PRINCIPAL + 5_700n * USDT);
  });

  it("settles when what is left is worth less than the minimum order at the index, rather than stall", () => {
    // Found by the loan monitor's integration test: a remainder of whole lots worth less than
    // the market's minimum order value made every slice a refused order, for ever.
    const env = lending();
    const { core, cmd } = env;
    const lot = 10_000n; // 0.0001 BTC, worth 3 USDT at 30 000
    expectAccepted(core.apply(cmd.openLoan(1, "loan-1", lot, 2n * USDT)));
    indexAt(core, cmd, USDT / 2n); // 1 lot is worth 50 atoms, under the minimum of 100
    expectAccepted(core.apply(cmd.liquidate("loan-1")));
    bid(core, cmd, 1n, 10_000n);
    const result = core.apply(cmd.liquidationSell("loan-1", 1, lot, 1n, true));
    balanced(result);
    expect(eventsOf(result, "trade")).toEqual([]);
    expect(loanOf(core)).toMatchObject({ status: "liquidated", collateralAtoms: 0n });
    expect(core.balance(1, "BTC").availableAtoms).toBe(FUNDS_BTC);
    expect(system(core, "USDT", "insurance")).toBe(-2n * USDT);
  });

  it("cancels the borrower's own resting bid rather than trade with it", () => {
    const { core, cmd } = liquidating();
    expectAccepted(core.apply(cmd.limit(1, "buy", 2_600_000n, 10_000n)));
    bid(core, cmd, 25_000n, 10_000n);
    const result = core.apply(cmd.liquidationSell("loan-1", 1, BTC, 1n));
    balanced(result);
    expect(eventsOf(result, "order.cancelled")[0]).toMatchObject({
      userId: 1,
      reason: "selfTrade",
    });
    expect(eventsOf(result, "trade")[0]).toMatchObject({ makerUserId: 2, priceTicks: 2_500_000n });
    expect(loanOf(core).status).toBe("liquidated");
  });

  it("refuses, changing nothing: not liquidating, no market, a bad amount, a halted market", () => {
    const env = lending();
    const { core, cmd } = env;
    core.apply(cmd.openLoan(1, "loan-1", BTC, PRINCIPAL));
    rejects(core, cmd.liquidationSell("loan-1", 1, BTC, 1n), RejectCode.LoanNotOpen);
    rejects(core, cmd.liquidationSell("nope", 1, BTC, 1n), RejectCode.LoanNotFound);
    indexAt(core, cmd, 20_000n * USDT);
    core.apply(cmd.liquidate("loan-1"));
    rejects(core, cmd.liquidationSell("loan-1", 1, 0n, 1n), RejectCode.InvalidAmount);
    rejects(core, cmd.liquidationSell("loan-1", 1, BTC, 0n), RejectCode.InvalidAmount);
    rejects(core, cmd.liquidationSell("loan-1", 1, 9_999n, 1n), RejectCode.InvalidAmount);
    rejects(
      core,
      {
        ...cmd.liquidationSell("loan-1", 1, BTC, 1n),
        belowBankruptcyApproved: "yes",
      } as unknown as Command,
      RejectCode.InvalidCommand,
    );
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "halted" }));
    rejects(core, cmd.liquidationSell("loan-1", 1, BTC, 1n, true), RejectCode.MarketHalted);
  });
});

import { formatUnits, parseUnits } from "@exchange/contracts/money";
import { recordIndexPrices } from "@exchange/domains/lending/index-price-repository";
import {
  sendIndexSet,
  sendLoanAccrue,
  sendPoolMove,
} from "@exchange/domains/lending/lending-engine";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices } from "@exchange/domains/services";
import { expectBooksReconciled } from "@exchange/domains/testing/books";
import { eventually } from "@exchange/domains/testing/eventually";
import { seedLoanProductInput } from "@exchange/domains/testing/lending-fixtures";
import { staffActor } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { createEngineSandbox, EngineProcess, WorkerProcess } from "@exchange/testkit";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi, callTraderApi } from "./testing/callers";
import type { Actor, Services } from "./trpc/context";

/**
 * Operations' loan book against the real engine and worker (its projector writes loans, their
 * history and the trades; its loan monitor liquidates): live loans riskiest first with the
 * seed's figures, a gap down that leaves a liquidation waiting below its bankruptcy price until
 * an operator approves it (audited once, refused for an open loan), then the sale's every fill,
 * the settlement's shortfall and the insurance account that paid it.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let ops: Actor;
let productId: number;

const usdt = (text: string) => parseUnits(text, 8);
const trader = (actor: Actor) => callTraderApi(services, actor);
const admin = () => callAdminApi(services, ops);

async function deposit(userId: number, asset: string, amount: string) {
  const reply = await services.engine.send({
    type: "balance.deposit",
    id: `loan-book-deposit:${userId}:${asset}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId: `loan-book:${userId}:${asset}`,
    userId,
    asset,
    amountAtoms: parseUnits(amount, 8),
  });
  expect(reply.outcome.ok).toBe(true);
}

async function newTrader(tag: string, funds: Record<string, string>): Promise<Actor> {
  const user = await createTestUser(services.db, { tag, kycLevel: 1 });
  for (const [asset, amount] of Object.entries(funds)) await deposit(user.id, asset, amount);
  const actor: Actor = { kind: "user", userId: user.id };
  await eventually(async () => {
    const balances = await trader(actor).trading.balances();
    for (const [asset, amount] of Object.entries(funds)) {
      expect(balances.find((b) => b.asset === asset)?.available).toBe(amount);
    }
  });
  return actor;
}

/** The index as the publisher would feed it: recorded, then sent to the engine. */
async function setIndex(price: string) {
  const at = services.clock.now();
  const priceAtoms = usdt(price);
  const sample = { method: "last" as const, sources: "test", samples: 1, at: new Date(at) };
  await recordIndexPrices(services.db, [{ asset: "BTC", quote: "USDT", priceAtoms, ...sample }]);
  const sent = await sendIndexSet(services, { asset: "BTC", quote: "USDT", priceAtoms, at });
  expect(sent.ok).toBe(true);
}

async function borrow(actor: Actor, loan: string) {
  return trader(actor).lending.borrow({
    productId,
    collateral: "1",
    loan,
    requestKey: crypto.randomUUID(),
  });
}

async function refusalCode(call: Promise<unknown>): Promise<string | undefined> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return ((error as TRPCError).cause as { code?: string } | undefined)?.code;
}

const approvalAudits = (loanId: string) =>
  services.db.auditLog.count({
    where: { action: "lending.liquidation.approveBelowBankruptcy", targetId: loanId },
  });

beforeAll(async () => {
  const sandbox = await createEngineSandbox("lending-loan-book");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, {
    RECONCILE_EVERY_MS: "1000",
    RECONCILE_MAX_LAG_MS: "1000",
  });
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const staff = await services.db.staff.create({
    data: {
      email: `loan-book-ops-${crypto.randomUUID()}@test.local`,
      name: "OPS",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  ops = staffActor(staff.id, "OPERATIONS");
  const product = await admin().lending.products.create(
    seedLoanProductInput({ name: "USDT against BTC, loan book test" }),
  );
  productId = product.id;
  const funded = await sendPoolMove(services, {
    direction: "fund",
    requestId: crypto.randomUUID(),
    asset: "USDT",
    amountAtoms: usdt("100000"),
  });
  expect(funded.ok).toBe(true);
  await eventually(async () => {
    const [pool] = (await admin().lending.pool.list()).pools;
    expect(pool?.balance).toBe("100000");
  });
  await setIndex("30000");
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("the loan book", () => {
  let risky: string;
  let calm: string;

  it("lists live loans riskiest first, with the seed's figures at the index", async () => {
    const calmLoan = await borrow(await newTrader("calm", { BTC: "1" }), "6000");
    const riskyLoan = await borrow(await newTrader("risky", { BTC: "1" }), "24000");
    calm = calmLoan.id;
    risky = riskyLoan.id;
    const book = await admin().lending.loans.list();
    expect(book.total).toBe(2);
    expect(book.loans.map((l) => [l.id, l.status, l.ltvPpm])).toEqual([
      [risky, "OPEN", 800_000],
      [calm, "OPEN", 200_000],
    ]);
    expect(book.loans[0]).toMatchObject({
      email: expect.stringContaining("risky"),
      collateral: "1",
      debt: "24000",
      indexPrice: "30000",
      warningPrice: "25500",
      liquidationPrice: "24600",
      bankruptcyPrice: "24000",
      warningDistancePpm: 150_000,
      liquidationDistancePpm: 180_000,
      approvedBelowBankruptcy: false,
    });
  });

  it("refuses to approve a sale below bankruptcy of an open loan, writing nothing", async () => {
    const code = await refusalCode(admin().lending.loans.approveBelowBankruptcy({ loanId: risky }));
    expect(code).toBe("LOAN_STATE");
    expect(await services.db.loanLiquidationApproval.count()).toBe(0);
    expect(await approvalAudits(risky)).toBe(0);
  });

  it("a fall liquidates: a sale above bankruptcy settles with its fills, fee and surplus; one below waits for an approval", async () => {
    // A third loan whose collateral still pays its debt at the bid: 20 000 against 1 BTC.
    const moderate = (await borrow(await newTrader("moderate", { BTC: "1" }), "20000")).id;
    // The only bid, 2 BTC at 21 000: above the moderate loan's bankruptcy price (20 000),
    // under the risky one's (24 000).
    const buyer = await newTrader("bidder", { USDT: "50000" });
    await trader(buyer).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "buy",
      type: "limit",
      price: "21000",
      quantity: "2",
    });
    await setIndex("20400");
    const sold = await eventually(async () => {
      const d = await admin().lending.loans.detail({ loanId: moderate });
      expect(d.loan.status).toBe("LIQUIDATED");
      return d;
    }, 60_000);
    const fills = sold.slices.flatMap((slice) => slice.fills);
    expect(sold.slices.length).toBeGreaterThan(1);
    expect(sold.slices.every((slice) => slice.fills.length > 0)).toBe(true);
    expect(new Set(fills.map((f) => f.price))).toEqual(new Set(["21000"]));
    const s = sold.settlement;
    expect(s).toMatchObject({
      debt: "20000",
      liquidationFee: "400",
      liquidationFeeDue: "400",
      shortfall: "0",
    });
    // What the slices sold and what came back add up to the collateral; the proceeds (quote
    // less the 0.1 % taker fee) pay the debt and the fee, the rest is the borrower's.
    const atoms = (text = "0") => parseUnits(text, 8);
    const slicesSold = sold.slices.reduce((sum, slice) => sum + atoms(slice.sold), 0n);
    expect(atoms(s?.sold)).toBe(slicesSold);
    expect(atoms(s?.sold) + atoms(s?.collateralReturned)).toBe(atoms("1"));
    expect(atoms(s?.collateralReturned)).toBeGreaterThan(0n);
    const gross = fills.reduce((sum, f) => sum + atoms(f.quoteAmount), 0n);
    expect(atoms(s?.tradingFees)).toBe(gross / 1000n);
    expect(atoms(s?.proceeds)).toBe(gross - atoms(s?.tradingFees));
    expect(atoms(s?.surplus)).toBe(atoms(s?.proceeds) - atoms("20400"));
    expect(sold.history.map((h) => h.kind)).toEqual([
      "OPENED",
      "LIQUIDATION_STARTED",
      ...Array(sold.slices.length - 1).fill("LIQUIDATION_SLICE"),
      "LIQUIDATED",
    ]);

    // The risky loan waits: no bid at or above its bankruptcy price, no approval yet.
    const book = await admin().lending.loans.list();
    expect(book.loans.map((l) => [l.id, l.status, l.approvedBelowBankruptcy])).toEqual([
      [risky, "LIQUIDATING", false],
      [calm, "OPEN", false],
    ]);
    expect(book.loans[0]?.ltvPpm).toBe(1_176_471);
    const waiting = await admin().lending.loans.detail({ loanId: risky });
    expect([waiting.slices, waiting.approval, waiting.settlement]).toEqual([[], null, null]);

    expect(await admin().lending.loans.approveBelowBankruptcy({ loanId: risky })).toEqual({
      loanId: risky,
      alreadyApproved: false,
    });
    const again = await admin().lending.loans.approveBelowBankruptcy({ loanId: risky });
    expect(again.alreadyApproved).toBe(true);
    expect(await approvalAudits(risky)).toBe(1);
    // Approved, its slices sell into the bid under the bankruptcy price.
    const selling = await eventually(async () => {
      const d = await admin().lending.loans.detail({ loanId: risky });
      expect(d.slices.length).toBeGreaterThan(0);
      return d;
    }, 30_000);
    expect(selling.approval?.approvedBy).toContain("loan-book-ops-");
    expect(selling.loan.approvedBelowBankruptcy).toBe(true);
    expect(selling.slices[0]?.fills.map((f) => f.price)).toEqual(["21000"]);
    expect(selling.slices[0]?.sold).toBe("0.25");
    expect(selling.slices[0]?.proceeds).toBe("5244.75");
  }, 120_000);

  it("shows the insurance account untouched by the liquidation that paid its debt", async () => {
    // Only the loan approved below bankruptcy may have drawn on it (if its sale has ended).
    const insurance = await admin().lending.pool.insurance();
    expect(insurance.covers.every((cover) => cover.loanId === risky)).toBe(true);
    expect(insurance.accounts.every((a) => a.coveredCount <= 1)).toBe(true);
  });

  it("books a shortfall to the insurance account, listed with its balance and each loan", async () => {
    // A loan whose debt its collateral cannot pay at any bid (interest far above the price),
    // sold below its bankruptcy price once approved. At this index the bids stay above the
    // market's minimum order value to the last lot, so the sales run to the end and settle.
    const underwater = (await borrow(await newTrader("underwater", { BTC: "1" }), "10000")).id;
    const buyer = await newTrader("high-bidder", { USDT: "1400000" });
    await trader(buyer).trading.placeOrder({
      symbol: "BTCUSDT",
      side: "buy",
      type: "limit",
      price: "690000",
      quantity: "2",
    });
    await setIndex("700000");
    const accrued = await sendLoanAccrue(services, {
      loanId: underwater,
      periodNo: 1000,
      interestAtoms: usdt("800000"),
    });
    expect(accrued.ok).toBe(true);
    await setIndex("700000");
    await eventually(async () => {
      const d = await admin().lending.loans.detail({ loanId: underwater });
      expect(d.loan.status).toBe("LIQUIDATING");
    }, 30_000);
    await admin().lending.loans.approveBelowBankruptcy({ loanId: underwater });
    const settled = async (loanId: string) =>
      eventually(async () => {
        const d = await admin().lending.loans.detail({ loanId });
        expect(d.loan.status).toBe("LIQUIDATED");
        return d.settlement;
      }, 60_000);
    const deep = await settled(underwater);
    expect(deep).toMatchObject({
      sold: "1",
      proceeds: "689310",
      debt: "810000",
      liquidationFee: "0",
      surplus: "0",
      shortfall: "120690",
    });
    // The risky loan's last collateral sold at this index too: how much was left by then is
    // the monitor's timing, so its split is checked for consistency, insurance paying any gap.
    const risk = await settled(risky);
    const atoms = (text = "0") => parseUnits(text, 8);
    const gap = atoms(risk?.debt) - atoms(risk?.proceeds);
    expect(atoms(risk?.shortfall)).toBe(gap > 0n ? gap : 0n);
    if (gap <= 0n) {
      expect(atoms(risk?.liquidationFee) + atoms(risk?.surplus)).toBe(-gap);
    }
    const riskCover = gap > 0n ? [[risky, risk?.shortfall]] : [];
    const covered = atoms(risk?.shortfall) + atoms("120690");
    await eventually(async () => {
      const insurance = await admin().lending.pool.insurance();
      expect(insurance.accounts).toHaveLength(1);
      const [account] = insurance.accounts;
      expect(account).toMatchObject({ asset: "USDT", coveredCount: 1 + riskCover.length });
      expect(atoms(account?.covered)).toBe(covered);
      // Never funded, the fund is in deficit by what it paid.
      expect(account?.balance).toBe(`-${formatUnits(covered, 8)}`);
      expect(insurance.covers.map((c) => [c.loanId, c.shortfall]).sort()).toEqual(
        [[underwater, "120690"], ...riskCover].sort(),
      );
    });
  }, 150_000);

  it("answers a loan no one has with NOT_FOUND", async () => {
    const code = await refusalCode(
      admin().lending.loans.detail({ loanId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(code).toBe("NOT_FOUND");
  });

  it("leaves the books reconciled: the postings sum to zero", async () => {
    await expectBooksReconciled(services.db);
  });
});

import { parseUnits } from "@exchange/contracts/money";
import { resumeOpenings } from "@exchange/domains/lending/borrowing";
import { insertPendingLoan } from "@exchange/domains/lending/borrowing-repository";
import { recordIndexPrices } from "@exchange/domains/lending/index-price-repository";
import {
  sendIndexSet,
  sendLoanAccrue,
  sendPoolMove,
} from "@exchange/domains/lending/lending-engine";
import { equivalentLtvPpm } from "@exchange/domains/lending/product-lines";
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
 * Borrowing against BTC through the procedures a trader calls, against the real engine and
 * worker (its projector writes the loans read model): the seed's worked example (1 BTC at
 * 30 000 lends 24 000 USDT), one command moving the collateral and the principal, a double
 * submit making one loan, every refusal moving nothing, repayment interest first, a full
 * repayment returning the collateral, and the books reconciling at the end.
 */

let services: Services;
let engine: EngineProcess;
let worker: WorkerProcess;
let btcProduct: number;
let ethProduct: number;
const precision: Record<string, number> = {};

const trader = (actor: Actor) => callTraderApi(services, actor);
const atoms = (asset: string, text: string) => parseUnits(text, precision[asset] as number);

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => expect.fail("the call was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause as { code?: string } | undefined;
  return { code: cause?.code ?? (error as TRPCError).code, message: (error as TRPCError).message };
}

async function deposit(userId: number, asset: string, amount: string) {
  if (atoms(asset, amount) === 0n) return;
  const reply = await services.engine.send({
    type: "balance.deposit",
    id: `borrow-test-deposit:${userId}:${asset}`,
    ts: Date.now(),
    business: "test-deposit",
    businessId: `borrow:${userId}:${asset}`,
    userId,
    asset,
    amountAtoms: atoms(asset, amount),
  });
  expect(reply.outcome.ok).toBe(true);
}

async function newBorrower(tag: string, btc: string, usdt: string, kycLevel = 1) {
  const user = await createTestUser(services.db, { tag, kycLevel });
  await deposit(user.id, "BTC", btc);
  await deposit(user.id, "USDT", usdt);
  const actor: Actor = { kind: "user", userId: user.id };
  await expectAvailable(actor, { BTC: btc, USDT: usdt });
  return actor;
}

async function availableOf(actor: Actor): Promise<Record<string, string>> {
  const balances = await trader(actor).trading.balances();
  const of = (asset: string) => balances.find((b) => b.asset === asset)?.available ?? "0";
  return { BTC: of("BTC"), USDT: of("USDT") };
}

async function expectAvailable(actor: Actor, expected: Record<string, string>) {
  await eventually(async () => expect(await availableOf(actor)).toEqual(expected));
}

/** The index as the publisher would feed it: recorded, then sent to the engine. */
async function setIndex(asset: string, price: string) {
  const at = services.clock.now();
  const priceAtoms = atoms("USDT", price);
  await recordIndexPrices(services.db, [
    {
      asset,
      quote: "USDT",
      priceAtoms,
      method: "last",
      sources: "test",
      samples: 1,
      at: new Date(at),
    },
  ]);
  expect((await sendIndexSet(services, { asset, quote: "USDT", priceAtoms, at })).ok).toBe(true);
}

async function createProduct(collateralAsset: string, kycLevel: number) {
  const staff = await services.db.staff.create({
    data: {
      email: `borrow-ops-${crypto.randomUUID()}@test.local`,
      name: "OPS",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  const product = await callAdminApi(
    services,
    staffActor(staff.id, "OPERATIONS"),
  ).lending.products.create(
    seedLoanProductInput({
      name: `USDT against ${collateralAsset}, borrow test`,
      collateralAsset,
      kycLevel,
    }),
  );
  return product.id;
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("lending-borrowing");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, {
    RECONCILE_EVERY_MS: "1000",
    RECONCILE_MAX_LAG_MS: "1000",
  });
  services = await createServices(sandbox);
  await syncReferenceData(services.db, services.engine, services.clock.now());
  for (const a of await services.db.asset.findMany({ select: { code: true, precision: true } })) {
    precision[a.code] = a.precision;
  }
  btcProduct = await createProduct("BTC", 1);
  ethProduct = await createProduct("ETH", 1);
  const funded = await sendPoolMove(services, {
    direction: "fund",
    requestId: crypto.randomUUID(),
    asset: "USDT",
    amountAtoms: atoms("USDT", "100000"),
  });
  expect(funded.ok).toBe(true);
  await eventually(async () => {
    const pool = await services.db.accountBalance.findUnique({
      where: { userId_account_asset: { userId: 0, account: "loan", asset: "USDT" } },
    });
    expect(pool?.balanceAtoms.toFixed()).toBe(atoms("USDT", "100000").toString());
  });
  await setIndex("BTC", "30000");
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

describe("borrowing against BTC", () => {
  it("quotes the seed's example: 1 BTC at 30 000 lends 24 000, LTV 80 %, lines at 25 500 / 24 600", async () => {
    const user = await newBorrower("quote", "1", "0");
    const quote = await trader(user).lending.quote({
      productId: btcProduct,
      collateral: "1",
      loan: "max",
    });
    expect(quote).toMatchObject({
      loan: "24000",
      maxLoan: "24000",
      ltvPpm: 800_000,
      warningPrice: "25500",
      liquidationPrice: "24600",
      bankruptcyPrice: "24000",
      interestPerPeriod: "4.8",
      interestForTerm: "144",
    });
  });

  it("moves the collateral and credits the loan in one command; a double submit is one loan", async () => {
    const user = await newBorrower("borrow", "2", "100");
    const request = {
      productId: btcProduct,
      collateral: "1",
      loan: "24000",
      requestKey: crypto.randomUUID(),
    };
    const [first, second] = await Promise.all([
      trader(user).lending.borrow(request),
      trader(user).lending.borrow(request),
    ]);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ status: "OPEN", principal: "24000", collateral: "1" });
    await expectAvailable(user, { BTC: "1", USDT: "24100" });
    const again = await trader(user).lending.borrow(request);
    expect(again.id).toBe(first.id);
    await eventually(async () => {
      const loans = await trader(user).lending.loans();
      expect(loans.map((l) => [l.id, l.status, l.ltvPpm, l.liquidationPrice])).toEqual([
        [first.id, "OPEN", 800_000, "24600"],
      ]);
      const history = await trader(user).lending.history({ loanId: first.id });
      expect(history.map((h) => [h.kind, h.principalChange, h.collateralChange])).toEqual([
        ["OPENED", "24000", "1"],
      ]);
    });
    await expectAvailable(user, { BTC: "1", USDT: "24100" });
  });

  it("refuses over the initial LTV, over the pool, without KYC and on a stale index, moving nothing", async () => {
    const user = await newBorrower("refused", "10", "0");
    const kycLess = await newBorrower("no-kyc", "1", "0", 0);
    const borrow = (actor: Actor, productId: number, collateral: string, loan: string) =>
      trader(actor).lending.borrow({
        productId,
        collateral,
        loan,
        requestKey: crypto.randomUUID(),
      });
    expect((await refusal(borrow(user, btcProduct, "1", "24000.01"))).code).toBe(
      "LOAN_LTV_EXCEEDED",
    );
    const overPool = await refusal(borrow(user, btcProduct, "10", "200000"));
    expect(overPool.code).toBe("LOAN_POOL_INSUFFICIENT");
    expect((await refusal(borrow(kycLess, btcProduct, "1", "1000"))).code).toBe("KYC_REQUIRED");
    expect((await refusal(borrow(user, btcProduct, "11", "1000"))).code).toBe(
      "INSUFFICIENT_BALANCE",
    );
    const stale = await refusal(borrow(user, ethProduct, "1", "100"));
    expect(stale).toEqual({
      code: "LENDING_PAUSED",
      message: "The price index is stale; borrowing is paused.",
    });
    await expectAvailable(user, { BTC: "10", USDT: "0" });
    expect(await trader(user).lending.loans()).toEqual([]);
  });

  it("repays interest first, refuses more than owed, and a full repayment returns the collateral", async () => {
    const user = await newBorrower("repay", "1", "100");
    const loan = await trader(user).lending.borrow({
      productId: btcProduct,
      collateral: "1",
      loan: "10000",
      requestKey: crypto.randomUUID(),
    });
    expect(
      (
        await sendLoanAccrue(services, {
          loanId: loan.id,
          periodNo: 1,
          interestAtoms: atoms("USDT", "2"),
        })
      ).ok,
    ).toBe(true);
    await eventually(async () => {
      const [mine] = await trader(user).lending.loans();
      expect(mine?.debt).toBe("10002");
    });
    const repay = (amount: string) =>
      trader(user).lending.repay({ loanId: loan.id, amount, requestKey: crypto.randomUUID() });
    await repay("5");
    await eventually(async () => {
      const [mine] = await trader(user).lending.loans();
      expect([mine?.interest, mine?.principal]).toEqual(["0", "9997"]);
    });
    expect((await refusal(repay("9997.01"))).message).toContain("more than you owe");
    await repay("all");
    await eventually(async () => {
      const [mine] = await trader(user).lending.loans();
      expect([mine?.status, mine?.debt, mine?.collateral]).toEqual(["CLOSED", "0", "0"]);
    });
    await expectAvailable(user, { BTC: "1", USDT: "98" });
    const history = await trader(user).lending.history({ loanId: loan.id });
    expect(history.map((h) => h.kind)).toEqual(["OPENED", "ACCRUED", "REPAID", "CLOSED"]);
  });

  it("adds collateral to an open loan, lowering its LTV", async () => {
    const user = await newBorrower("top-up", "2", "0");
    const loan = await trader(user).lending.borrow({
      productId: btcProduct,
      collateral: "1",
      loan: "12000",
      requestKey: crypto.randomUUID(),
    });
    await trader(user).lending.addCollateral({
      loanId: loan.id,
      amount: "1",
      requestKey: crypto.randomUUID(),
    });
    await eventually(async () => {
      const [mine] = await trader(user).lending.loans();
      expect([mine?.collateral, mine?.ltvPpm]).toEqual(["2", 200_000]);
    });
    await expectAvailable(user, { BTC: "0", USDT: "12000" });
  });

  it("finishes an opening a crash left pending: applied once if the engine takes it, dropped if not", async () => {
    const user = await newBorrower("pending", "2", "0");
    if (user.kind !== "user") throw new Error("a trader");
    const version = await services.db.loanProductVersion.findFirstOrThrow({
      where: { productId: btcProduct },
      orderBy: { version: "desc" },
    });
    // The rows a borrow writes before its engine command, as a crash right after would leave
    // them: one within the initial LTV, one far over it (the engine refuses that one).
    const pendingRow = (collateral: string, principal: string) => ({
      id: crypto.randomUUID(),
      userId: user.userId,
      requestKey: crypto.randomUUID(),
      productVersionId: version.id,
      collateralAsset: "BTC",
      loanAsset: "USDT",
      principalAtoms: atoms("USDT", principal),
      collateralAtoms: atoms("BTC", collateral),
      initialLtvPpm: version.initialLtvPpm,
      warningLtvPpm: equivalentLtvPpm(version.initialLtvPpm, version.warningLinePpm),
      liquidationLtvPpm: equivalentLtvPpm(
        version.initialLtvPpm,
        version.effectiveLiquidationLinePpm,
      ),
      liquidationFeePpm: version.liquidationFeePpm,
      openedAt: new Date(services.clock.now() - 120_000),
      maturesAt: null,
    });
    const fits = pendingRow("1", "15000");
    const over = pendingRow("0.5", "15000");
    await insertPendingLoan(services.db, fits);
    await insertPendingLoan(services.db, over);

    expect(await resumeOpenings(services)).toBe(2);
    await expectAvailable(user, { BTC: "1", USDT: "15000" });
    const rows = await services.db.loan.findMany({ where: { userId: user.userId } });
    expect(rows.map((r) => [r.id, r.status])).toEqual([[fits.id, "OPEN"]]);
    // Run again: nothing is left pending, nothing moves twice.
    expect(await resumeOpenings(services)).toBe(0);
    await expectAvailable(user, { BTC: "1", USDT: "15000" });
  });

  it("leave the books reconciled: the postings sum to zero", async () => {
    await expectBooksReconciled(services.db);
  });
});

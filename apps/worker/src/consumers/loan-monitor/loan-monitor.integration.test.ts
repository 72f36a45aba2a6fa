import { formatUnits, parseUnits } from "@exchange/contracts/money";
import { type Command, liquidationFeeAtoms } from "@exchange/core";
import { borrow, repayLoan } from "@exchange/domains/lending/borrowing";
import type { LoanRecord } from "@exchange/domains/lending/borrowing-repository";
import { recordIndexPrices } from "@exchange/domains/lending/index-price-repository";
import { sendIndexSet, sendPoolMove } from "@exchange/domains/lending/lending-engine";
import { approveSellingBelowBankruptcy } from "@exchange/domains/lending/liquidation-approval";
import { ZCreateLoanProductInput } from "@exchange/domains/lending/product-contracts";
import { createLoanProduct } from "@exchange/domains/lending/products";
import { syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { expectBooksReconciled } from "@exchange/domains/testing/books";
import { eventually } from "@exchange/domains/testing/eventually";
import { seedLoanProductInput } from "@exchange/domains/testing/lending-fixtures";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { createTestUser } from "@exchange/domains/testing/test-users";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  WorkerProcess,
} from "@exchange/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOAN_MONITOR_OFFSET } from "./monitor-store";

/**
 * The loan monitor in the real worker against the real engine: a falling index warns a borrower
 * once, then liquidates the loan through the BTCUSDT book, where another trader's bids buy the
 * collateral, and returns the surplus; a gap below the bankruptcy price waits for an operator
 * and books the shortfall to the insurance fund; a worker killed mid-liquidation finishes it
 * once after its restart. Each case ends with the worker's reconciliation finding the books
 * balanced.
 */

/** USDT and BTC both carry 8 places (seed data). */
const PLACES = 8;
const BTC = 10n ** 8n;
/** BTCUSDT (seed): a tick is 0.01 USDT, a lot 0.00001 BTC, in atoms. */
const TICK_ATOMS = 1_000_000n;
const LOT_ATOMS = 1_000n;
/** The product's liquidation fee: 2 % of the debt. */
const FEE_PPM = 20_000n;

let sandbox: EngineSandbox;
let engine: EngineProcess;
let worker: WorkerProcess;
let services: Services;
let productId: number;
let staffId: number;
let lastIndexAt = 0;

const WORKER_ENV = { RECONCILE_EVERY_MS: "1000", RECONCILE_MAX_LAG_MS: "1000" };
const atoms = (text: string) => parseUnits(text, PLACES);

beforeAll(async () => {
  sandbox = await createEngineSandbox("loan-monitor");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, WORKER_ENV);
  services = await createServices({ ...sandbox, logLevel: "fatal" });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  const staff = await services.db.staff.create({
    data: {
      email: "monitor-ops@test.local",
      name: "OPS",
      passwordHash: "x",
      roles: ["OPERATIONS"],
    },
    select: { id: true },
  });
  staffId = staff.id;
  const product = await createLoanProduct(
    services,
    { staffId },
    ZCreateLoanProductInput.parse(seedLoanProductInput({ name: "USDT against BTC, monitor test" })),
  );
  productId = product.id;
  const funded = await sendPoolMove(services, {
    direction: "fund",
    requestId: crypto.randomUUID(),
    asset: "USDT",
    amountAtoms: atoms("1000000"),
  });
  expect(funded.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await worker?.stop();
  await engine?.kill();
});

async function send(command: Record<string, unknown>) {
  const reply = await services.engine.send(command as unknown as Command);
  if (!reply.outcome.ok) throw new Error(`${command.type} refused: ${reply.outcome.message}`);
  return reply;
}

/** One index sample, as the publisher feeds it: recorded, then sent to the engine. */
async function setIndex(price: string): Promise<void> {
  const at = Math.max(Date.now(), lastIndexAt + 1);
  lastIndexAt = at;
  const sample = { asset: "BTC", quote: "USDT", priceAtoms: atoms(price) };
  await recordIndexPrices(services.db, [
    { ...sample, method: "last", sources: "test", samples: 1, at: new Date(at) },
  ]);
  expect((await sendIndexSet(services, { ...sample, at })).ok).toBe(true);
}

async function journalEnd(): Promise<bigint> {
  const [row] = await services.db.$queryRaw<{ seq: bigint }[]>`
    SELECT coalesce(max(seq), 0) AS seq FROM engine_journal`;
  return row?.seq ?? 0n;
}

/** Waits until the monitor has read everything journaled so far. */
async function monitorCaughtUp(): Promise<void> {
  const end = await journalEnd();
  await eventually(async () => {
    const [row] = await services.db.$queryRaw<{ seq: bigint }[]>`
      SELECT seq FROM projector_offsets WHERE name = ${LOAN_MONITOR_OFFSET}`;
    expect(row?.seq ?? 0n).toBeGreaterThanOrEqual(end);
  });
}

/** A borrower who put up 1 BTC and borrowed 24 000 USDT at 30 000 (the seed's example). */
async function openSeedLoan(tag: string): Promise<{ userId: number; loan: LoanRecord }> {
  const user = await createTestUser(services.db, { tag });
  await depositForTest(services.engine, user.id, "BTC", BTC);
  await setIndex("30000");
  await eventually(async () => expect(await balance(user.id, "available", "BTC")).toBe(BTC));
  const loan = await borrow(services, user.id, {
    productId,
    collateral: "1",
    loan: "24000",
    requestKey: crypto.randomUUID(),
  });
  expect(loan.status).toBe("OPEN");
  await eventually(async () =>
    expect(await balance(user.id, "available", "USDT")).toBe(atoms("24000")),
  );
  return { userId: user.id, loan };
}

/** A trader with resting BTCUSDT bids: [price, BTC quantity], each a GTC limit buy. */
async function bidder(tag: string, bids: ReadonlyArray<[string, string]>): Promise<number> {
  const user = await createTestUser(services.db, { tag });
  await depositForTest(services.engine, user.id, "USDT", atoms("100000"));
  for (const [price, qty] of bids) {
    await send({
      type: "order.place",
      orderType: "limit",
      id: `monitor-test-bid:${crypto.randomUUID()}`,
      ts: Date.now(),
      userId: user.id,
      symbol: "BTCUSDT",
      side: "buy",
      priceTicks: atoms(price) / TICK_ATOMS,
      qtyLots: atoms(qty) / LOT_ATOMS,
    });
  }
  return user.id;
}

/** Takes a bidder's remaining bids off the book, so the next case starts from an empty one. */
async function cancelBids(userId: number): Promise<void> {
  await send({
    type: "order.cancelAll",
    id: `monitor-test-cancel:${crypto.randomUUID()}`,
    ts: Date.now(),
    userId,
    symbol: "BTCUSDT",
  });
}

async function balance(userId: number, account: string, asset: string): Promise<bigint> {
  const row = await services.db.accountBalance.findUnique({
    where: { userId_account_asset: { userId, account, asset } },
    select: { balanceAtoms: true },
  });
  return BigInt(row?.balanceAtoms.toFixed() ?? "0");
}

async function notifications(userId: number, type: string) {
  return services.db.notification.findMany({
    where: { userId, type },
    select: { params: true, eventKey: true },
  });
}

/** Every notification of the other users, as keys. */
async function othersNotifications(userId: number): Promise<string[]> {
  const rows = await services.db.notification.findMany({
    where: { userId: { not: userId } },
    orderBy: { id: "asc" },
    select: { eventKey: true },
  });
  return rows.map((r) => r.eventKey);
}

/** The lending commands the engine refused after `seq`, with its reasons. */
async function refusedLendingCommandsAfter(seq: bigint) {
  return services.db.$queryRaw<{ command_id: string; message: string }[]>`
    SELECT command_id, outcome::jsonb->>'message' AS message FROM engine_journal
     WHERE seq > ${seq} AND command_id LIKE 'loan:%' AND (outcome::jsonb->>'ok')::boolean = false`;
}

async function loanStatus(loanId: string) {
  const row = await services.db.loan.findUniqueOrThrow({
    where: { id: loanId },
    select: { status: true },
  });
  return row.status;
}

/**
 * The liquidation as the read models show it: the debt when it started, the slices with their
 * orders, and those orders' fills (the borrower's sells).
 */
async function liquidationOf(loanId: string) {
  const events = await services.db.loanEvent.findMany({
    where: { loanId },
    orderBy: { id: "asc" },
    select: {
      kind: true,
      orderId: true,
      principalAtoms: true,
      interestAtoms: true,
      eventKey: true,
    },
  });
  // Journal order: the key is the journal position, `journal:<seq>:<event>`.
  const position = (key: string) => key.split(":").slice(1).map(Number) as [number, number];
  events.sort((a, b) => {
    const [x, y] = [position(a.eventKey), position(b.eventKey)];
    return x[0] - y[0] || x[1] - y[1];
  });
  const started = events.find((e) => e.kind === "LIQUIDATION_STARTED");
  const slices = events.filter((e) => e.kind === "LIQUIDATION_SLICE" || e.kind === "LIQUIDATED");
  const orderIds = slices.flatMap((e) => (e.orderId === null ? [] : [Number(e.orderId)]));
  const trades = await services.db.trade.findMany({
    where: { takerOrderId: { in: orderIds } },
    orderBy: { tradeId: "asc" },
  });
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  const big = (value: { toFixed(): string } | null | undefined) => BigInt(value?.toFixed() ?? "0");
  return {
    kinds: events.map((e) => e.kind),
    debtAtoms: big(started?.principalAtoms) + big(started?.interestAtoms),
    slices,
    orderIds,
    trades,
    soldAtoms: sum(trades.map((t) => big(t.qtyLots) * LOT_ATOMS)),
    /** What the sells brought in, net of the taker fee (paid in USDT by a seller). */
    proceedsAtoms: sum(trades.map((t) => big(t.quoteAtoms) - big(t.takerFeeAtoms))),
    /** The BTC the bidders received, net of their maker fee (paid in BTC by a buyer). */
    boughtAtoms: sum(
      trades.map(
        (t) => big(t.qtyLots) * LOT_ATOMS - (t.makerFeeAsset === "BTC" ? big(t.makerFeeAtoms) : 0n),
      ),
    ),
  };
}

/** The liquidated notification as the borrower reads it, checked against the fills. */
function expectLiquidatedNotice(
  notices: Awaited<ReturnType<typeof notifications>>,
  liquidation: Awaited<ReturnType<typeof liquidationOf>>,
  surplusAtoms: bigint,
) {
  expect(notices).toHaveLength(1);
  expect(notices[0]?.params).toMatchObject({
    collateralAsset: "BTC",
    loanAsset: "USDT",
    sold: formatUnits(liquidation.soldAtoms, PLACES),
    fills: String(liquidation.trades.length),
    surplus: formatUnits(surplusAtoms, PLACES),
    collateralReturned: formatUnits(BTC - liquidation.soldAtoms, PLACES),
  });
}

describe("the loan monitor", () => {
  it("warns once as the price falls, then liquidates through the book and returns the surplus", async () => {
    const { userId, loan } = await openSeedLoan("falls");
    const bidderId = await bidder("falls-bids", [
      ["25000", "0.5"],
      ["24800", "0.6"],
    ]);
    // Past the warning line (25 500), tick after tick, each read by the monitor on its own.
    for (const price of ["25400", "25300", "25200", "25100"]) {
      await setIndex(price);
      await monitorCaughtUp();
    }
    const warnings = await notifications(userId, "loan.warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.params).toMatchObject({ indexPrice: "25400", liquidationPrice: "24600" });
    expect(await loanStatus(loan.id)).toBe("OPEN");

    // Below the effective liquidation line (24 600): sold into the bids until the debt is paid.
    const usdtBefore = await balance(userId, "available", "USDT");
    await setIndex("24500");
    await eventually(async () => expect(await loanStatus(loan.id)).toBe("LIQUIDATED"), 20_000);
    const liquidation = await liquidationOf(loan.id);
    expect(liquidation.kinds.slice(0, 2)).toEqual(["OPENED", "LIQUIDATION_STARTED"]);
    expect(liquidation.kinds.at(-1)).toBe("LIQUIDATED");
    expect(liquidation.debtAtoms).toBeGreaterThanOrEqual(atoms("24000"));
    // Sliced: several orders, each filled against the bidder at or above the bankruptcy price.
    expect(liquidation.slices.length).toBeGreaterThan(2);
    expect(new Set(liquidation.orderIds).size).toBe(liquidation.slices.length);
    expect(liquidation.trades.length).toBeGreaterThan(2);
    for (const trade of liquidation.trades) {
      expect(trade).toMatchObject({
        takerUserId: userId,
        makerUserId: bidderId,
        takerSide: "sell",
      });
      expect(BigInt(trade.priceTicks.toFixed()) * TICK_ATOMS).toBeGreaterThanOrEqual(
        atoms("24000"),
      );
    }
    const fee = liquidationFeeAtoms(liquidation.debtAtoms, FEE_PPM);
    const surplus = liquidation.proceedsAtoms - liquidation.debtAtoms - fee;
    expect(surplus).toBeGreaterThan(0n);
    await eventually(async () => {
      expect(await balance(userId, "available", "USDT")).toBe(usdtBefore + surplus);
      expect(await balance(userId, "available", "BTC")).toBe(BTC - liquidation.soldAtoms);
      expect(await balance(bidderId, "available", "BTC")).toBe(liquidation.boughtAtoms);
    });
    expectLiquidatedNotice(await notifications(userId, "loan.liquidated"), liquidation, surplus);
    expect(await notifications(userId, "loan.warning")).toHaveLength(1);
    await cancelBids(bidderId);
    await expectBooksReconciled(services.db);
  }, 60_000);

  it("waits at a gap below the bankruptcy price, sells once approved, and books the shortfall to insurance", async () => {
    const { userId, loan } = await openSeedLoan("gap");
    const bidderId = await bidder("gap-bids", [["23000", "1.2"]]);
    const insuranceBefore = await balance(0, "insurance", "USDT");
    const usdtBefore = await balance(userId, "available", "USDT");
    // Straight through both lines: the only bids are under the bankruptcy price (24 000).
    await setIndex("23500");
    await eventually(async () => expect(await loanStatus(loan.id)).toBe("LIQUIDATING"));
    await setIndex("23500");
    await monitorCaughtUp();
    await setIndex("23500");
    await monitorCaughtUp();
    const waiting = await liquidationOf(loan.id);
    expect(waiting.kinds).toEqual(["OPENED", "LIQUIDATION_STARTED"]);
    expect(waiting.trades).toEqual([]);
    expect(await balance(bidderId, "available", "BTC")).toBe(0n);

    const approval = await approveSellingBelowBankruptcy(services, { staffId }, loan.id);
    expect(approval.alreadyApproved).toBe(false);
    await eventually(async () => expect(await loanStatus(loan.id)).toBe("LIQUIDATED"), 20_000);
    const liquidation = await liquidationOf(loan.id);
    // All the collateral sold at 23 000, under the debt: the insurance fund pays the rest.
    expect(liquidation.soldAtoms).toBe(BTC);
    for (const trade of liquidation.trades) {
      expect(BigInt(trade.priceTicks.toFixed()) * TICK_ATOMS).toBe(atoms("23000"));
    }
    const shortfall = liquidation.debtAtoms - liquidation.proceedsAtoms;
    expect(shortfall).toBe(liquidation.debtAtoms - atoms("22977"));
    await eventually(async () => {
      expect(await balance(0, "insurance", "USDT")).toBe(insuranceBefore - shortfall);
      expect(await balance(userId, "available", "USDT")).toBe(usdtBefore);
      expect(await balance(userId, "available", "BTC")).toBe(0n);
      expect(await balance(bidderId, "available", "BTC")).toBe(liquidation.boughtAtoms);
    });
    expectLiquidatedNotice(await notifications(userId, "loan.liquidated"), liquidation, 0n);
    await cancelBids(bidderId);
    await expectBooksReconciled(services.db);
  }, 60_000);

  it("finishes a liquidation once after the worker is killed mid-way and its offset lost", async () => {
    const { userId, loan } = await openSeedLoan("restart");
    // A borrower who repaid in full: a closed loan, which no index concerns any more.
    const repaid = await openSeedLoan("repaid");
    await repayLoan(services, repaid.userId, {
      loanId: repaid.loan.id,
      amount: "all",
      requestKey: crypto.randomUUID(),
    });
    await eventually(async () => expect(await loanStatus(repaid.loan.id)).toBe("CLOSED"));
    // Thin bids: the liquidation sells 0.3 BTC, then waits for more.
    const thinId = await bidder("restart-thin", [["25000", "0.3"]]);
    await setIndex("24500");
    await eventually(async () => {
      const sold = await liquidationOf(loan.id);
      expect(sold.soldAtoms).toBe(atoms("0.3"));
    }, 20_000);
    await monitorCaughtUp();
    const before = await liquidationOf(loan.id);
    expect(before.slices.length).toBeGreaterThanOrEqual(2);
    expect(await loanStatus(loan.id)).toBe("LIQUIDATING");

    // A crash that loses the monitor's offset: it reads every event again, the earlier cases'
    // loans, warnings and liquidations included.
    await worker.kill();
    const othersNotified = await othersNotifications(userId);
    await services.db.$executeRaw`
      UPDATE projector_offsets SET seq = 0 WHERE name = ${LOAN_MONITOR_OFFSET}`;
    const thickId = await bidder("restart-thick", [["24900", "1"]]);
    const restartedAt = await journalEnd();
    worker = await WorkerProcess.start(sandbox, WORKER_ENV);
    await setIndex("24500");
    await eventually(async () => expect(await loanStatus(loan.id)).toBe("LIQUIDATED"), 20_000);

    const liquidation = await liquidationOf(loan.id);
    // Every slice once: one order each, numbered on from the slices sold before the crash.
    expect(new Set(liquidation.orderIds).size).toBe(liquidation.slices.length);
    expect(liquidation.orderIds.slice(0, before.orderIds.length)).toEqual(before.orderIds);
    const sliceCommands = await services.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM engine_journal WHERE command_id LIKE ${`loan:sell:${loan.id}:%`}`;
    expect(sliceCommands[0]?.n).toBe(liquidation.slices.length);
    expect(liquidation.trades.every((t) => t.takerUserId === userId)).toBe(true);
    expect(new Set(liquidation.trades.map((t) => t.makerUserId))).toEqual(
      new Set([thinId, thickId]),
    );
    const fee = liquidationFeeAtoms(liquidation.debtAtoms, FEE_PPM);
    const surplus = liquidation.proceedsAtoms - liquidation.debtAtoms - fee;
    await eventually(async () => {
      expect(await balance(userId, "available", "USDT")).toBe(atoms("24000") + surplus);
      expect(await balance(userId, "available", "BTC")).toBe(BTC - liquidation.soldAtoms);
    });
    expectLiquidatedNotice(await notifications(userId, "loan.liquidated"), liquidation, surplus);
    expect(await notifications(userId, "loan.warning")).toHaveLength(1);
    // Reading the past again told no one anything twice, nor sent the engine a command in vain.
    expect(await othersNotifications(userId)).toEqual(othersNotified);
    expect(await refusedLendingCommandsAfter(restartedAt)).toEqual([]);
    await cancelBids(thickId);
    await expectBooksReconciled(services.db);
  }, 60_000);
});

import type { Command, CoreEvent } from "@exchange/core";
import { Journal, recoverState } from "@exchange/journal";
import { commandIds, EngineClient } from "@exchange/protocol";
import {
  BASE,
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  QUOTE,
  referenceCommands,
} from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * A loan through the real engine: opened on the index, the index moved down through its
 * liquidation line, its collateral sold in slices into resting bids on the real book, the engine
 * restarted mid-liquidation — recovering the same state from snapshot and journal, answering the
 * resent slice from the journal — and the liquidation finished once, the surplus returned.
 */

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let db: pg.Pool;

const T = 1_700_000_000_000;
const BTC = 100_000_000n;
const USDT = 1_000_000n;
const BORROWER = 41;
const BIDDER = 42;

beforeAll(async () => {
  sandbox = await createEngineSandbox("engine-lending");
  engine = await EngineProcess.start(sandbox, { ENGINE_SNAPSHOT_EVERY_COMMANDS: "3" });
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  db = new pg.Pool({ connectionString: sandbox.databaseUrl });
  for (const command of referenceCommands()) {
    expect((await client.send(command)).outcome.ok).toBe(true);
  }
});

afterAll(async () => {
  await client?.close();
  await db?.end();
  await engine?.kill();
});

const key = (business: string, businessId: string) => ({ business, businessId });

function deposit(userId: number, asset: string, amountAtoms: bigint): Command {
  const id = `lending-dep-${userId}-${asset}`;
  return { type: "balance.deposit", id, ts: T, ...key("deposit", id), userId, asset, amountAtoms };
}

function indexAt(at: number, priceAtoms: bigint): Command {
  return {
    type: "index.set",
    id: commandIds.indexSet(BASE, QUOTE, at),
    ts: at,
    ...key("index.set", `${BASE}:${QUOTE}:${at}`),
    asset: BASE,
    quote: QUOTE,
    priceAtoms,
    at,
  };
}

function sell(slice: number, qtyAtoms: bigint): Command {
  return {
    type: "loan.liquidationSell",
    id: commandIds.loanLiquidationSell("loan-e1", slice),
    ts: T + 3_000 + slice,
    ...key("loan.liquidationSell", `loan-e1:${slice}`),
    loanId: "loan-e1",
    slice,
    qtyAtoms,
    limitPriceAtoms: 24_000n * USDT,
    belowBankruptcyApproved: false,
  };
}

async function accepted(command: Command): Promise<CoreEvent[]> {
  const reply = await client.send(command);
  if (!reply.outcome.ok) throw new Error(`${command.type}: ${reply.outcome.message}`);
  return reply.outcome.events;
}

function loanChanges(events: CoreEvent[]) {
  return events.filter((e) => e.type === "loan.changed");
}

describe("a loan through the engine", () => {
  it("opens, is liquidated through the book across a restart, and returns the surplus once", async () => {
    await accepted(deposit(BORROWER, BASE, BTC));
    await accepted(deposit(BIDDER, QUOTE, 100_000n * USDT));
    await accepted({
      type: "balance.transfer",
      id: "lending-pool",
      ts: T,
      ...key("transfer", "lending-pool"),
      asset: QUOTE,
      amountAtoms: 1_000_000n * USDT,
      from: { system: "operator" },
      to: { system: "loan" },
    });
    await accepted(indexAt(T, 30_000n * USDT));
    const opened = await accepted({
      type: "loan.open",
      id: commandIds.loanOpen("loan-e1"),
      ts: T + 1,
      ...key("loan.open", "loan-e1"),
      loanId: "loan-e1",
      userId: BORROWER,
      collateralAsset: BASE,
      collateralAtoms: BTC,
      loanAsset: QUOTE,
      principalAtoms: 24_000n * USDT,
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: 820_000,
      liquidationFeePpm: 10_000,
      maturesAt: 0,
    });
    expect(loanChanges(opened)).toMatchObject([{ status: "open", principalAtoms: 24_000n * USDT }]);

    // Bids rest on the real book: 0.5 BTC at 25 000 and 0.5 BTC at 24 800.
    for (const [price, id] of [
      [2_500_000n, "bid-1"],
      [2_480_000n, "bid-2"],
    ] as const) {
      await accepted({
        type: "order.place",
        id,
        ts: T + 2,
        userId: BIDDER,
        symbol: "BTCUSDT",
        side: "buy",
        orderType: "limit",
        priceTicks: price,
        qtyLots: 5_000n,
      });
    }

    // The index falls to 24 600, the 82 % line: the loan may be liquidated.
    await accepted(indexAt(T + 2_000, 24_600n * USDT));
    const liquidating = await accepted({
      type: "loan.liquidate",
      id: commandIds.loanLiquidate("loan-e1"),
      ts: T + 2_001,
      ...key("loan.liquidate", "loan-e1"),
      loanId: "loan-e1",
      reason: "ltv",
    });
    expect(loanChanges(liquidating)).toMatchObject([{ status: "liquidating" }]);

    const first = await client.send(sell(1, BTC / 2n));
    expect(first.outcome.ok).toBe(true);
    const firstEvents = first.outcome.events;
    expect(firstEvents.filter((e) => e.type === "trade")).toMatchObject([
      { takerUserId: BORROWER, makerUserId: BIDDER, priceTicks: 2_500_000n, qtyLots: 5_000n },
    ]);
    // 12 500 less the 0.2 % taker fee: 12 475 of proceeds, the loan not yet covered.
    expect(loanChanges(firstEvents)).toMatchObject([
      { status: "liquidating", collateralAtoms: BTC / 2n, proceedsAtoms: 12_475n * USDT },
    ]);

    // Restart mid-liquidation: the same state from snapshot and journal, and from a replay.
    const before = await engine.stateDigest();
    expect(await engine.stop()).toBe(0);
    engine = await EngineProcess.start(sandbox, { ENGINE_SNAPSHOT_EVERY_COMMANDS: "3" });
    expect(await engine.stateDigest()).toEqual(before);
    const replayed = await recoverState(new Journal(db), null);
    expect(replayed.core.stateHash()).toBe(before.stateHash);
    expect(replayed.core.loans()).toMatchObject([
      { loanId: "loan-e1", status: "liquidating", slicesSold: 1, proceedsAtoms: 12_475n * USDT },
    ]);

    // The monitor, restarted too, resends slice 1: answered from the journal, nothing sold twice.
    expect(await client.send(sell(1, BTC / 2n))).toEqual(first);
    const last = await accepted(sell(2, BTC / 2n));
    expect(last.filter((e) => e.type === "trade")).toMatchObject([
      { takerUserId: BORROWER, priceTicks: 2_480_000n, qtyLots: 5_000n },
    ]);
    // 12 400 − 24.8 fee = 12 375.2; proceeds 24 850.2 pay 24 000 and the 240 fee; 610.2 back.
    expect(loanChanges(last)).toMatchObject([
      { status: "liquidated", principalAtoms: 0n, collateralAtoms: 0n, proceedsAtoms: 0n },
    ]);
    const settlement = last.filter((e) => e.type === "balance.changed").at(-1);
    expect(settlement?.type === "balance.changed" && settlement.postings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ account: "loan", amountAtoms: 24_000n * USDT }),
        expect.objectContaining({ account: "loanIncome", amountAtoms: 240n * USDT }),
        expect.objectContaining({
          account: "available",
          userId: BORROWER,
          amountAtoms: 610_200_000n,
        }),
      ]),
    );
    const final = await engine.stateDigest();
    const again = await recoverState(new Journal(db), null);
    expect(again.core.stateHash()).toBe(final.stateHash);
    expect(again.core.balance(BORROWER, QUOTE).availableAtoms).toBe(24_610_200_000n);
    expect(again.core.systemBalance(QUOTE, "loan")).toBe(1_000_000n * USDT);
    expect(again.core.systemBalance(QUOTE, "insurance")).toBe(0n);
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM engine_journal WHERE command_id LIKE 'loan:sell:%'",
    );
    expect(rows[0].n).toBe(2);
  });

  it("books a gap's shortfall to insurance, selling below bankruptcy only when approved", async () => {
    const borrower = 43;
    const bidder = 44;
    await accepted(deposit(borrower, BASE, BTC));
    await accepted(deposit(bidder, QUOTE, 100_000n * USDT));
    const at = T + 10_000;
    await accepted(indexAt(at, 30_000n * USDT));
    await accepted({
      type: "loan.open",
      id: commandIds.loanOpen("loan-e2"),
      ts: at + 1,
      ...key("loan.open", "loan-e2"),
      loanId: "loan-e2",
      userId: borrower,
      collateralAsset: BASE,
      collateralAtoms: BTC,
      loanAsset: QUOTE,
      principalAtoms: 24_000n * USDT,
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: 820_000,
      liquidationFeePpm: 10_000,
      maturesAt: 0,
    });
    // The market gaps to 20 000: one bid there, below the bankruptcy price (24 000).
    await accepted({
      type: "order.place",
      id: "gap-bid",
      ts: at + 2,
      userId: bidder,
      symbol: "BTCUSDT",
      side: "buy",
      orderType: "limit",
      priceTicks: 2_000_000n,
      qtyLots: 10_000n,
    });
    await accepted(indexAt(at + 3, 20_000n * USDT));
    await accepted({
      type: "loan.liquidate",
      id: commandIds.loanLiquidate("loan-e2"),
      ts: at + 4,
      ...key("loan.liquidate", "loan-e2"),
      loanId: "loan-e2",
      reason: "ltv",
    });
    const slice = (n: number, approved: boolean): Command => ({
      type: "loan.liquidationSell",
      id: commandIds.loanLiquidationSell("loan-e2", n),
      ts: at + 5 + n,
      ...key("loan.liquidationSell", `loan-e2:${n}`),
      loanId: "loan-e2",
      slice: n,
      qtyAtoms: BTC,
      limitPriceAtoms: 20_000n * USDT,
      belowBankruptcyApproved: approved,
    });
    const unapproved = await accepted(slice(1, false));
    expect(unapproved.filter((e) => e.type === "trade")).toEqual([]);
    const insuranceBefore = (await recoverState(new Journal(db), null)).core.systemBalance(
      QUOTE,
      "insurance",
    );
    const approved = await accepted(slice(2, true));
    expect(approved.filter((e) => e.type === "trade")).toMatchObject([
      { takerUserId: borrower, makerUserId: bidder, priceTicks: 2_000_000n },
    ]);
    expect(loanChanges(approved)).toMatchObject([{ status: "liquidated" }]);
    const core = (await recoverState(new Journal(db), null)).core;
    // Proceeds 19 960 (20 000 less 40 fee): 4 040 short, paid by insurance into the pool.
    expect(core.systemBalance(QUOTE, "insurance") - insuranceBefore).toBe(-4_040n * USDT);
    expect(core.systemBalance(QUOTE, "loan")).toBe(1_000_000n * USDT);
    expect(core.balance(borrower, QUOTE).availableAtoms).toBe(24_000n * USDT);
    expect(core.stateHash()).toBe((await engine.stateDigest()).stateHash);
  });
});

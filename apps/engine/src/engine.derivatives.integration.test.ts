import type { Command, CoreEvent } from "@exchange/core";
import { Journal, recoverState, SnapshotStore } from "@exchange/journal";
import { EngineClient } from "@exchange/protocol";
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
 * Perpetuals through the real engine: BTCUSDT-PERP listed as the seed lists it (ticks of 0.1
 * USDT, lots of 0.001 BTC: 50 000 USDT is 500 000 ticks, 1 BTC is 1 000 lots). With an empty
 * book and an empty insurance fund a liquidation is closed by auto-deleveraging the profitable
 * short; with a bid on the book the bid takes it and the margin left goes to the fund. The
 * engine killed right after a liquidating mark was acknowledged recovers the same state, and the
 * mark sent again is answered from the journal.
 */

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let db: pg.Pool;

const T = 1_700_000_000_000;
const USDT = 1_000_000n;
const SYMBOL = "BTCUSDT-PERP";
const BTC_LOTS = 1_000n;
const ENGINE_ENV = { ENGINE_SNAPSHOT_EVERY_COMMANDS: "3" };
const ticks = (usdt: number) => BigInt(Math.round(usdt * 10));

const key = (business: string, businessId: string) => ({ business, businessId });

beforeAll(async () => {
  sandbox = await createEngineSandbox("engine-derivatives");
  engine = await EngineProcess.start(sandbox, ENGINE_ENV);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  db = new pg.Pool({ connectionString: sandbox.databaseUrl });
  for (const command of referenceCommands()) {
    expect((await client.send(command)).outcome.ok).toBe(true);
  }
  await accepted({
    type: "contract.add",
    id: `ref:contract:${SYMBOL}`,
    ts: T,
    symbol: SYMBOL,
    base: BASE,
    quote: QUOTE,
    tickSizeAtoms: 100_000n,
    lotSizeAtoms: 100_000n,
    minQtyLots: 1n,
    maxQtyLots: 1_000_000n,
    minNotionalAtoms: 0n,
    maxPriceTicks: 100_000_000n,
    makerFeePpm: 200,
    takerFeePpm: 500,
    maxLeverage: 125,
    riskTiers: [
      { maxNotionalAtoms: 50_000n * USDT, maintenanceMarginPpm: 4_000, maxLeverage: 125 },
      { maxNotionalAtoms: 250_000n * USDT, maintenanceMarginPpm: 5_000, maxLeverage: 100 },
      { maxNotionalAtoms: 1_000_000n * USDT, maintenanceMarginPpm: 10_000, maxLeverage: 50 },
    ],
    fundingIntervalMs: 8 * 3_600_000,
    fundingCapPpm: 3_000,
    interestPpm: 100,
  });
});

afterAll(async () => {
  await client?.close();
  await db?.end();
  await engine?.kill();
});

async function accepted(command: Command): Promise<CoreEvent[]> {
  const reply = await client.send(command);
  if (!reply.outcome.ok) throw new Error(`${command.type}: ${reply.outcome.message}`);
  return reply.outcome.events;
}

/** 100 000 USDT on spot, 10 000 of it moved to the futures wallet. */
async function fund(userId: number): Promise<void> {
  const deposit = `perp-dep-${userId}`;
  await accepted({
    type: "balance.deposit",
    id: deposit,
    ts: T,
    ...key("deposit", deposit),
    userId,
    asset: QUOTE,
    amountAtoms: 100_000n * USDT,
  });
  const transfer = `perp-ft-${userId}`;
  await accepted({
    type: "futures.transfer",
    id: `futures:transfer:${transfer}`,
    ts: T,
    ...key("futures.transfer", transfer),
    userId,
    asset: QUOTE,
    amountAtoms: 10_000n * USDT,
    direction: "toFutures",
  });
}

let orders = 0;
function order(userId: number, side: "buy" | "sell", usdt: number, extra = {}): Command {
  orders += 1;
  return {
    type: "order.place",
    id: `perp-order-${orders}`,
    ts: T,
    userId,
    symbol: SYMBOL,
    side,
    orderType: "limit",
    priceTicks: ticks(usdt),
    qtyLots: BTC_LOTS,
    ...extra,
  } as Command;
}

/** The mark (and index) at `usdt`, sampled at `at`: keyed `<symbol>:<at>` as the worker sends it. */
function mark(usdt: number, at: number): Command {
  return {
    type: "mark.set",
    id: `mark:${SYMBOL}:${at}`,
    ts: at,
    ...key("mark.set", `${SYMBOL}:${at}`),
    symbol: SYMBOL,
    markPriceTicks: ticks(usdt),
    indexPriceTicks: ticks(usdt),
    at,
  };
}

/** A 10× isolated long of 1 BTC at 50 000 (5 000 USDT of margin) against `shortUser`'s rest. */
async function openIsolatedLong(longUser: number, shortUser: number): Promise<void> {
  await accepted({
    type: "position.setMarginMode",
    id: `perp-mode-${longUser}`,
    ts: T,
    userId: longUser,
    symbol: SYMBOL,
    mode: "isolated",
  });
  await accepted({
    type: "position.setLeverage",
    id: `perp-lev-${longUser}`,
    ts: T,
    userId: longUser,
    symbol: SYMBOL,
    leverage: 10,
  });
  await accepted(order(shortUser, "sell", 50_000));
  await accepted(order(longUser, "buy", 50_000, { timeInForce: "IOC" }));
}

const replay = async () => (await recoverState(new Journal(db), null)).core;

describe("perpetuals through the engine", () => {
  it("an empty book and an empty insurance fund: the long liquidated at mark 45 000 is closed by auto-deleveraging the short at 45 000", async () => {
    await fund(61);
    await fund(62);
    await accepted(mark(50_000, T + 1_000));
    await openIsolatedLong(61, 62);
    expect((await replay()).systemBalance(QUOTE, "insurance")).toBe(0n);

    const events = await accepted(mark(45_000, T + 2_000));
    expect(events.filter((e) => e.type === "position.liquidated")).toMatchObject([
      {
        userId: 61,
        qtyLots: BTC_LOTS,
        bankruptcyPriceTicks: ticks(45_000),
        bookLots: 0n,
        deleveragedLots: BTC_LOTS,
        insuranceAtoms: 0n,
      },
    ]);
    expect(events.filter((e) => e.type === "position.deleveraged")).toMatchObject([
      { userId: 62, qtyLots: BTC_LOTS, priceTicks: ticks(45_000), liquidatedUserId: 61 },
    ]);
    const core = await replay();
    expect(core.position(61, SYMBOL)).toMatchObject({ qtyLots: 0n, isolatedMarginAtoms: 0n });
    // The short gained 5 000 on 1 BTC from 50 000 to 45 000, less its 10 USDT maker fee.
    expect(core.position(62, SYMBOL)).toMatchObject({
      qtyLots: 0n,
      realisedPnlAtoms: 5_000n * USDT,
    });
    expect(core.futuresWallet(62, QUOTE)).toBe(14_990n * USDT);
    expect(core.openPositions(SYMBOL)).toEqual([]);
    expect(core.stateHash()).toBe((await engine.stateDigest()).stateHash);
  });

  it("a bid at 45 500 takes the long liquidated at mark 45 180.7; killed right after, the engine recovers the same state and answers the mark again from the journal", async () => {
    await fund(63);
    await fund(64);
    await fund(65);
    await accepted(mark(50_000, T + 3_000));
    await openIsolatedLong(63, 64);
    const position = (await replay()).position(63, SYMBOL);
    // 5 000 + (M − 50 000) ≤ 0.4 % × M  ⇔  M ≤ 45 180.72…: the line is the tick 45 180.7.
    expect(position).toMatchObject({
      qtyLots: BTC_LOTS,
      isolatedMarginAtoms: 5_000n * USDT,
      liquidationPriceTicks: ticks(45_180.7),
    });
    await accepted(order(65, "buy", 45_500));
    const insuranceBefore = (await replay()).systemBalance(QUOTE, "insurance");

    const above = await accepted(mark(45_180.8, T + 4_000));
    expect(above.filter((e) => e.type === "position.liquidated")).toEqual([]);
    const liquidating = mark(45_180.7, T + 5_000);
    const first = await client.send(liquidating);
    expect(first.outcome.ok).toBe(true);
    const events = first.outcome.events;
    expect(events.filter((e) => e.type === "trade")).toMatchObject([
      { takerUserId: 63, makerUserId: 65, priceTicks: ticks(45_500), qtyLots: BTC_LOTS },
    ]);
    expect(events.filter((e) => e.type === "position.liquidated")).toMatchObject([
      {
        userId: 63,
        bankruptcyPriceTicks: ticks(45_000),
        bookLots: BTC_LOTS,
        deleveragedLots: 0n,
        insuranceAtoms: 500n * USDT,
      },
    ]);

    // Killed the moment the liquidation was acknowledged: no drain, no final snapshot.
    const before = await engine.stateDigest();
    await engine.kill();
    engine = await EngineProcess.start(sandbox, ENGINE_ENV);
    expect(await engine.stateDigest()).toEqual(before);
    const fromSnapshot = (
      await recoverState(new Journal(db), new SnapshotStore(db, Number.MAX_SAFE_INTEGER))
    ).core;
    const replayed = await replay();
    for (const core of [fromSnapshot, replayed]) {
      expect(core.stateHash()).toBe(before.stateHash);
      expect(core.position(63, SYMBOL)).toMatchObject({ qtyLots: 0n, isolatedMarginAtoms: 0n });
      expect(core.position(65, SYMBOL)).toMatchObject({ qtyLots: BTC_LOTS });
      // The wallet lost the isolated margin and the opening fee: 10 000 − 5 000 − 25.
      expect(core.futuresWallet(63, QUOTE)).toBe(4_975n * USDT);
      expect(core.systemBalance(QUOTE, "insurance") - insuranceBefore).toBe(500n * USDT);
    }

    // The same mark sent again (a restarted publisher): the journal's answer, nothing twice.
    expect(await client.send(liquidating)).toEqual(first);
    const again = await client.send({ ...liquidating, id: `${liquidating.id}:again` });
    expect(again.outcome).toMatchObject({ ok: true, repeated: true, events: [] });
    expect((await engine.stateDigest()).stateHash).toBe(before.stateHash);
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM engine_journal WHERE command_id = $1",
      [liquidating.id],
    );
    expect(rows[0].n).toBe(1);
    expect((await replay()).systemBalance(QUOTE, "insurance") - insuranceBefore).toBe(500n * USDT);
  });
});

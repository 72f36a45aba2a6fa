import { type Command, ExchangeCore } from "@exchange/core";
import {
  findContract,
  findFundingHistory,
  findFuturesWallets,
  findLastMark,
  findLiquidations,
  findPositionHistory,
  findPositions,
  findUserLiquidations,
} from "@exchange/domains/derivatives/derivatives-repository";
import { referenceDataCommands, syncReferenceData } from "@exchange/domains/markets/reference-data";
import { closeServices, createServices, type Services } from "@exchange/domains/services";
import { expectBooksReconciled } from "@exchange/domains/testing/books";
import { eventually } from "@exchange/domains/testing/eventually";
import { depositForTest } from "@exchange/domains/testing/test-funds";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { Journal, recoverState } from "@exchange/journal";
import { streamBusChannel } from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  WorkerProcess,
} from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcile } from "../../jobs/reconciliation/reconcile";

/**
 * The perpetuals' read models written by the real worker from the real engine: a BTC perpetual
 * listed (its markets row first, as the listing service writes it), an isolated long liquidated
 * through a bid on the book, funding settled, a second long closed by auto-deleveraging with no
 * bid left. The rows of `positions`, `futures_wallets`, `liquidations` and `funding_settlements`
 * are the engine's own numbers (its state rebuilt from the journal), and the worker's
 * reconciliation still finds the books balanced with `futuresMargin` and `futuresPnl` in them.
 */

/** The seed's USDT carries 8 places; the contract's tick is 0.1 USDT, its lot 0.001 BTC. */
const USDT = 100_000_000n;
/** A contract of its own: the seed lists BTCUSDT-PERP already. */
const SYMBOL = "PROJBTCUSDT-PERP";
const BTC_LOTS = 1_000n;
const ticks = (usdt: number) => BigInt(Math.round(usdt * 10));

let sandbox: EngineSandbox;
let engine: EngineProcess;
let worker: WorkerProcess;
let services: Services;
let db: pg.Pool;
let lastAt = 0;

const WORKER_ENV = { RECONCILE_EVERY_MS: "1000", RECONCILE_MAX_LAG_MS: "1000" };

beforeAll(async () => {
  sandbox = await createEngineSandbox("projector-perpetuals");
  engine = await EngineProcess.start(sandbox);
  worker = await WorkerProcess.start(sandbox, WORKER_ENV);
  services = await createServices({ ...sandbox, logLevel: "fatal" });
  db = new pg.Pool({ connectionString: sandbox.databaseUrl });
  await syncReferenceData(services.db, services.engine, services.clock.now());
  // The markets row before the engine hears of the contract, as the listing service writes it.
  await services.db.market.create({
    data: {
      symbol: SYMBOL,
      baseAsset: "BTC",
      quoteAsset: "USDT",
      priceTick: "0.1",
      lotSize: "0.001",
      minQty: "0.001",
      maxQty: "1000",
      minNotional: "0",
      makerFeeRate: "0.0002",
      takerFeeRate: "0.0005",
    },
  });
  await send({
    type: "contract.add",
    id: `ref:contract:${SYMBOL}`,
    symbol: SYMBOL,
    base: "BTC",
    quote: "USDT",
    tickSizeAtoms: 10_000_000n,
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
}, 120_000);

afterAll(async () => {
  if (services) await closeServices(services);
  await db?.end();
  await worker?.stop();
  await engine?.kill();
});

async function send(command: Record<string, unknown>) {
  const full = { ts: Date.now(), ...command } as unknown as Command;
  const reply = await services.engine.send(full);
  if (!reply.outcome.ok) throw new Error(`${full.type} refused: ${reply.outcome.message}`);
  return reply.outcome.events;
}

/** A trader with 100 000 USDT on spot, 10 000 of it moved to the futures wallet. */
async function trader(tag: string): Promise<number> {
  const user = await createTestUser(services.db, { tag });
  await depositForTest(services.engine, user.id, "USDT", 100_000n * USDT);
  const transferId = crypto.randomUUID();
  await send({
    type: "futures.transfer",
    id: `futures:transfer:${transferId}`,
    business: "futures.transfer",
    businessId: transferId,
    userId: user.id,
    asset: "USDT",
    amountAtoms: 10_000n * USDT,
    direction: "toFutures",
  });
  return user.id;
}

function order(userId: number, side: "buy" | "sell", usdt: number, extra = {}) {
  return send({
    type: "order.place",
    id: `perp-order:${crypto.randomUUID()}`,
    userId,
    symbol: SYMBOL,
    side,
    orderType: "limit",
    priceTicks: ticks(usdt),
    qtyLots: BTC_LOTS,
    ...extra,
  });
}

function mark(usdt: number) {
  const at = Math.max(Date.now(), lastAt + 1);
  lastAt = at;
  return send({
    type: "mark.set",
    id: `mark:${SYMBOL}:${at}`,
    business: "mark.set",
    businessId: `${SYMBOL}:${at}`,
    symbol: SYMBOL,
    markPriceTicks: ticks(usdt),
    indexPriceTicks: ticks(usdt),
    at,
  });
}

/** A 10× isolated long of 1 BTC at 50 000 (5 000 USDT of margin) against `shortUser`'s rest. */
async function isolatedLong(longUser: number, shortUser: number): Promise<void> {
  const settings = { userId: longUser, symbol: SYMBOL };
  await send({
    type: "position.setMarginMode",
    id: crypto.randomUUID(),
    ...settings,
    mode: "isolated",
  });
  await send({ type: "position.setLeverage", id: crypto.randomUUID(), ...settings, leverage: 10 });
  await order(shortUser, "sell", 50_000);
  await order(longUser, "buy", 50_000, { timeInForce: "IOC" });
}

/** The engine's state at the journal's end, and the read models caught up with it. */
async function projectedEngine(): Promise<ExchangeCore> {
  const { core, seq } = await recoverState(new Journal(db), null);
  await eventually(async () => {
    const { rows } = await db.query("SELECT seq FROM projector_offsets WHERE name = 'projector'");
    expect(Number(rows[0]?.seq ?? 0)).toBeGreaterThanOrEqual(seq);
  });
  return core;
}

async function expectRowsMatchEngine(core: ExchangeCore, users: number[]): Promise<void> {
  for (const userId of users) {
    const [wallet] = await findFuturesWallets(services.db, userId);
    expect(wallet?.walletAtoms, `user ${userId}'s wallet`).toBe(core.futuresWallet(userId, "USDT"));
    const engineView = core.position(userId, SYMBOL);
    const [row] = await findPositions(services.db, userId, { includeFlat: true });
    expect(row, `user ${userId}'s position`).toMatchObject({
      qtyLots: engineView?.qtyLots,
      costAtoms: engineView?.costAtoms,
      mode: engineView?.mode.toUpperCase(),
      leverage: engineView?.leverage,
      isolatedMarginAtoms: engineView?.isolatedMarginAtoms,
      realisedPnlAtoms: engineView?.realisedPnlAtoms,
      liquidationPriceTicks: engineView?.liquidationPriceTicks || null,
    });
  }
}

describe("the perpetuals' read models", () => {
  it("follow the engine through a liquidation on the book, funding and auto-deleveraging, and the books reconcile", async () => {
    const [long, short, bidder, long2, short2] = [
      await trader("perp-long"),
      await trader("perp-short"),
      await trader("perp-bidder"),
      await trader("perp-long-2"),
      await trader("perp-short-2"),
    ] as [number, number, number, number, number];
    const users = [long, short, bidder, long2, short2];

    // 1. A bid at 45 500 takes the long liquidated at 45 180.7; 500 USDT left to the fund.
    await mark(50_000);
    await isolatedLong(long, short);
    await order(bidder, "buy", 45_500);
    await mark(45_180.8);
    const liquidated = await mark(45_180.7);
    expect(liquidated.filter((e) => e.type === "position.liquidated")).toHaveLength(1);

    // 2. Funding of +0.01 % at 45 180.7: the bidder's long pays, the short receives.
    const fundingTime = Date.now();
    await send({
      type: "funding.settle",
      id: `funding:${SYMBOL}:${fundingTime}`,
      business: "funding.settle",
      businessId: `${SYMBOL}:${fundingTime}`,
      symbol: SYMBOL,
      fundingTime,
      ratePpm: 100,
    });

    // 3. No bid left: a second long liquidated at 45 000 is closed against a profitable short.
    await mark(50_000);
    await isolatedLong(long2, short2);
    const deleveraged = await mark(45_000);
    expect(deleveraged.filter((e) => e.type === "position.deleveraged")).not.toHaveLength(0);

    const core = await projectedEngine();
    await expectRowsMatchEngine(core, users);

    expect(await findUserLiquidations(services.db, long, { limit: 10 })).toMatchObject([
      {
        symbol: SYMBOL,
        qtyLots: BTC_LOTS,
        markPriceTicks: ticks(45_180.7),
        bankruptcyPriceTicks: ticks(45_000),
        bookLots: BTC_LOTS,
        deleveragedLots: 0n,
        insuranceAtoms: 500n * USDT,
      },
    ]);
    const all = await findLiquidations(services.db, { limit: 10 });
    expect(all.map((l) => [l.userId, l.bookLots, l.deleveragedLots])).toEqual([
      [long2, 0n, BTC_LOTS],
      [long, BTC_LOTS, 0n],
    ]);
    expect(await findLiquidations(services.db, { limit: 1, before: all[0]?.id })).toEqual([all[1]]);

    // 45 180.7 × 1 BTC × 0.01 % = 4.51807 USDT, from the one long to the one short.
    expect(await findFundingHistory(services.db, SYMBOL, { limit: 5 })).toEqual([
      {
        symbol: SYMBOL,
        fundingTime: new Date(fundingTime),
        ratePpm: 100,
        markPriceTicks: ticks(45_180.7),
        paidAtoms: 451_807_000n,
        receivedAtoms: 451_807_000n,
        roundingAtoms: 0n,
        positions: 2,
      },
    ]);

    const history = await findPositionHistory(services.db, long, { limit: 10 });
    expect(history.map((e) => [e.kind, e.qtyLots])).toEqual([
      ["LIQUIDATION", 0n],
      ["TRADE", 0n],
      ["TRADE", BTC_LOTS],
      ["SETTINGS", 0n],
      ["SETTINGS", 0n],
    ]);
    const page = await findPositionHistory(services.db, long, { limit: 2, before: history[1]?.id });
    expect(page).toEqual(history.slice(2, 4));
    const bidderFunding = (await findPositionHistory(services.db, bidder, { limit: 10 })).find(
      (e) => e.kind === "FUNDING",
    );
    expect(bidderFunding?.fundingAtoms).toBe(451_807_000n);
    // The short closed against the second long is told at its bankruptcy price, 45 000.
    const deleverageLines = (
      await Promise.all(
        [short, short2].map((u) => findPositionHistory(services.db, u, { limit: 10 })),
      )
    )
      .flat()
      .filter((e) => e.kind === "DELEVERAGE");
    expect(deleverageLines).toMatchObject([{ qtyLots: 0n, priceTicks: ticks(45_000) }]);

    expect(await findContract(services.db, SYMBOL)).toMatchObject({
      baseAsset: "BTC",
      quoteAsset: "USDT",
      maxLeverage: 125,
      riskTiers: [
        { maxNotionalAtoms: 50_000n * USDT, maintenanceMarginPpm: 4_000, maxLeverage: 125 },
        { maxNotionalAtoms: 250_000n * USDT, maintenanceMarginPpm: 5_000, maxLeverage: 100 },
        { maxNotionalAtoms: 1_000_000n * USDT, maintenanceMarginPpm: 10_000, maxLeverage: 50 },
      ],
      lastFundingTime: new Date(fundingTime),
      lastFundingRatePpm: 100,
    });
    expect(await findLastMark(services.db, SYMBOL)).toEqual({
      markPriceTicks: ticks(45_000),
      indexPriceTicks: ticks(45_000),
      at: new Date(lastAt),
    });

    await expectBooksReconciled(services.db);

    // A futures wallet that drifted from the engine's split of futuresMargin is reported.
    const drift = "UPDATE futures_wallets SET wallet_atoms = wallet_atoms + $2 WHERE user_id = $1";
    await db.query(drift, [long, 1]);
    const report = await reconcile(db, new Journal(db), { maxLagMs: 60_000 });
    await db.query(drift, [long, -1]);
    expect(report.differences).toEqual([
      {
        kind: "projection-vs-engine",
        userId: long,
        account: "futuresWallet",
        asset: "USDT",
        expected: String(4_975n * USDT),
        actual: String(4_975n * USDT + 1n),
      },
    ]);
  }, 120_000);

  it("tells a trader of each change on its own channels: the futures wallet on @account, the position on @position", async () => {
    const subscriber = new Redis(sandbox.redisUrl);
    const pushes: Array<{ channel: string; push: Record<string, unknown> }> = [];
    subscriber.on("pmessage", (_pattern, channel, message) => {
      pushes.push({
        channel: channel.slice(channel.lastIndexOf(":") + 1),
        push: JSON.parse(message),
      });
    });
    await subscriber.psubscribe(streamBusChannel(sandbox.redisPrefix, "*"));
    try {
      const [long, short] = [await trader("push-long"), await trader("push-short")];
      await mark(50_000);
      await order(short, "sell", 50_000);
      await order(long, "buy", 50_000, { timeInForce: "IOC" });
      const core = await projectedEngine();
      await eventually(async () => {
        const walletPush = pushes.findLast((p) => p.channel === `${long}@account`);
        expect(walletPush?.push).toEqual({
          kind: "futuresWallet",
          asset: "USDT",
          walletAtoms: core.futuresWallet(long, "USDT").toString(),
        });
        const positionPush = pushes.findLast((p) => p.channel === `${short}@position`);
        expect(positionPush?.push).toMatchObject({
          kind: "position",
          symbol: SYMBOL,
          qtyLots: (-BTC_LOTS).toString(),
        });
      });
      // Nobody hears of another trader's changes on their own channels.
      expect(
        pushes.filter((p) => p.channel.startsWith(`${long}@`)).map((p) => p.push),
      ).not.toContainEqual(expect.objectContaining({ qtyLots: (-BTC_LOTS).toString() }));
    } finally {
      subscriber.disconnect();
    }
  });

  it("projects a long's TP/SL: the take-profit triggered and filled at 52 000, the stop-loss cancelled as the position closed, the position flat and the books balanced", async () => {
    const [long, short, bidder, seller] = [
      await trader("tpsl-long"),
      await trader("tpsl-short"),
      await trader("tpsl-bidder"),
      await trader("tpsl-seller"),
    ] as [number, number, number, number];
    await mark(50_000);
    await order(short, "sell", 50_000);
    await order(long, "buy", 50_000, { timeInForce: "IOC" });
    const protective = { reduceOnly: true, timeInForce: "IOC" };
    const [tpAccepted] = await order(long, "sell", 49_400, {
      ...protective,
      orderType: "takeProfitLimit",
      stopPriceTicks: ticks(52_000),
    });
    const [slAccepted] = await order(long, "sell", 45_600, {
      ...protective,
      orderType: "stopLimit",
      stopPriceTicks: ticks(48_000),
    });
    const tp = (tpAccepted as { orderId: number }).orderId;
    const sl = (slAccepted as { orderId: number }).orderId;
    await order(bidder, "buy", 52_000, { qtyLots: 2n * BTC_LOTS });
    await order(seller, "sell", 52_000, { qtyLots: 1n, timeInForce: "IOC" });

    const core = await projectedEngine();
    await expectRowsMatchEngine(core, [long, short, bidder, seller]);
    expect(core.position(long, SYMBOL)?.qtyLots).toBe(0n);
    const { rows } = await db.query(
      "SELECT order_id, stop_order_type, status, cancel_reason, filled_lots, working FROM orders WHERE order_id = ANY($1) ORDER BY order_id",
      [[tp, sl]],
    );
    expect(rows.map((r) => [r.order_id, r.stop_order_type, r.status, r.cancel_reason])).toEqual([
      [tp, "takeProfitLimit", "FILLED", null],
      [sl, "stopLimit", "CANCELLED", "positionClosed"],
    ]);
    expect(String(rows[0]?.filled_lots)).toBe(String(BTC_LOTS));
    await expectBooksReconciled(services.db);
  }, 120_000);

  it("lists the contract again from its recorded terms: an engine on an empty journal takes it, this one answers that it exists", async () => {
    const commands = await referenceDataCommands(services.db, Date.now());
    const listing = commands.find((c) => c.type === "contract.add");
    expect(listing).toMatchObject({ symbol: SYMBOL, maxLeverage: 125, tickSizeAtoms: 10_000_000n });
    expect(commands.filter((c) => c.type === "market.add" && c.symbol === SYMBOL)).toEqual([]);
    const empty = new ExchangeCore();
    for (const command of commands) expect(empty.apply(command).accepted).toBe(true);
    expect(empty.contract(SYMBOL)?.k).toBe(10_000n);
    await syncReferenceData(services.db, services.engine, Date.now());
  });
});

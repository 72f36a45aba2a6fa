import { type Command, ExchangeCore, hashText } from "@exchange/core";
import { PROTOCOL_VERSION, stringifyWire } from "@exchange/protocol";
import { BASE, createEngineSandbox, QUOTE, referenceCommands, SYMBOL } from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Journal, type JournalEntry } from "./journal";
import { outcomeText } from "./outcome";
import { recoverState } from "./recovery";
import { SnapshotStore } from "./snapshot-store";

/**
 * A journal holding stop orders, an OCO list, amendments and a cancel-all of every market,
 * replayed at start-up: from nothing, from a current snapshot taken while stops waited and the
 * OCO was open, and from a version 3 snapshot (written before stop orders existed).
 */

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.end();
});

let pool: pg.Pool;
beforeEach(async () => {
  const sandbox = await createEngineSandbox("conditional");
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  pools.push(pool);
});

let n = 0;
/** A command with a fresh id and a rising time. */
const make = (body: Record<string, unknown>): Command =>
  ({ ...body, id: `c-${++n}`, ts: 1_700_000_000_000 + n }) as unknown as Command;

const deposit = (userId: number, asset: string, amountAtoms: bigint) =>
  make({
    type: "balance.deposit",
    business: "deposit",
    businessId: `d-${userId}-${asset}`,
    userId,
    asset,
    amountAtoms,
  });
const limit = (userId: number, side: string, priceTicks: bigint, qtyLots: bigint) =>
  make({
    type: "order.place",
    orderType: "limit",
    symbol: SYMBOL,
    userId,
    side,
    priceTicks,
    qtyLots,
  });

/** Funds, a first trade at 1 000, then a waiting stop of each kind and an OCO (orders 3–6). */
const before = (): Command[] => [
  ...referenceCommands(),
  ...[1, 2, 3].flatMap((u) => [deposit(u, BASE, 10n ** 10n), deposit(u, QUOTE, 10n ** 12n)]),
  limit(2, "sell", 1_000n, 1n),
  limit(3, "buy", 1_000n, 1n),
  make({
    type: "order.place",
    orderType: "stopLimit",
    symbol: SYMBOL,
    userId: 1,
    side: "sell",
    stopPriceTicks: 990n,
    priceTicks: 985n,
    qtyLots: 2n,
  }),
  make({
    type: "order.place",
    orderType: "takeProfitLimit",
    symbol: SYMBOL,
    userId: 1,
    side: "sell",
    stopPriceTicks: 1_020n,
    priceTicks: 1_015n,
    qtyLots: 1n,
    timeInForce: "IOC",
  }),
  make({
    type: "order.placeOco",
    symbol: SYMBOL,
    userId: 2,
    side: "buy",
    qtyLots: 3n,
    priceTicks: 950n,
    stopPriceTicks: 1_010n,
    stopLimitPriceTicks: 1_030n,
  }),
];

/**
 * Order `firstId` rests and is amended twice (kept, then replaced); a sell sweeping down to
 * 990 triggers the stop sell; a buy sweeping up to 1 020 triggers the OCO's stop (cancelling
 * its limit order) and then the IOC take-profit, which sells to it; a cancel-all of every market.
 */
const after = (firstId: number): Command[] => [
  limit(3, "buy", 995n, 4n),
  make({ type: "order.amend", symbol: SYMBOL, userId: 3, orderId: firstId, qtyLots: 3n }),
  make({ type: "order.amend", symbol: SYMBOL, userId: 3, orderId: firstId, priceTicks: 996n }),
  limit(3, "buy", 990n, 1n),
  limit(2, "sell", 990n, 4n),
  limit(2, "sell", 1_020n, 2n),
  limit(3, "buy", 1_020n, 4n),
  limit(3, "buy", 900n, 1n),
  make({ type: "order.cancelAll", userId: 3 }),
];

async function applyAndJournal(core: ExchangeCore, commands: Command[], seq: number) {
  const entries: JournalEntry[] = commands.map((command, i) => {
    const result = core.apply(command);
    expect(result.accepted, `${command.type} ${result.accepted ? "" : result.message}`).toBe(true);
    return {
      seq: seq + i + 1,
      commandId: command.id,
      command: stringifyWire({ v: PROTOCOL_VERSION, ...command }),
      ok: result.accepted,
      outcome: outcomeText(result),
    };
  });
  await new Journal(pool).append(entries);
  return seq + commands.length;
}

/** The same state as a version 3 core wrote it: no last trade prices. */
function versionThreeText(core: ExchangeCore): string {
  const snapshot = core.snapshot();
  const markets = snapshot.markets.map(({ lastPriceTicks: _, ...m }) => m);
  return JSON.stringify({ ...snapshot, version: 3, markets });
}

describe("replaying stop orders, OCO lists and amendments", () => {
  it("reaches the live state from nothing and from a snapshot holding waiting stops and an OCO", async () => {
    const core = new ExchangeCore();
    const snapshotSeq = await applyAndJournal(core, before(), 0);
    expect(core.openOrders(1).map((o) => o.waiting)).toEqual([true, true]);
    expect(core.openOrders(2).map((o) => o.peerOrderId !== null)).toEqual([true, true]);
    const state = JSON.stringify(core.snapshot());
    const snapshots = new SnapshotStore(pool, 3);
    await snapshots.save({ seq: snapshotSeq, stateHash: core.stateHash(), state });
    const lastSeq = await applyAndJournal(core, after(7), snapshotSeq);
    // The run triggered the stop sell, the OCO's stop (cancelling its limit order) and the IOC
    // take-profit, which sold to it; the cancel-all left user 3 with nothing open.
    expect(core.openOrders(1)).toEqual([]);
    expect(core.openOrders(2)).toMatchObject([
      { priceTicks: 1_030n, remainingLots: 2n, waiting: false, listId: 5, peerOrderId: null },
    ]);
    expect(core.openOrders(3)).toEqual([]);

    const fromSnapshot = await recoverState(new Journal(pool), snapshots);
    expect(fromSnapshot.seq).toBe(lastSeq);
    expect(fromSnapshot.replayedCommands).toBe(after(7).length);
    expect(fromSnapshot.core.stateHash()).toBe(core.stateHash());
    const fromNothing = await recoverState(new Journal(pool), null);
    expect(fromNothing.core.stateHash()).toBe(core.stateHash());
  });

  it("continues from a version 3 snapshot once the market has traded again", async () => {
    const core = new ExchangeCore();
    const setup = before().slice(0, -3);
    const snapshotSeq = await applyAndJournal(core, setup, 0);
    const state = versionThreeText(core);
    const snapshots = new SnapshotStore(pool, 3);
    await snapshots.save({ seq: snapshotSeq, stateHash: hashText(state), state });
    await applyAndJournal(
      core,
      [limit(2, "sell", 1_000n, 1n), limit(3, "buy", 1_000n, 1n)],
      snapshotSeq,
    );
    await applyAndJournal(core, [...before().slice(-3), ...after(9)], snapshotSeq + 2);

    const recovered = await recoverState(new Journal(pool), snapshots);
    expect(recovered.core.stateHash()).toBe(core.stateHash());
  });
});

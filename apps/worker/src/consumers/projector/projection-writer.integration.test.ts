/**
 * The projection writer against a real database: what a batch stores reads back exactly (the
 * largest amounts, negative postings, any characters, the command's time), a batch delivered
 * again stores nothing twice, and a batch that does not follow the stored offset is refused.
 */
import { MAX_UNITS } from "@exchange/core";
import type { WireCoreEvent } from "@exchange/protocol";
import { createEngineSandbox } from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutcomeRecord } from "./outcome-batch";
import { projectOutcomes } from "./project-outcomes";
import { readProjectorOffset, writeProjection } from "./projection-writer";

let pool: pg.Pool;
const PLACED_AT = Date.UTC(2026, 11, 6, 3, 4, 5, 678);

function record(seq: number, events: WireCoreEvent[]): OutcomeRecord {
  return {
    seq,
    commandId: `writer:${seq}`,
    ts: PLACED_AT + seq,
    outcome: { ok: true, repeated: false, events },
  };
}

function acceptedOrder(orderId: number, clientOrderId: string | null): WireCoreEvent {
  return {
    type: "order.accepted",
    symbol: "BTCUSDT",
    orderId,
    userId: 7,
    clientOrderId,
    side: "buy",
    orderType: "limit",
    priceTicks: MAX_UNITS,
    qtyLots: MAX_UNITS - 1n,
    quoteAtoms: 0n,
    timeInForce: "GTC",
    postOnly: false,
    stp: "cancelTaker",
    frozenAtoms: MAX_UNITS,
    ts: PLACED_AT,
  };
}

function freeze(orderId: number, atoms: bigint, balanceAtoms: bigint): WireCoreEvent {
  return {
    type: "balance.changed",
    cause: "order.freeze",
    orderId,
    tradeId: 0,
    business: "",
    businessId: "",
    postings: [
      { account: "available", userId: 7, asset: "USDT", amountAtoms: -atoms, balanceAtoms },
      { account: "frozen", userId: 7, asset: "USDT", amountAtoms: atoms, balanceAtoms: atoms },
    ],
  };
}

async function count(table: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  const sandbox = await createEngineSandbox("writer");
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
});

afterAll(async () => {
  await pool?.end();
});

describe("projection writer", () => {
  const first = [
    record(1, [acceptedOrder(1, "ordre-é-注文"), freeze(1, MAX_UNITS, -MAX_UNITS)]),
    record(2, [acceptedOrder(2, null), freeze(2, 12_345_678n, 99_999_945_000_198n)]),
  ];

  it("stores a batch exactly as the engine stated it", async () => {
    await writeProjection(pool, projectOutcomes(first), 0);
    const { rows: orders } = await pool.query(
      `SELECT order_id, client_order_id, price_ticks::text, qty_lots::text, quote_atoms::text,
         status, accepted_seq::int, created_at = $1::timestamp AS placed_then
       FROM orders ORDER BY order_id`,
      [new Date(PLACED_AT + 1).toISOString()],
    );
    expect(orders).toEqual([
      {
        order_id: 1,
        client_order_id: "ordre-é-注文",
        price_ticks: String(MAX_UNITS),
        qty_lots: String(MAX_UNITS - 1n),
        quote_atoms: "0",
        status: "OPEN",
        accepted_seq: 1,
        placed_then: true,
      },
      expect.objectContaining({ order_id: 2, client_order_id: null, accepted_seq: 2 }),
    ]);
    const { rows: postings } = await pool.query(
      `SELECT seq::int, posting_index, amount_atoms::text, balance_atoms::text FROM ledger_postings
       WHERE account = 'available' ORDER BY seq`,
    );
    expect(postings).toEqual([
      {
        seq: 1,
        posting_index: 0,
        amount_atoms: String(-MAX_UNITS),
        balance_atoms: String(-MAX_UNITS),
      },
      {
        seq: 2,
        posting_index: 0,
        amount_atoms: "-12345678",
        balance_atoms: "99999945000198",
      },
    ]);
    expect(await readProjectorOffset(pool)).toBe(2);
  });

  it("stores nothing twice when a batch is delivered again", async () => {
    await writeProjection(pool, projectOutcomes(first), 0);
    expect(await count("orders")).toBe(2);
    expect(await count("ledger_postings")).toBe(4);
    expect(await readProjectorOffset(pool)).toBe(2);
  });

  it("refuses a batch that does not follow the stored offset, storing none of it", async () => {
    const gap = [record(5, [acceptedOrder(5, "late"), freeze(5, 1n, 0n)])];
    await expect(writeProjection(pool, projectOutcomes(gap), 4)).rejects.toThrow(/offset is 2/);
    expect(await count("orders")).toBe(2);
    expect(await readProjectorOffset(pool)).toBe(2);
  });
});

describe("projection writer: perpetuals", () => {
  const position = (seq: number, qtyLots: bigint, realisedPnlAtoms: bigint): WireCoreEvent => ({
    type: "position.changed",
    userId: 7,
    symbol: "BTCUSDT-PERP",
    qtyLots,
    costAtoms: qtyLots * 500_000n * 100n,
    mode: "cross",
    leverage: 20,
    isolatedMarginAtoms: 0n,
    realisedPnlAtoms,
    liquidationPriceTicks: qtyLots === 0n ? 0n : 400_000n + BigInt(seq),
    cause: "trade",
  });
  const wallet = (walletAtoms: bigint): WireCoreEvent => ({
    type: "futures.walletChanged",
    userId: 7,
    asset: "USDT",
    walletAtoms,
    cause: "trade",
  });
  // Offsets 1-2 are the orders' batch above; a contract without its markets row is skipped.
  const batch = [
    record(3, [
      {
        type: "contract.added",
        symbol: "NOROWUSDT-PERP",
        maxLeverage: 20,
        fundingIntervalMs: 28_800_000,
        fundingCapPpm: 3_000,
        interestPpm: 100,
        riskTiers: [{ maxNotionalAtoms: MAX_UNITS, maintenanceMarginPpm: 5_000, maxLeverage: 20 }],
      },
    ]),
    record(4, [position(4, 10n, 0n), wallet(9_000n)]),
    record(5, [position(5, 4n, 300n), wallet(9_300n)]),
  ];

  it("adds each change's realised PnL to the position's total once, however often the batch comes", async () => {
    await writeProjection(pool, projectOutcomes(batch), 2);
    await writeProjection(pool, projectOutcomes(batch), 2);
    await writeProjection(pool, projectOutcomes([record(6, [position(6, 0n, -100n)])]), 5);
    const { rows } = await pool.query(
      `SELECT qty_lots::text, realised_pnl_atoms::text, liquidation_price_ticks, mode::text
       FROM positions`,
    );
    expect(rows).toEqual([
      { qty_lots: "0", realised_pnl_atoms: "200", liquidation_price_ticks: null, mode: "CROSS" },
    ]);
    const { rows: wallets } = await pool.query("SELECT wallet_atoms::text FROM futures_wallets");
    expect(wallets).toEqual([{ wallet_atoms: "9300" }]);
    expect(await count("position_events")).toBe(3);
    // The seed's contract is there; the batch's, with no markets row, is not.
    const { rows: contracts } = await pool.query(
      "SELECT 1 FROM perpetual_contracts WHERE symbol = 'NOROWUSDT-PERP'",
    );
    expect(contracts).toEqual([]);
    expect(await readProjectorOffset(pool)).toBe(6);
  });
});

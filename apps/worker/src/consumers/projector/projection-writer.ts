import type pg from "pg";
import type { ProjectionChanges } from "./project-outcomes";

export const PROJECTOR_NAME = "projector";

const text = (values: Iterable<bigint | number>) => [...values].map(String);
/** UTC wall time for `timestamp` columns (what Prisma writes), whatever the machine's zone. */
const utc = (values: Iterable<Date>) => [...values].map((d) => d.toISOString());

/** The last journal seq the read models include, 0 before the first batch. */
export async function readProjectorOffset(pool: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await pool.query<{ seq: string }>(
    "SELECT seq FROM projector_offsets WHERE name = $1",
    [PROJECTOR_NAME],
  );
  return Number(rows[0]?.seq ?? 0);
}

/**
 * Writes one batch's changes and the new offset in a single transaction: a crash leaves the read
 * models either before or after the batch, never half-way. Each table is written with one
 * statement over unnest() arrays, whatever the batch size.
 */
export async function writeProjection(pool: pg.Pool, changes: ProjectionChanges): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await insertOrders(client, changes);
    await updateOrders(client, changes);
    await insertTrades(client, changes);
    await insertPostings(client, changes);
    await upsertBalances(client, changes);
    await client.query(
      `INSERT INTO projector_offsets (name, seq, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, updated_at = now()`,
      [PROJECTOR_NAME, changes.lastSeq],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function insertOrders(client: pg.PoolClient, { newOrders }: ProjectionChanges) {
  if (newOrders.size === 0) return;
  const o = [...newOrders.values()];
  await client.query(
    `INSERT INTO orders (order_id, user_id, symbol, side, order_type, price_ticks, qty_lots, quote_atoms,
       time_in_force, post_only, client_order_id, status, filled_lots, remaining_lots, filled_quote_atoms,
       cancel_reason, accepted_seq, updated_seq, created_at, updated_at)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[],
       $7::numeric[], $8::numeric[], $9::text[], $10::boolean[], $11::text[], $12::"OrderStatus"[],
       $13::numeric[], $14::numeric[], $15::numeric[], $16::text[], $17::bigint[], $18::bigint[],
       $19::timestamp[], $20::timestamp[])
     ON CONFLICT (order_id) DO NOTHING`,
    [
      o.map((r) => r.orderId),
      o.map((r) => r.userId),
      o.map((r) => r.symbol),
      o.map((r) => r.side),
      o.map((r) => r.orderType),
      text(o.map((r) => r.priceTicks)),
      text(o.map((r) => r.qtyLots)),
      text(o.map((r) => r.quoteAtoms)),
      o.map((r) => r.timeInForce),
      o.map((r) => r.postOnly),
      o.map((r) => r.clientOrderId),
      o.map((r) => r.status),
      text(o.map((r) => r.filledLots)),
      text(o.map((r) => r.remainingLots)),
      text(o.map((r) => r.filledQuoteAtoms)),
      o.map((r) => r.cancelReason),
      o.map((r) => r.acceptedSeq),
      o.map((r) => r.updatedSeq),
      utc(o.map((r) => r.createdAt)),
      utc(o.map((r) => r.updatedAt)),
    ],
  );
}

async function updateOrders(client: pg.PoolClient, { progress }: ProjectionChanges) {
  if (progress.size === 0) return;
  const p = [...progress.values()];
  await client.query(
    `UPDATE orders SET status = u.status, filled_lots = u.filled_lots, remaining_lots = u.remaining_lots,
       filled_quote_atoms = u.filled_quote_atoms, cancel_reason = u.cancel_reason,
       updated_seq = u.updated_seq, updated_at = u.updated_at
     FROM unnest($1::int[], $2::"OrderStatus"[], $3::numeric[], $4::numeric[], $5::numeric[], $6::text[],
       $7::bigint[], $8::timestamp[])
       AS u(order_id, status, filled_lots, remaining_lots, filled_quote_atoms, cancel_reason, updated_seq, updated_at)
     WHERE orders.order_id = u.order_id AND orders.updated_seq < u.updated_seq`,
    [
      p.map((r) => r.orderId),
      p.map((r) => r.status),
      text(p.map((r) => r.filledLots)),
      text(p.map((r) => r.remainingLots)),
      text(p.map((r) => r.filledQuoteAtoms)),
      p.map((r) => r.cancelReason),
      p.map((r) => r.updatedSeq),
      utc(p.map((r) => r.updatedAt)),
    ],
  );
}

async function insertTrades(client: pg.PoolClient, { trades }: ProjectionChanges) {
  if (trades.length === 0) return;
  const t = trades;
  await client.query(
    `INSERT INTO trades (trade_id, symbol, price_ticks, qty_lots, quote_atoms, taker_side, taker_order_id,
       taker_user_id, taker_fee_atoms, taker_fee_asset, maker_order_id, maker_user_id, maker_fee_atoms,
       maker_fee_asset, seq, executed_at)
     SELECT * FROM unnest($1::int[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[], $6::text[],
       $7::int[], $8::int[], $9::numeric[], $10::text[], $11::int[], $12::int[], $13::numeric[], $14::text[],
       $15::bigint[], $16::timestamp[])
     ON CONFLICT (trade_id) DO NOTHING`,
    [
      t.map((r) => r.tradeId),
      t.map((r) => r.symbol),
      text(t.map((r) => r.priceTicks)),
      text(t.map((r) => r.qtyLots)),
      text(t.map((r) => r.quoteAtoms)),
      t.map((r) => r.takerSide),
      t.map((r) => r.takerOrderId),
      t.map((r) => r.takerUserId),
      text(t.map((r) => r.takerFeeAtoms)),
      t.map((r) => r.takerFeeAsset),
      t.map((r) => r.makerOrderId),
      t.map((r) => r.makerUserId),
      text(t.map((r) => r.makerFeeAtoms)),
      t.map((r) => r.makerFeeAsset),
      t.map((r) => r.seq),
      utc(t.map((r) => r.executedAt)),
    ],
  );
}

async function insertPostings(client: pg.PoolClient, { postings }: ProjectionChanges) {
  if (postings.length === 0) return;
  const p = postings;
  await client.query(
    `INSERT INTO ledger_postings (seq, event_index, posting_index, user_id, account, asset, amount_atoms,
       balance_atoms, cause, order_id, trade_id, business, business_id, posted_at)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[],
       $7::numeric[], $8::numeric[], $9::text[], $10::int[], $11::int[], $12::text[], $13::text[],
       $14::timestamp[])
     ON CONFLICT DO NOTHING`,
    [
      p.map((r) => r.seq),
      p.map((r) => r.eventIndex),
      p.map((r) => r.postingIndex),
      p.map((r) => r.userId),
      p.map((r) => r.account),
      p.map((r) => r.asset),
      text(p.map((r) => r.amountAtoms)),
      text(p.map((r) => r.balanceAtoms)),
      p.map((r) => r.cause),
      p.map((r) => r.orderId),
      p.map((r) => r.tradeId),
      p.map((r) => r.business),
      p.map((r) => r.businessId),
      utc(p.map((r) => r.postedAt)),
    ],
  );
}

async function upsertBalances(client: pg.PoolClient, { balances }: ProjectionChanges) {
  if (balances.size === 0) return;
  const b = [...balances.values()];
  await client.query(
    `INSERT INTO account_balances (user_id, account, asset, balance_atoms, updated_seq, updated_at)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::numeric[], $5::bigint[], $6::timestamp[])
     ON CONFLICT (user_id, account, asset) DO UPDATE
       SET balance_atoms = excluded.balance_atoms, updated_seq = excluded.updated_seq, updated_at = excluded.updated_at
       WHERE account_balances.updated_seq < excluded.updated_seq`,
    [
      b.map((r) => r.userId),
      b.map((r) => r.account),
      b.map((r) => r.asset),
      text(b.map((r) => r.balanceAtoms)),
      b.map((r) => r.updatedSeq),
      utc(b.map((r) => r.updatedAt)),
    ],
  );
}

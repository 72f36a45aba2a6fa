import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BinaryCopyRows } from "./binary-copy";
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
 * models either before or after the batch, never half-way. The rows a batch adds (orders,
 * trades, postings) go in by binary COPY; the rows it changes (earlier orders, balances) by one
 * statement over unnest() arrays. `afterSeq` is the offset the batch follows: the stored offset
 * is locked and checked against it first, so a batch already projected is skipped (re-delivery
 * writes nothing twice) and a projector that fell out of step (another one moved the offset)
 * fails the batch and resumes from the stored offset.
 */
export async function writeProjection(
  pool: pg.Pool,
  changes: ProjectionChanges,
  afterSeq: number,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const stored = await lockProjectorOffset(client);
    if (stored >= changes.lastSeq) {
      await client.query("ROLLBACK");
      return;
    }
    if (stored !== afterSeq) {
      throw new Error(`projector offset is ${stored}, the batch follows ${afterSeq}: resuming`);
    }
    await copyOrders(client, changes);
    await updateOrders(client, changes);
    await copyTrades(client, changes);
    await copyPostings(client, changes);
    await upsertBalances(client, changes);
    await updateMarketStatuses(client, changes);
    await updateLoans(client, changes);
    await insertLoanEvents(client, changes);
    await writePerpetuals(client, changes);
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

/** A market's status column follows the engine's `market.statusChanged` (a handful a day). */
async function updateMarketStatuses(client: pg.PoolClient, changes: ProjectionChanges) {
  for (const [symbol, status] of changes.marketStatuses) {
    await client.query(
      `UPDATE markets SET status = $2::"MarketStatus", updated_at = now() WHERE symbol = $1`,
      [symbol, status],
    );
  }
}

/**
 * A loan's row follows its latest `loan.changed`. The borrow service wrote the row (PENDING, with
 * its product version) before the loan.open command, so every loan the engine knows has one.
 */
async function updateLoans(client: pg.PoolClient, { loans }: ProjectionChanges) {
  if (loans.size === 0) return;
  const l = [...loans.values()];
  await client.query(
    `UPDATE loans SET status = u.status, principal_atoms = u.principal_atoms,
       interest_atoms = u.interest_atoms, collateral_atoms = u.collateral_atoms,
       proceeds_atoms = u.proceeds_atoms,
       closed_at = CASE WHEN u.status IN ('CLOSED', 'LIQUIDATED') THEN COALESCE(loans.closed_at, u.at) END,
       updated_at = now()
     FROM unnest($1::uuid[], $2::"LoanStatus"[], $3::numeric[], $4::numeric[], $5::numeric[],
       $6::numeric[], $7::timestamp[])
       AS u(id, status, principal_atoms, interest_atoms, collateral_atoms, proceeds_atoms, at)
     WHERE loans.id = u.id`,
    [
      l.map((r) => r.loanId),
      l.map((r) => r.status),
      text(l.map((r) => r.principalAtoms)),
      text(l.map((r) => r.interestAtoms)),
      text(l.map((r) => r.collateralAtoms)),
      text(l.map((r) => r.proceedsAtoms)),
      utc(l.map((r) => r.at)),
    ],
  );
}

/** Each step of a loan's history, once (its key is its journal position). */
async function insertLoanEvents(client: pg.PoolClient, { loanEvents }: ProjectionChanges) {
  if (loanEvents.length === 0) return;
  const e = loanEvents;
  await client.query(
    // In journal order (the semi-join alone may reorder them): a row's id breaks ties of time.
    `INSERT INTO loan_events (loan_id, kind, event_key, principal_atoms, interest_atoms,
       collateral_atoms, proceeds_atoms, order_id, at)
     SELECT u.loan_id, u.kind, u.event_key, u.principal_atoms, u.interest_atoms,
            u.collateral_atoms, u.proceeds_atoms, u.order_id, u.at
       FROM unnest($1::uuid[], $2::"LoanEventKind"[], $3::text[], $4::numeric[],
         $5::numeric[], $6::numeric[], $7::numeric[], $8::bigint[], $9::timestamp[])
         WITH ORDINALITY AS u(loan_id, kind, event_key, principal_atoms, interest_atoms,
           collateral_atoms, proceeds_atoms, order_id, at, n)
      WHERE EXISTS (SELECT 1 FROM loans WHERE loans.id = u.loan_id)
      ORDER BY u.n
     ON CONFLICT (event_key) DO NOTHING`,
    [
      e.map((r) => r.loanId),
      e.map((r) => r.kind),
      e.map((r) => r.eventKey),
      text(e.map((r) => r.principalAtoms)),
      text(e.map((r) => r.interestAtoms)),
      text(e.map((r) => r.collateralAtoms)),
      text(e.map((r) => r.proceedsAtoms)),
      e.map((r) => r.orderId),
      utc(e.map((r) => r.at)),
    ],
  );
}

/**
 * The perpetuals' read models: contracts (listed, then their mark and funding), futures wallets,
 * positions and their history, funding settlements and liquidations. Every number is the
 * engine's; the only sum is a position's realised PnL, the running total of each change's.
 */
async function writePerpetuals(client: pg.PoolClient, changes: ProjectionChanges) {
  await insertContracts(client, changes);
  await updateContracts(client, changes);
  await upsertFuturesWallets(client, changes);
  await upsertPositions(client, changes);
  await insertPositionEvents(client, changes);
  await insertFundingSettlements(client, changes);
  await insertLiquidations(client, changes);
}

/**
 * A listed contract's terms. Its `markets` row is the listing service's, written before the
 * engine took the contract; a contract without one (listed by hand on the engine) is skipped
 * rather than stopping the read models, as `loan_events` skips a loan without its row. The seed
 * and operations' listing write the terms row first too (updated_seq 0): the engine's
 * `contract.added` keeps their terms and stamps its seq, which says the engine has the contract.
 */
async function insertContracts(client: pg.PoolClient, { contracts }: ProjectionChanges) {
  if (contracts.size === 0) return;
  const c = [...contracts.values()];
  await client.query(
    `INSERT INTO perpetual_contracts (symbol, max_leverage, risk_tiers, funding_interval_ms,
       funding_cap_ppm, interest_ppm, updated_seq, created_at, updated_at)
     SELECT u.symbol, u.max_leverage, u.risk_tiers, u.funding_interval_ms, u.funding_cap_ppm,
            u.interest_ppm, u.seq, u.at, u.at
       FROM unnest($1::text[], $2::int[], $3::jsonb[], $4::int[], $5::int[], $6::int[],
         $7::bigint[], $8::timestamp[])
         AS u(symbol, max_leverage, risk_tiers, funding_interval_ms, funding_cap_ppm,
           interest_ppm, seq, at)
      WHERE EXISTS (SELECT 1 FROM markets WHERE markets.symbol = u.symbol)
     ON CONFLICT (symbol) DO UPDATE
       SET updated_seq = excluded.updated_seq, updated_at = excluded.updated_at
       WHERE perpetual_contracts.updated_seq = 0`,
    [
      c.map((r) => r.symbol),
      c.map((r) => r.maxLeverage),
      c.map((r) => JSON.stringify(r.riskTiers)),
      c.map((r) => r.fundingIntervalMs),
      c.map((r) => r.fundingCapPpm),
      c.map((r) => r.interestPpm),
      c.map((r) => r.seq),
      utc(c.map((r) => r.at)),
    ],
  );
}

/** A contract's latest mark and funding: one statement a batch, however many marks it held. */
async function updateContracts(client: pg.PoolClient, { contractProgress }: ProjectionChanges) {
  if (contractProgress.size === 0) return;
  const p = [...contractProgress.values()];
  const optional = <T>(value: T | undefined) => (value === undefined ? null : String(value));
  const time = (value: Date | undefined) => (value === undefined ? null : value.toISOString());
  await client.query(
    `UPDATE perpetual_contracts c SET
       mark_price_ticks = COALESCE(u.mark_price_ticks, c.mark_price_ticks),
       index_price_ticks = COALESCE(u.index_price_ticks, c.index_price_ticks),
       mark_at = COALESCE(u.mark_at, c.mark_at),
       last_funding_time = COALESCE(u.last_funding_time, c.last_funding_time),
       last_funding_rate_ppm = COALESCE(u.last_funding_rate_ppm, c.last_funding_rate_ppm),
       updated_seq = u.updated_seq, updated_at = u.updated_at
     FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::timestamp[], $5::timestamp[],
       $6::int[], $7::bigint[], $8::timestamp[])
       AS u(symbol, mark_price_ticks, index_price_ticks, mark_at, last_funding_time,
         last_funding_rate_ppm, updated_seq, updated_at)
     WHERE c.symbol = u.symbol AND c.updated_seq < u.updated_seq`,
    [
      p.map((r) => r.symbol),
      p.map((r) => optional(r.markPriceTicks)),
      p.map((r) => optional(r.indexPriceTicks)),
      p.map((r) => time(r.markAt)),
      p.map((r) => time(r.lastFundingTime)),
      p.map((r) => r.lastFundingRatePpm ?? null),
      p.map((r) => r.updatedSeq),
      utc(p.map((r) => r.updatedAt)),
    ],
  );
}

async function upsertFuturesWallets(client: pg.PoolClient, { futuresWallets }: ProjectionChanges) {
  if (futuresWallets.size === 0) return;
  const w = [...futuresWallets.values()];
  await client.query(
    `INSERT INTO futures_wallets (user_id, asset, wallet_atoms, updated_seq, updated_at)
     SELECT * FROM unnest($1::int[], $2::text[], $3::numeric[], $4::bigint[], $5::timestamp[])
     ON CONFLICT (user_id, asset) DO UPDATE
       SET wallet_atoms = excluded.wallet_atoms, updated_seq = excluded.updated_seq,
           updated_at = excluded.updated_at
       WHERE futures_wallets.updated_seq < excluded.updated_seq`,
    [
      w.map((r) => r.userId),
      w.map((r) => r.asset),
      text(w.map((r) => r.walletAtoms)),
      w.map((r) => r.updatedSeq),
      utc(w.map((r) => r.updatedAt)),
    ],
  );
}

/** A position's latest state; its realised PnL adds the batch's to the running total. */
async function upsertPositions(client: pg.PoolClient, { positions }: ProjectionChanges) {
  if (positions.size === 0) return;
  const p = [...positions.values()];
  await client.query(
    `INSERT INTO positions (user_id, symbol, qty_lots, cost_atoms, mode, leverage,
       isolated_margin_atoms, realised_pnl_atoms, liquidation_price_ticks, updated_seq, updated_at)
     SELECT * FROM unnest($1::int[], $2::text[], $3::numeric[], $4::numeric[],
       $5::"PositionMarginMode"[], $6::int[], $7::numeric[], $8::numeric[], $9::numeric[],
       $10::bigint[], $11::timestamp[])
     ON CONFLICT (user_id, symbol) DO UPDATE
       SET qty_lots = excluded.qty_lots, cost_atoms = excluded.cost_atoms, mode = excluded.mode,
           leverage = excluded.leverage, isolated_margin_atoms = excluded.isolated_margin_atoms,
           realised_pnl_atoms = positions.realised_pnl_atoms + excluded.realised_pnl_atoms,
           liquidation_price_ticks = excluded.liquidation_price_ticks,
           updated_seq = excluded.updated_seq, updated_at = excluded.updated_at
       WHERE positions.updated_seq < excluded.updated_seq`,
    [
      p.map((r) => r.userId),
      p.map((r) => r.symbol),
      text(p.map((r) => r.qtyLots)),
      text(p.map((r) => r.costAtoms)),
      p.map((r) => r.mode),
      p.map((r) => r.leverage),
      text(p.map((r) => r.isolatedMarginAtoms)),
      text(p.map((r) => r.realisedPnlAtoms)),
      p.map((r) => (r.liquidationPriceTicks === null ? null : String(r.liquidationPriceTicks))),
      p.map((r) => r.updatedSeq),
      utc(p.map((r) => r.updatedAt)),
    ],
  );
}

/** Each step of a position's history, once (its key is its journal position). */
async function insertPositionEvents(client: pg.PoolClient, { positionEvents }: ProjectionChanges) {
  if (positionEvents.length === 0) return;
  const e = positionEvents;
  const nullable = (value: bigint | null) => (value === null ? null : String(value));
  await client.query(
    // In journal order: a row's id breaks ties of time.
    `INSERT INTO position_events (user_id, symbol, kind, qty_lots, cost_atoms, realised_pnl_atoms,
       funding_atoms, price_ticks, event_key, seq, command_id, at)
     SELECT u.user_id, u.symbol, u.kind, u.qty_lots, u.cost_atoms, u.realised_pnl_atoms,
            u.funding_atoms, u.price_ticks, u.event_key, u.seq, u.command_id, u.at
       FROM unnest($1::int[], $2::text[], $3::"PositionEventKind"[], $4::numeric[], $5::numeric[],
         $6::numeric[], $7::numeric[], $8::numeric[], $9::text[], $10::bigint[], $11::text[],
         $12::timestamp[])
         WITH ORDINALITY AS u(user_id, symbol, kind, qty_lots, cost_atoms, realised_pnl_atoms,
           funding_atoms, price_ticks, event_key, seq, command_id, at, n)
      ORDER BY u.n
     ON CONFLICT (event_key) DO NOTHING`,
    [
      e.map((r) => r.userId),
      e.map((r) => r.symbol),
      e.map((r) => r.kind),
      text(e.map((r) => r.qtyLots)),
      text(e.map((r) => r.costAtoms)),
      text(e.map((r) => r.realisedPnlAtoms)),
      e.map((r) => nullable(r.fundingAtoms)),
      e.map((r) => nullable(r.priceTicks)),
      e.map((r) => r.eventKey),
      e.map((r) => r.seq),
      e.map((r) => r.commandId),
      utc(e.map((r) => r.at)),
    ],
  );
}

async function insertFundingSettlements(
  client: pg.PoolClient,
  { fundingSettlements }: ProjectionChanges,
) {
  if (fundingSettlements.length === 0) return;
  const f = fundingSettlements;
  await client.query(
    `INSERT INTO funding_settlements (symbol, funding_time, rate_ppm, mark_price_ticks, paid_atoms,
       received_atoms, rounding_atoms, positions, seq, settled_at)
     SELECT * FROM unnest($1::text[], $2::timestamp[], $3::int[], $4::numeric[], $5::numeric[],
       $6::numeric[], $7::numeric[], $8::int[], $9::bigint[], $10::timestamp[])
     ON CONFLICT (symbol, funding_time) DO NOTHING`,
    [
      f.map((r) => r.symbol),
      utc(f.map((r) => new Date(r.fundingTime))),
      f.map((r) => r.ratePpm),
      text(f.map((r) => r.markPriceTicks)),
      text(f.map((r) => r.paidAtoms)),
      text(f.map((r) => r.receivedAtoms)),
      text(f.map((r) => r.roundingAtoms)),
      f.map((r) => r.positions),
      f.map((r) => r.seq),
      utc(f.map((r) => r.at)),
    ],
  );
}

async function insertLiquidations(client: pg.PoolClient, { liquidations }: ProjectionChanges) {
  if (liquidations.length === 0) return;
  const l = liquidations;
  await client.query(
    `INSERT INTO liquidations (user_id, symbol, qty_lots, mark_price_ticks, bankruptcy_price_ticks,
       book_lots, deleveraged_lots, insurance_atoms, event_key, seq, command_id, at)
     SELECT u.user_id, u.symbol, u.qty_lots, u.mark_price_ticks, u.bankruptcy_price_ticks,
            u.book_lots, u.deleveraged_lots, u.insurance_atoms, u.event_key, u.seq, u.command_id,
            u.at
       FROM unnest($1::int[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[],
         $6::numeric[], $7::numeric[], $8::numeric[], $9::text[], $10::bigint[], $11::text[],
         $12::timestamp[])
         WITH ORDINALITY AS u(user_id, symbol, qty_lots, mark_price_ticks, bankruptcy_price_ticks,
           book_lots, deleveraged_lots, insurance_atoms, event_key, seq, command_id, at, n)
      ORDER BY u.n
     ON CONFLICT (event_key) DO NOTHING`,
    [
      l.map((r) => r.userId),
      l.map((r) => r.symbol),
      text(l.map((r) => r.qtyLots)),
      text(l.map((r) => r.markPriceTicks)),
      text(l.map((r) => r.bankruptcyPriceTicks)),
      text(l.map((r) => r.bookLots)),
      text(l.map((r) => r.deleveragedLots)),
      text(l.map((r) => r.insuranceAtoms)),
      l.map((r) => r.eventKey),
      l.map((r) => r.seq),
      l.map((r) => r.commandId),
      utc(l.map((r) => r.at)),
    ],
  );
}

async function lockProjectorOffset(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ seq: string }>(
    "SELECT seq FROM projector_offsets WHERE name = $1 FOR UPDATE",
    [PROJECTOR_NAME],
  );
  return Number(rows[0]?.seq ?? 0);
}

/** Streams one binary COPY payload into `table (columns)`. */
async function copyRows(
  client: pg.PoolClient,
  target: string,
  rows: BinaryCopyRows,
): Promise<void> {
  if (rows.rowCount === 0) return;
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from([rows.finish()]), stream);
}

async function copyOrders(client: pg.PoolClient, { newOrders }: ProjectionChanges) {
  const rows = new BinaryCopyRows(25);
  for (const o of newOrders.values()) {
    rows
      .row()
      .int4(o.orderId)
      .int4(o.userId)
      .text(o.symbol)
      .text(o.side)
      .text(o.orderType)
      .numeric(o.priceTicks)
      .numeric(o.qtyLots)
      .numeric(o.quoteAtoms)
      .text(o.timeInForce)
      .bool(o.postOnly)
      .text(o.clientOrderId)
      .text(o.status)
      .numeric(o.filledLots)
      .numeric(o.remainingLots)
      .numeric(o.filledQuoteAtoms)
      .text(o.cancelReason)
      .text(o.stopOrderType);
    if (o.stopPriceTicks === null) rows.null();
    else rows.numeric(o.stopPriceTicks);
    if (o.listId === null) rows.null();
    else rows.int4(o.listId);
    rows.bool(o.working);
    if (o.workingAt === null) rows.null();
    else rows.timestamp(o.workingAt);
    rows.int8(o.acceptedSeq).int8(o.updatedSeq).timestamp(o.createdAt).timestamp(o.updatedAt);
  }
  await copyRows(
    client,
    `orders (order_id, user_id, symbol, side, order_type, price_ticks, qty_lots, quote_atoms,
       time_in_force, post_only, client_order_id, status, filled_lots, remaining_lots, filled_quote_atoms,
       cancel_reason, stop_order_type, stop_price_ticks, list_id, working, working_at, accepted_seq,
       updated_seq, created_at, updated_at)`,
    rows,
  );
}

/**
 * Applies the batch's changes to earlier orders. Each change names only what moved (see
 * `OrderProgressRow`): a null in its arrays keeps the column as it is. A cancel reason moves
 * with the status, never alone.
 */
async function updateOrders(client: pg.PoolClient, { progress }: ProjectionChanges) {
  if (progress.size === 0) return;
  const p = [...progress.values()];
  const optional = <T, R>(value: T | undefined, to: (v: T) => R) =>
    value === undefined ? null : to(value);
  await client.query(
    `UPDATE orders SET status = COALESCE(u.status, orders.status),
       filled_lots = COALESCE(u.filled_lots, orders.filled_lots),
       remaining_lots = COALESCE(u.remaining_lots, orders.remaining_lots),
       filled_quote_atoms = COALESCE(u.filled_quote_atoms, orders.filled_quote_atoms),
       cancel_reason = CASE WHEN u.status IS NULL THEN orders.cancel_reason ELSE u.cancel_reason END,
       qty_lots = COALESCE(u.qty_lots, orders.qty_lots),
       price_ticks = COALESCE(u.price_ticks, orders.price_ticks),
       working = COALESCE(u.working, orders.working),
       working_at = COALESCE(u.working_at, orders.working_at),
       updated_seq = u.updated_seq, updated_at = u.updated_at
     FROM unnest($1::int[], $2::"OrderStatus"[], $3::numeric[], $4::numeric[], $5::numeric[], $6::text[],
       $7::bigint[], $8::timestamp[], $9::numeric[], $10::numeric[], $11::boolean[], $12::timestamp[])
       AS u(order_id, status, filled_lots, remaining_lots, filled_quote_atoms, cancel_reason, updated_seq,
         updated_at, qty_lots, price_ticks, working, working_at)
     WHERE orders.order_id = u.order_id AND orders.updated_seq < u.updated_seq`,
    [
      p.map((r) => r.orderId),
      p.map((r) => r.status ?? null),
      p.map((r) => optional(r.filledLots, String)),
      p.map((r) => optional(r.remainingLots, String)),
      p.map((r) => optional(r.filledQuoteAtoms, String)),
      p.map((r) => r.cancelReason ?? null),
      p.map((r) => r.updatedSeq),
      utc(p.map((r) => r.updatedAt)),
      p.map((r) => optional(r.qtyLots, String)),
      p.map((r) => optional(r.priceTicks, String)),
      p.map((r) => r.working ?? null),
      p.map((r) => (r.workingAt ? r.workingAt.toISOString() : null)),
    ],
  );
}

async function copyTrades(client: pg.PoolClient, { trades }: ProjectionChanges) {
  const rows = new BinaryCopyRows(16);
  for (const t of trades) {
    rows
      .row()
      .int4(t.tradeId)
      .text(t.symbol)
      .numeric(t.priceTicks)
      .numeric(t.qtyLots)
      .numeric(t.quoteAtoms)
      .text(t.takerSide)
      .int4(t.takerOrderId)
      .int4(t.takerUserId)
      .numeric(t.takerFeeAtoms)
      .text(t.takerFeeAsset)
      .int4(t.makerOrderId)
      .int4(t.makerUserId)
      .numeric(t.makerFeeAtoms)
      .text(t.makerFeeAsset)
      .int8(t.seq)
      .timestamp(t.executedAt);
  }
  await copyRows(
    client,
    `trades (trade_id, symbol, price_ticks, qty_lots, quote_atoms, taker_side, taker_order_id,
       taker_user_id, taker_fee_atoms, taker_fee_asset, maker_order_id, maker_user_id, maker_fee_atoms,
       maker_fee_asset, seq, executed_at)`,
    rows,
  );
}

async function copyPostings(client: pg.PoolClient, { postings }: ProjectionChanges) {
  const rows = new BinaryCopyRows(14);
  for (const p of postings) {
    rows
      .row()
      .int8(p.seq)
      .int4(p.eventIndex)
      .int4(p.postingIndex)
      .int4(p.userId)
      .text(p.account)
      .text(p.asset)
      .numeric(p.amountAtoms)
      .numeric(p.balanceAtoms)
      .text(p.cause)
      .int4(p.orderId)
      .int4(p.tradeId)
      .text(p.business)
      .text(p.businessId)
      .timestamp(p.postedAt);
  }
  await copyRows(
    client,
    `ledger_postings (seq, event_index, posting_index, user_id, account, asset, amount_atoms,
       balance_atoms, cause, order_id, trade_id, business, business_id, posted_at)`,
    rows,
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

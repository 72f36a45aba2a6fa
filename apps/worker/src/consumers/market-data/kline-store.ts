import type { KlineInterval } from "@exchange/contracts/kline";
import type pg from "pg";
import { type Candle, foldTrades } from "./candles";

/** The job's row in `projector_offsets`: the last journal seq its candles include. */
export const MARKET_DATA_OFFSET = "market-data";
const REBUILD_PAGE = 20_000;

type Queryable = pg.Pool | pg.PoolClient;

/** The job's offset, or null when it never ran against this database. */
export async function readMarketDataOffset(db: Queryable): Promise<number | null> {
  const { rows } = await db.query<{ seq: string }>(
    "SELECT seq FROM projector_offsets WHERE name = $1",
    [MARKET_DATA_OFFSET],
  );
  return rows[0] ? Number(rows[0].seq) : null;
}

const CANDLE_COLUMNS = `symbol, interval, open_time, open_ticks, high_ticks, low_ticks, close_ticks,
  volume_lots, quote_atoms, trade_count, first_trade_id, last_trade_id, updated_seq`;

const RETURNED_CANDLE = `symbol, interval, (extract(epoch FROM open_time) * 1000)::bigint::text AS open_ms,
  open_ticks::text, high_ticks::text, low_ticks::text, close_ticks::text, volume_lots::text,
  quote_atoms::text, trade_count, first_trade_id, last_trade_id, updated_seq::text`;

/**
 * Merges partial candles into the stored ones — the SQL twin of `mergeCandles` — and returns
 * them as stored now. A part whose trades are already in (updated_seq not newer) is skipped, so
 * a batch can never be counted twice. With `offset`, the job's offset moves in the same
 * statement: one statement is one transaction, and one round trip.
 */
async function mergeCandlesIntoStore(
  db: Queryable,
  parts: readonly Candle[],
  offset?: number,
): Promise<Candle[]> {
  const params: unknown[] = [
    parts.map((c) => c.symbol),
    parts.map((c) => c.interval),
    parts.map((c) => new Date(c.openTime).toISOString()),
    parts.map((c) => c.openTicks.toString()),
    parts.map((c) => c.highTicks.toString()),
    parts.map((c) => c.lowTicks.toString()),
    parts.map((c) => c.closeTicks.toString()),
    parts.map((c) => c.volumeLots.toString()),
    parts.map((c) => c.quoteAtoms.toString()),
    parts.map((c) => c.tradeCount),
    parts.map((c) => c.firstTradeId),
    parts.map((c) => c.lastTradeId),
    parts.map((c) => c.updatedSeq),
  ];
  const offsetStep =
    offset === undefined
      ? ""
      : `, moved AS (
          INSERT INTO projector_offsets (name, seq, updated_at) VALUES ($14, $15, now())
          ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, updated_at = now()
          WHERE projector_offsets.seq < excluded.seq)`;
  if (offset !== undefined) params.push(MARKET_DATA_OFFSET, offset);
  const { rows } = await db.query<CandleRow>(
    `WITH merged AS (
       INSERT INTO klines (${CANDLE_COLUMNS})
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamp[], $4::numeric[], $5::numeric[],
         $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[], $10::int[], $11::int[],
         $12::int[], $13::bigint[])
       ON CONFLICT (symbol, interval, open_time) DO UPDATE SET
         high_ticks = GREATEST(klines.high_ticks, excluded.high_ticks),
         low_ticks = LEAST(klines.low_ticks, excluded.low_ticks),
         close_ticks = excluded.close_ticks,
         volume_lots = klines.volume_lots + excluded.volume_lots,
         quote_atoms = klines.quote_atoms + excluded.quote_atoms,
         trade_count = klines.trade_count + excluded.trade_count,
         last_trade_id = excluded.last_trade_id,
         updated_seq = excluded.updated_seq
       WHERE klines.updated_seq < excluded.updated_seq
       RETURNING *)${offsetStep}
     SELECT ${RETURNED_CANDLE} FROM merged`,
    params,
  );
  return rows.map(candleOfRow);
}

/** Stores a batch's candle parts and the job's new offset atomically; returns merged candles. */
export function storeCandles(
  pool: pg.Pool,
  parts: readonly Candle[],
  offset: number,
): Promise<Candle[]> {
  return mergeCandlesIntoStore(pool, parts, offset);
}

/** One-minute candles opening at or after `sinceMs` (the ticker's window after a restart). */
export async function loadMinuteCandles(pool: pg.Pool, sinceMs: number): Promise<Candle[]> {
  const { rows } = await pool.query<CandleRow>(
    `SELECT ${RETURNED_CANDLE} FROM klines WHERE interval = '1m' AND open_time >= $1::timestamp`,
    [new Date(sinceMs).toISOString()],
  );
  return rows.map(candleOfRow);
}

/** Every stored candle of every interval (tests compare it with a rebuild from trades). */
export async function loadAllCandles(pool: pg.Pool): Promise<Candle[]> {
  const { rows } = await pool.query<CandleRow>(`SELECT ${RETURNED_CANDLE} FROM klines`);
  return rows.map(candleOfRow);
}

/** The newest one-minute candle of every market: the last price, however old. */
export async function loadLatestMinuteCandles(pool: pg.Pool): Promise<Candle[]> {
  const { rows } = await pool.query<CandleRow>(
    `SELECT DISTINCT ON (symbol) ${RETURNED_CANDLE} FROM klines
     WHERE interval = '1m' ORDER BY symbol, last_trade_id DESC`,
  );
  return rows.map(candleOfRow);
}

/**
 * Rebuilds every candle from the `trades` read model, as far as the projector has written it,
 * and sets the job's offset there — one repeatable-read transaction, so the trades read and the
 * projector's offset agree. The job then continues from the journal after that offset: no trade
 * is left out and none counted twice. Returns the offset.
 */
export async function rebuildCandlesFromTrades(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const { rows: offsetRows } = await client.query<{ seq: string }>(
      "SELECT seq FROM projector_offsets WHERE name = 'projector'",
    );
    const upToSeq = Number(offsetRows[0]?.seq ?? 0);
    await client.query("DELETE FROM klines");
    let afterTradeId = 0;
    for (;;) {
      const { rows } = await client.query<TradeRow>(
        `SELECT trade_id, symbol, seq::text, (extract(epoch FROM executed_at) * 1000)::bigint::text AS ts,
                price_ticks::text, qty_lots::text, quote_atoms::text
         FROM trades WHERE seq <= $1 AND trade_id > $2 ORDER BY trade_id LIMIT $3`,
        [upToSeq, afterTradeId, REBUILD_PAGE],
      );
      if (rows.length === 0) break;
      const parts = foldTrades(
        rows.map((r) => ({
          symbol: r.symbol,
          tradeId: r.trade_id,
          seq: Number(r.seq),
          ts: Number(r.ts),
          priceTicks: BigInt(r.price_ticks),
          qtyLots: BigInt(r.qty_lots),
          quoteAtoms: BigInt(r.quote_atoms),
        })),
      );
      await mergeCandlesIntoStore(client, [...parts.values()]);
      afterTradeId = rows[rows.length - 1]?.trade_id ?? afterTradeId;
    }
    await client.query(
      `INSERT INTO projector_offsets (name, seq, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, updated_at = now()`,
      [MARKET_DATA_OFFSET, upToSeq],
    );
    await client.query("COMMIT");
    return upToSeq;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

interface TradeRow {
  trade_id: number;
  symbol: string;
  seq: string;
  ts: string;
  price_ticks: string;
  qty_lots: string;
  quote_atoms: string;
}

interface CandleRow {
  symbol: string;
  interval: KlineInterval;
  open_ms: string;
  open_ticks: string;
  high_ticks: string;
  low_ticks: string;
  close_ticks: string;
  volume_lots: string;
  quote_atoms: string;
  trade_count: number;
  first_trade_id: number;
  last_trade_id: number;
  updated_seq: string;
}

function candleOfRow(r: CandleRow): Candle {
  return {
    symbol: r.symbol,
    interval: r.interval,
    openTime: Number(r.open_ms),
    openTicks: BigInt(r.open_ticks),
    highTicks: BigInt(r.high_ticks),
    lowTicks: BigInt(r.low_ticks),
    closeTicks: BigInt(r.close_ticks),
    volumeLots: BigInt(r.volume_lots),
    quoteAtoms: BigInt(r.quote_atoms),
    tradeCount: r.trade_count,
    firstTradeId: r.first_trade_id,
    lastTradeId: r.last_trade_id,
    updatedSeq: Number(r.updated_seq),
  };
}

import { RECENT_TRADES_KEPT } from "@exchange/contracts/market-data-keys";
import { type Journal, recoverState, type SnapshotStore } from "@exchange/journal";
import { readOutcome, type WireCoreEvent } from "@exchange/protocol";
import type pg from "pg";
import {
  loadLatestMinuteCandles,
  loadMinuteCandles,
  readMarketDataOffset,
  rebuildCandlesFromTrades,
} from "./kline-store";
import { MarketDataState, type TradeFact } from "./market-data-state";
import { RollingTicker, windowStart } from "./rolling-ticker";

export interface RecoveredMarketData {
  /** The journal seq everything below is consistent with; the job continues after it. */
  offset: number;
  state: MarketDataState;
  ticker: RollingTicker;
  /** Per market, the latest trades up to the offset, newest first. */
  recentTrades: Map<string, RecentTrade[]>;
  /** True when the candles were just rebuilt from the `trades` table. */
  rebuilt: boolean;
}

export type RecentTrade = Pick<
  TradeFact,
  "symbol" | "tradeId" | "priceTicks" | "qtyLots" | "takerSide" | "ts"
>;

/**
 * Everything the job holds, as of its offset in Postgres. The candles are there already (they
 * move with the offset); the book, open orders and balances are the engine's own state replayed
 * from its snapshot and journal up to exactly that offset; the ticker comes from the stored
 * minute candles. Redis is not trusted (it keeps nothing on disk here): the job rewrites it.
 * A job that never ran here first rebuilds the candles from the `trades` table.
 */
export async function recoverMarketData(deps: {
  pool: pg.Pool;
  journal: Journal;
  snapshots: SnapshotStore;
  nowMs: number;
}): Promise<RecoveredMarketData> {
  const { pool, journal, snapshots, nowMs } = deps;
  let offset = await readMarketDataOffset(pool);
  const rebuilt = offset === null;
  if (offset === null) offset = await rebuildCandlesFromTrades(pool);

  const recovered = await recoverState(journal, snapshots, { upToSeq: offset });
  if (recovered.seq !== offset) {
    throw new Error(
      `market data is at journal seq ${offset} but the journal ends at ${recovered.seq}`,
    );
  }
  const state = MarketDataState.fromCore(recovered.core);

  const ticker = new RollingTicker();
  for (const candle of await loadLatestMinuteCandles(pool))
    ticker.setLast(candle.symbol, candle.closeTicks, candle.lastTradeId);
  for (const candle of await loadMinuteCandles(pool, windowStart(nowMs))) ticker.update(candle);

  const recentTrades = await loadRecentTrades(pool, journal, [...state.books.keys()], offset);
  return { offset, state, ticker, recentTrades, rebuilt };
}

/**
 * The latest trades up to `offset`: from the `trades` read model as far as the projector has
 * written it, and from the journal for what it has not reached yet.
 */
export async function loadRecentTrades(
  pool: pg.Pool,
  journal: Journal,
  symbols: readonly string[],
  offset: number,
): Promise<Map<string, RecentTrade[]>> {
  const { rows: projector } = await pool.query<{ seq: string }>(
    "SELECT seq FROM projector_offsets WHERE name = 'projector'",
  );
  const projected = Math.min(Number(projector[0]?.seq ?? 0), offset);
  const recent = new Map<string, RecentTrade[]>();
  for (const symbol of symbols) {
    const { rows } = await pool.query<{
      trade_id: number;
      price_ticks: string;
      qty_lots: string;
      taker_side: "buy" | "sell";
      ts: string;
    }>(
      `SELECT trade_id, price_ticks::text, qty_lots::text, taker_side,
              (extract(epoch FROM executed_at) * 1000)::bigint::text AS ts
       FROM trades WHERE symbol = $1 AND seq <= $2 ORDER BY trade_id DESC LIMIT $3`,
      [symbol, projected, RECENT_TRADES_KEPT],
    );
    recent.set(
      symbol,
      rows.map((r) => ({
        symbol,
        tradeId: r.trade_id,
        priceTicks: BigInt(r.price_ticks),
        qtyLots: BigInt(r.qty_lots),
        takerSide: r.taker_side,
        ts: Number(r.ts),
      })),
    );
  }
  for await (const page of journal.read(projected, offset)) {
    for (const entry of page) {
      const outcome = readOutcome(JSON.parse(entry.outcome));
      if (!outcome.ok) continue;
      for (const event of outcome.events as WireCoreEvent[]) {
        if (event.type !== "trade") continue;
        const list = recent.get(event.symbol) ?? [];
        list.unshift(event);
        recent.set(event.symbol, list.slice(0, RECENT_TRADES_KEPT));
      }
    }
  }
  return recent;
}

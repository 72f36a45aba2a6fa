import { type MarketScale, parseUnits } from "@exchange/contracts/money";
import type pg from "pg";

/**
 * Every market's scale (precisions, tick and lot in atoms) from the markets and assets tables,
 * converted exactly as the API does (packages/api market-config.ts), for jobs that translate
 * engine units with MarketUnits.
 */
export async function loadMarketScales(pool: pg.Pool): Promise<Map<string, MarketScale>> {
  const { rows } = await pool.query<{
    symbol: string;
    base: string;
    quote: string;
    base_precision: number;
    quote_precision: number;
    price_tick: string;
    lot_size: string;
  }>(
    `SELECT m.symbol, m.base_asset AS base, m.quote_asset AS quote,
            b.precision AS base_precision, q.precision AS quote_precision,
            trim_scale(m.price_tick)::text AS price_tick, trim_scale(m.lot_size)::text AS lot_size
     FROM markets m JOIN assets b ON b.code = m.base_asset JOIN assets q ON q.code = m.quote_asset`,
  );
  return new Map(
    rows.map((r) => [
      r.symbol,
      {
        symbol: r.symbol,
        base: r.base,
        quote: r.quote,
        basePrecision: r.base_precision,
        quotePrecision: r.quote_precision,
        tickSizeAtoms: parseUnits(r.price_tick, r.quote_precision),
        lotSizeAtoms: parseUnits(r.lot_size, r.base_precision),
      },
    ]),
  );
}

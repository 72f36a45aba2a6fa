import { formatUnits, MarketUnits } from "@exchange/contracts/money";
import type pg from "pg";
import { loadMarketScales } from "../../market-scales";

/**
 * Each market's and asset's scale, as the database defines them (markets join assets), to turn
 * engine integers into the decimal strings that are published. The job's state is in engine
 * units and needs no scale; only formatting does.
 */
export class MarketScales {
  constructor(
    private readonly markets: ReadonlyMap<string, MarketUnits>,
    private readonly precisions: ReadonlyMap<string, number>,
  ) {}

  /** Reads the scales; a tick or lot that is not whole atoms throws (a configuration error). */
  static async load(pool: pg.Pool): Promise<MarketScales> {
    const [markets, { rows: assets }] = await Promise.all([
      loadMarketScales(pool),
      pool.query<{ code: string; precision: number }>("SELECT code, precision FROM assets"),
    ]);
    const units = new Map([...markets].map(([symbol, scale]) => [symbol, new MarketUnits(scale)]));
    return new MarketScales(units, new Map(assets.map((a) => [a.code, a.precision])));
  }

  units(symbol: string): MarketUnits | undefined {
    return this.markets.get(symbol);
  }

  /** An amount of `asset` as a decimal string; undefined for an asset the database lacks. */
  amount(atoms: bigint, asset: string): string | undefined {
    const precision = this.precisions.get(asset);
    return precision === undefined ? undefined : formatUnits(atoms, precision);
  }

  symbols(): string[] {
    return [...this.markets.keys()];
  }
}

import type { Market } from "@exchange/contracts/market";
import { MarketUnits } from "@exchange/contracts/money";
import type { MarketConfig } from "@exchange/core";
import { AppError, AppErrorCode } from "../errors";
import type { Store } from "../services";
import { engineMarketConfig } from "./market-config";
import { findMarkets } from "./market-repository";

export interface MarketInfo {
  dto: Market;
  config: MarketConfig;
  units: MarketUnits;
}

/** How long a process trusts its copy of the markets table (markets change rarely, by ops). */
const TTL_MS = 10_000;

/**
 * Markets by symbol with their unit translators, cached per process for a few seconds: every
 * order and every history row needs them, and reading the markets table each time would double
 * the database work of placing an order.
 */
class MarketDirectory {
  private markets: Map<string, MarketInfo> | undefined;
  private loadedAt = 0;

  constructor(private readonly db: Store) {}

  async get(symbol: string): Promise<MarketInfo> {
    const market = (await this.all()).get(symbol);
    if (!market) {
      throw new AppError(AppErrorCode.NOT_FOUND, `There is no market ${symbol}.`, {
        symbol: [`There is no market ${symbol}.`],
      });
    }
    return market;
  }

  async all(): Promise<Map<string, MarketInfo>> {
    if (!this.markets || Date.now() - this.loadedAt > TTL_MS) {
      const rows = await findMarkets(this.db);
      this.markets = new Map(rows.map((dto) => [dto.symbol, infoOf(dto)]));
      this.loadedAt = Date.now();
    }
    return this.markets;
  }
}

function infoOf(dto: Market): MarketInfo {
  const config = engineMarketConfig(dto);
  return {
    dto,
    config,
    units: new MarketUnits({
      symbol: dto.symbol,
      base: dto.baseAsset,
      quote: dto.quoteAsset,
      basePrecision: dto.basePrecision,
      quotePrecision: dto.quotePrecision,
      tickSizeAtoms: config.tickSizeAtoms,
      lotSizeAtoms: config.lotSizeAtoms,
    }),
  };
}

const directories = new WeakMap<Store, MarketDirectory>();

export function marketDirectory(db: Store): MarketDirectory {
  let directory = directories.get(db);
  if (!directory) {
    directory = new MarketDirectory(db);
    directories.set(db, directory);
  }
  return directory;
}

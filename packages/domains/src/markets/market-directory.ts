import type { Market } from "@exchange/contracts/market";
import { MarketUnits } from "@exchange/contracts/money";
import type { MarketConfig } from "@exchange/core";
import type { Clock } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import type { Services, Store } from "../services";
import { engineMarketConfig } from "./market-config";
import { findMarkets } from "./market-repository";

export interface MarketInfo {
  dto: Market;
  config: MarketConfig;
  units: MarketUnits;
}

/**
 * How long a process trusts its copy of the markets table: markets change rarely, by operations,
 * and a status change or a new market should show on every page within a few seconds.
 */
const TTL_MS = 3_000;
/**
 * A symbol the copy lacks reads the table again if the copy is older than this: a market created
 * a moment ago trades at once, while requests for symbols that do not exist cost at most four
 * queries a second.
 */
const MISS_RELOAD_MS = 250;

/** A process's copy of the markets table and when (on the callers' clock) it was read. */
interface CachedMarkets {
  markets: Map<string, MarketInfo>;
  loadedAt: number;
}

/**
 * Markets by symbol with their unit translators, cached per process for a few seconds: every
 * order and every history row needs them, and reading the markets table each time would double
 * the database work of placing an order. The age is read on the caller's clock.
 */
class MarketDirectory {
  constructor(
    private readonly db: Store,
    private readonly cache: { current?: CachedMarkets },
    private readonly clock: Clock,
  ) {}

  async get(symbol: string): Promise<MarketInfo> {
    let market = (await this.all()).get(symbol);
    if (!market && this.age() > MISS_RELOAD_MS) market = (await this.load()).get(symbol);
    if (!market) {
      throw new AppError(AppErrorCode.NOT_FOUND, `There is no market ${symbol}.`, {
        symbol: [`There is no market ${symbol}.`],
      });
    }
    return market;
  }

  async all(): Promise<Map<string, MarketInfo>> {
    const cached = this.cache.current;
    const age = this.age();
    if (cached && age >= 0 && age <= TTL_MS) return cached.markets;
    return this.load();
  }

  /** How old the copy is; negative (read it again) when there is none or a clock was set back. */
  private age(): number {
    const cached = this.cache.current;
    return cached ? this.clock.now() - cached.loadedAt : -1;
  }

  private async load(): Promise<Map<string, MarketInfo>> {
    const loadedAt = this.clock.now();
    const rows = await findMarkets(this.db);
    const markets = new Map(rows.map((dto): [string, MarketInfo] => [dto.symbol, infoOf(dto)]));
    this.cache.current = { markets, loadedAt };
    return markets;
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

/** One cached copy per database handle, shared by every clock that reads through it. */
const caches = new WeakMap<Store, { current?: CachedMarkets }>();

export function marketDirectory(services: Pick<Services, "db" | "clock">): MarketDirectory {
  let cache = caches.get(services.db);
  if (!cache) {
    cache = {};
    caches.set(services.db, cache);
  }
  return new MarketDirectory(services.db, cache, services.clock);
}

import { channels } from "@exchange/contracts/channels";
import { marketDataKeys } from "@exchange/contracts/market-data-keys";
import { encodeMarkPrice } from "@exchange/contracts/markprice";
import { type Clock, type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";
import { INDEX_STALE_AFTER_MS, type IndexSource } from "../lending/index-price";
import { findRecentIndexPrices } from "../lending/index-price-repository";
import type { Services } from "../services";
import {
  BasisWindow,
  basisTicks,
  dueFundingTime,
  fundingRateOf,
  indexTicks,
  markTicks,
  nextFundingTime,
  PREMIUM_SAMPLE_EVERY_MS,
  premiumSamplePpm,
} from "./mark-price";

/**
 * The perpetual pricer's pass (issue 20 §3, §4), run each second by the worker: for every
 * contract it reads the underlying's index (the lending index publisher's, `index_prices`) and
 * the contract's best bid and ask, derives the mark (`mark-price.ts`), sends it to the engine
 * when it moved or every 10 s (`mark.set`, which liquidates what the mark crosses), publishes
 * `<SYMBOL>@markprice` with the index, the estimated funding rate and the next funding time,
 * keeps a premium sample a minute in Redis, and at each funding time sends `funding.settle` at
 * the rate of the interval's samples. Without a fresh index (older than the staleness limit)
 * the contract gets no new mark, so nothing is liquidated on a stale price.
 */

/** A contract as the pricer needs it. */
export interface PricedContract {
  symbol: string;
  underlying: string;
  settle: string;
  tickSizeAtoms: bigint;
  settlePrecision: number;
  fundingIntervalMs: number;
  fundingCapPpm: number;
  interestPpm: number;
  /** The last funding time the read model has settled (0 before any). */
  lastFundingTime: number;
}

export interface PerpetualPricerDeps {
  db: Services["db"];
  redis: Redis;
  redisPrefix: string;
  clock: Clock;
  log: Logger;
  /** The contracts to price (listed and not closed). */
  contracts: () => Promise<PricedContract[]>;
  /** The contract's own book (best bid and ask). */
  book: IndexSource;
  sendMark: (mark: {
    symbol: string;
    markPriceTicks: bigint;
    indexPriceTicks: bigint;
    at: number;
  }) => Promise<boolean>;
  sendFunding: (funding: {
    symbol: string;
    fundingTime: number;
    ratePpm: number;
  }) => Promise<boolean>;
  heartbeatMs?: number;
}

/** A mark is re-sent at least this often, moved or not, so the engine's mark stays fresh. */
export const MARK_HEARTBEAT_MS = 10_000;

interface ContractState {
  basis: BasisWindow;
  lastMark: { ticks: bigint; atMs: number } | null;
  lastPremiumAtMs: number;
  /** The latest funding time this pricer has had settled. */
  fundedUpTo: number;
}

export class PerpetualPricer {
  private readonly states = new Map<string, ContractState>();

  constructor(private readonly deps: PerpetualPricerDeps) {}

  /** One pass over every contract; a failure of one contract does not stop the others. */
  async pass(): Promise<void> {
    const contracts = await this.deps.contracts();
    for (const contract of contracts) {
      try {
        await this.price(contract);
      } catch (error) {
        this.deps.log.warn("a perpetual could not be priced", { symbol: contract.symbol, error });
      }
    }
  }

  private stateOf(symbol: string): ContractState {
    let state = this.states.get(symbol);
    if (!state) {
      state = { basis: new BasisWindow(), lastMark: null, lastPremiumAtMs: 0, fundedUpTo: 0 };
      this.states.set(symbol, state);
    }
    return state;
  }

  private async price(contract: PricedContract): Promise<void> {
    const nowMs = this.deps.clock.now();
    const index = await this.freshIndexTicks(contract, nowMs);
    if (index === null) return;
    const state = this.stateOf(contract.symbol);
    const book = await this.bookTicks(contract);
    const basis = basisTicks(book, index);
    if (basis !== null) state.basis.add(basis);
    const mark = markTicks(index, state.basis.average());
    await this.samplePremium(contract, state, book, index, nowMs);
    await this.sendMarkIfDue(contract, state, mark, index, nowMs);
    await this.settleFundingIfDue(contract, state, nowMs);
    await this.publish(contract, mark, index, nowMs);
  }

  /** The underlying's index in contract ticks, or null when there is none fresh. */
  private async freshIndexTicks(contract: PricedContract, nowMs: number): Promise<bigint | null> {
    const [latest] = await findRecentIndexPrices(
      this.deps.db,
      { asset: contract.underlying, quote: contract.settle },
      1,
    );
    if (!latest || nowMs - latest.at.getTime() > INDEX_STALE_AFTER_MS) return null;
    const ticks = indexTicks(latest.priceAtoms, contract.tickSizeAtoms);
    return ticks > 0n ? ticks : null;
  }

  private async bookTicks(contract: PricedContract) {
    const quote = await this.deps.book.quote({
      symbol: contract.symbol,
      asset: contract.underlying,
      quote: contract.settle,
      tickSizeAtoms: contract.tickSizeAtoms,
      quotePrecision: contract.settlePrecision,
    });
    const toTicks = (atoms: bigint | null | undefined) =>
      atoms === null || atoms === undefined ? null : atoms / contract.tickSizeAtoms;
    return {
      bestBidTicks: toTicks(quote?.bestBidAtoms),
      bestAskTicks: toTicks(quote?.bestAskAtoms),
    };
  }

  /** One premium sample a minute, kept under the funding time it leads up to. */
  private async samplePremium(
    contract: PricedContract,
    state: ContractState,
    book: { bestBidTicks: bigint | null; bestAskTicks: bigint | null },
    index: bigint,
    nowMs: number,
  ): Promise<void> {
    if (nowMs - state.lastPremiumAtMs < PREMIUM_SAMPLE_EVERY_MS) return;
    const sample = premiumSamplePpm(book, index);
    if (sample === null) return;
    state.lastPremiumAtMs = nowMs;
    const key = this.premiumsKey(contract, nextFundingTime(nowMs, contract.fundingIntervalMs));
    await this.deps.redis
      .multi()
      .rpush(key, sample.toString())
      .pexpire(key, 2 * contract.fundingIntervalMs)
      .exec();
  }

  private premiumsKey(contract: PricedContract, fundingTime: number): string {
    return marketDataKeys(this.deps.redisPrefix).premiums(contract.symbol, fundingTime);
  }

  private async premiumSamples(contract: PricedContract, fundingTime: number): Promise<bigint[]> {
    const texts = await this.deps.redis.lrange(this.premiumsKey(contract, fundingTime), 0, -1);
    return texts.map((text) => BigInt(text));
  }

  private async sendMarkIfDue(
    contract: PricedContract,
    state: ContractState,
    mark: bigint,
    index: bigint,
    nowMs: number,
  ): Promise<void> {
    const last = state.lastMark;
    const heartbeat = this.deps.heartbeatMs ?? MARK_HEARTBEAT_MS;
    if (last && last.ticks === mark && nowMs - last.atMs < heartbeat) return;
    const accepted = await this.deps.sendMark({
      symbol: contract.symbol,
      markPriceTicks: mark,
      indexPriceTicks: index,
      at: nowMs,
    });
    state.lastMark = { ticks: mark, atMs: nowMs };
    if (!accepted) this.deps.log.warn("the engine refused a mark", { symbol: contract.symbol });
  }

  /** Funding at the latest funding time not yet settled, at its interval's premium samples. */
  private async settleFundingIfDue(
    contract: PricedContract,
    state: ContractState,
    nowMs: number,
  ): Promise<void> {
    const settled = Math.max(contract.lastFundingTime, state.fundedUpTo);
    const due = dueFundingTime(nowMs, contract.fundingIntervalMs, settled);
    if (due === null) return;
    const ratePpm = fundingRateOf(await this.premiumSamples(contract, due), contract);
    // Refused means settled already (or a rate the cap forbids, which cannot come from here).
    await this.deps.sendFunding({ symbol: contract.symbol, fundingTime: due, ratePpm });
    state.fundedUpTo = due;
  }

  /** Stores and pushes `<SYMBOL>@markprice` for the contract. */
  private async publish(
    contract: PricedContract,
    mark: bigint,
    index: bigint,
    nowMs: number,
  ): Promise<void> {
    const next = nextFundingTime(nowMs, contract.fundingIntervalMs);
    const message = JSON.stringify(
      encodeMarkPrice({
        symbol: contract.symbol,
        indexPriceAtoms: index * contract.tickSizeAtoms,
        quotePrecision: contract.settlePrecision,
        atMs: nowMs,
        perpetual: {
          markPriceAtoms: mark * contract.tickSizeAtoms,
          fundingRatePpm: fundingRateOf(await this.premiumSamples(contract, next), contract),
          nextFundingTime: next,
        },
      }),
    );
    const { redis, redisPrefix } = this.deps;
    await redis
      .multi()
      .set(marketDataKeys(redisPrefix).markprice(contract.symbol), message)
      .publish(streamBusChannel(redisPrefix, channels.markprice(contract.symbol)), message)
      .exec();
  }
}

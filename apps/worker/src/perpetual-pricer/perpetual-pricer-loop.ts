import { sendFunding, sendMark } from "@exchange/domains/derivatives/derivatives-engine";
import { pricedContracts } from "@exchange/domains/derivatives/futures-views";
import { PerpetualPricer } from "@exchange/domains/derivatives/perpetual-pricer";
import { exchangeIndexSource } from "@exchange/domains/lending/exchange-index-source";
import { PeriodicLoop } from "../periodic-loop";
import type { WorkerContext } from "../worker-context";

/** The pricer passes once a second, as the index it builds on is sampled. */
const PRICE_EVERY_MS = 1_000;

/**
 * The perpetual pricer (derivatives/perpetual-pricer.ts): each second every contract's mark from
 * the index and its own book, sent to the engine (which liquidates what it crosses) and pushed on
 * `<SYMBOL>@markprice`; a premium sample a minute; funding at each funding time. A loop, like the
 * index publisher, because its basis window lives in memory.
 */
export function perpetualPricerOf(context: WorkerContext): PeriodicLoop {
  const { redis, env } = context;
  const pricer = new PerpetualPricer({
    db: context.store,
    redis,
    redisPrefix: env.REDIS_PREFIX,
    clock: context.clock,
    log: context.log,
    contracts: () => pricedContracts({ db: context.store, clock: context.clock }),
    book: exchangeIndexSource(redis, env.REDIS_PREFIX),
    sendMark: async (mark) => (await sendMark(context, mark)).ok,
    sendFunding: async (funding) => (await sendFunding(context, funding)).ok,
  });
  return new PeriodicLoop("perpetual-pricer", context.clock, PRICE_EVERY_MS, () => pricer.pass());
}

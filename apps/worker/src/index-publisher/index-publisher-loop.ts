import { exchangeIndexSource } from "@exchange/domains/lending/exchange-index-source";
import { INDEX_SAMPLE_EVERY_MS } from "@exchange/domains/lending/index-price";
import {
  IndexPublisher,
  type IndexPublisherDeps,
  type IndexSender,
} from "@exchange/domains/lending/index-publisher";
import { sendIndexSet } from "@exchange/domains/lending/lending-engine";
import { processMetrics } from "@exchange/protocol/metrics";
import { alertCenterDeps } from "../jobs/alert-center/definition";
import { PeriodicLoop } from "../periodic-loop";
import type { WorkerContext } from "../worker-context";

/**
 * The index publisher: a loop on the consumer board, not a job, because its median window is
 * held in memory and a pass a second late is simply the next pass. Each pass
 * (lending/index-publisher.ts) samples every pair a loan could need, records and publishes the
 * index on `<SYMBOL>@markprice` and feeds it to the engine; then it waits for the next second.
 * A failing pass is retried by the board; while it fails, the index ages, the gauge shows it
 * and, past the staleness limit, the alert rule fires.
 */
export class IndexPublisherLoop extends PeriodicLoop {
  readonly publisher: IndexPublisher;

  constructor(deps: IndexPublisherDeps, everyMs: number = INDEX_SAMPLE_EVERY_MS) {
    const publisher = new IndexPublisher(deps);
    super("index-publisher", deps.clock, everyMs, () => publisher.pass());
    this.publisher = publisher;
  }
}

export function indexPublisherOf(context: WorkerContext): IndexPublisherLoop {
  const loop = new IndexPublisherLoop({
    db: context.store,
    redis: context.redis,
    redisPrefix: context.env.REDIS_PREFIX,
    clock: context.clock,
    log: context.log,
    sources: [exchangeIndexSource(context.redis, context.env.REDIS_PREFIX)],
    alerts: alertCenterDeps(context),
    sendIndex: indexSenderOf(context),
  });
  observeIndexAges(loop.publisher, context);
  return loop;
}

/** `index.set` through the lending domain's sender; true when the engine took it. */
export function indexSenderOf(context: Pick<WorkerContext, "engine" | "clock">): IndexSender {
  return async (index) => {
    const outcome = await sendIndexSet(context, {
      asset: index.asset,
      quote: index.quote,
      priceAtoms: index.priceAtoms,
      at: index.atMs,
    });
    return outcome.ok;
  };
}

/**
 * `exchange_lending_index_age_seconds{symbol}`: how old each pair's index is at the scrape, so a
 * stopped publisher shows as a growing age, not a frozen one.
 */
function observeIndexAges(publisher: IndexPublisher, context: WorkerContext): void {
  processMetrics().gauge({
    name: "lending_index_age_seconds",
    help: "Age of each pair's lending index price (stale above 30 s: new loans and liquidations pause)",
    labelNames: ["symbol"],
    collect(gauge) {
      for (const { symbol, ageMs } of publisher.ages(context.clock.now()))
        gauge.set({ symbol }, ageMs / 1000);
    },
  });
}

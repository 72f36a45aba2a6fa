import {
  type WatchDeps,
  type WatchOptions,
  watchChainOnce,
} from "@exchange/domains/wallet/deposit-watcher";
import type { Logger } from "@exchange/protocol";
import type { Consumer } from "../consumers/consumer";
import type { WorkerContext } from "../worker-context";

/**
 * The chain watcher: a loop on the consumer board beside the consumers of `engine.events`, but
 * following the chain's blocks, not the engine's journal. Its position is the last block whose
 * transfers it recorded (`chain_cursors`, shown as its `processedSeq` on the board and in
 * /health); each step is one pass of the wallet domain's watcher (find deposits, count
 * confirmations, credit through the engine), then a pause of `pollMs`. A failed pass is retried
 * by the board with backoff and re-reads from the stored cursor, so nothing is skipped.
 */
export class ChainWatcher implements Consumer {
  readonly name = "chain-watcher";
  readonly boundedSteps = true;
  readonly batchMax = 1;
  readonly inHand = undefined;
  private cursor: number | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: WatchDeps,
    private readonly options: WatchOptions & { pollMs: number; log: Logger },
  ) {}

  get processedSeq(): number | undefined {
    return this.cursor;
  }

  async start(): Promise<void> {
    const chainId = await this.deps.chain.adapter.chainId();
    if (chainId !== this.deps.chain.chainId) {
      throw new Error(
        `the node at CHAIN_RPC_URL is chain ${chainId}, not CHAIN_ID ${this.deps.chain.chainId}`,
      );
    }
  }

  async step(): Promise<boolean> {
    if (this.stopping) return false;
    const pass = await watchChainOnce(this.deps, this.options);
    this.cursor = Number(pass.cursor);
    // Behind the head: read on at once; caught up: wait for the next block.
    if (pass.cursor >= pass.head && !pass.reorganised) await this.sleep();
    return !this.stopping;
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }
}

/** The watcher of the worker's chain; none when the environment names no chain. */
export function chainWatcherOf(context: WorkerContext): ChainWatcher | undefined {
  if (!context.wallet) return undefined;
  return new ChainWatcher(
    {
      db: context.store,
      engine: context.engine,
      redis: context.redis,
      redisPrefix: context.env.REDIS_PREFIX,
      clock: context.clock,
      log: context.log,
      chain: context.wallet,
    },
    { pollMs: context.env.CHAIN_WATCH_POLL_MS, log: context.log },
  );
}

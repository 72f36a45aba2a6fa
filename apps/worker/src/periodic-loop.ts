import type { Clock } from "@exchange/protocol";
import type { Consumer } from "./consumers/consumer";

/**
 * A pass run every `everyMs` as a loop on the consumer board, for work that holds its state in
 * memory and for which a pass a second late is simply the next pass (the index publisher, the
 * perpetual pricer). A failing pass is retried by the board.
 */
export class PeriodicLoop implements Consumer {
  readonly boundedSteps = true;
  readonly batchMax = 1;
  readonly inHand = undefined;
  readonly processedSeq = undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly everyMs: number,
    private readonly pass: () => Promise<unknown>,
  ) {}

  async start(): Promise<void> {}

  async step(): Promise<boolean> {
    if (this.stopping) return false;
    const startedMs = this.clock.now();
    await this.pass();
    if (this.stopping) return false;
    await this.sleep(Math.max(0, this.everyMs - (this.clock.now() - startedMs)));
    return !this.stopping;
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
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

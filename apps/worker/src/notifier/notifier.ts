import {
  type NotificationPassDeps,
  runNotificationPass,
} from "@exchange/domains/notifications/notification-pass";
import type { Consumer } from "../consumers/consumer";
import type { WorkerContext } from "../worker-context";

/**
 * The notifier: a loop on the consumer board that turns what happened (deposits credited,
 * withdrawals sent or rejected, identity decisions, large fills) into the traders' in-app
 * notifications, pushed on `@account` and mailed as each reader chose. It follows the tables
 * those events are written to rather than `engine.events`, since KYC decisions and withdrawal
 * states never pass the engine; each source has its cursor in `notification_cursors`, and a
 * failed pass is retried by the board from them, writing nothing twice (each event's key is
 * unique). Caught up, it pauses `pollMs`.
 */
export class Notifier implements Consumer {
  readonly name = "notifier";
  readonly boundedSteps = true;
  readonly batchMax = 1;
  readonly inHand = undefined;
  readonly processedSeq = undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: NotificationPassDeps,
    private readonly pollMs: number,
  ) {}

  async start(): Promise<void> {}

  async step(): Promise<boolean> {
    if (this.stopping) return false;
    const pass = await runNotificationPass(this.deps);
    if (!pass.behind) await this.sleep();
    return !this.stopping;
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
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

export function notifierOf(context: WorkerContext): Notifier {
  return new Notifier(
    {
      db: context.store,
      redis: context.redis,
      redisPrefix: context.env.REDIS_PREFIX,
      clock: context.clock,
      log: context.log,
      mailer: context.mailer,
      webPublicUrl: context.env.WEB_PUBLIC_URL,
      largeFillLines: context.env.LARGE_FILL_NOTIONALS,
    },
    context.env.NOTIFY_POLL_MS,
  );
}

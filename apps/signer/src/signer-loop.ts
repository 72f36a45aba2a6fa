import type { Logger } from "@exchange/protocol";
import { type ProcessMetrics, processMetrics } from "@exchange/protocol/metrics";

/** One named task of the signer, run every `everyMs`. */
export interface SignerTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

/** What /health answers of one task. */
export interface TaskStatus {
  name: string;
  /** Epoch ms of the last pass that finished without error; null before the first. */
  lastOkAt: number | null;
  /** Failed passes in a row (0 when the last one succeeded). */
  failuresInRow: number;
  lastError: string | null;
}

/**
 * The signer's passes, one at a time: the tasks share the hot wallet's nonces, so nothing here
 * runs two passes at once (a new transaction's nonce is read from the chain and the stored
 * transactions, and must see every one signed before it). A failed pass is logged and tried
 * again next time; `stop` lets the pass in hand finish (SIGTERM drain).
 */
export class SignerLoop {
  private stopping = false;
  private wake: (() => void) | undefined;
  private readonly status = new Map<string, TaskStatus>();
  private readonly metrics: ReturnType<typeof signerSeries>;

  constructor(
    private readonly tasks: SignerTask[],
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    metrics: ProcessMetrics = processMetrics(),
  ) {
    this.metrics = signerSeries(metrics);
    for (const task of tasks) {
      this.status.set(task.name, {
        name: task.name,
        lastOkAt: null,
        failuresInRow: 0,
        lastError: null,
      });
    }
  }

  async run(): Promise<void> {
    const due = new Map(this.tasks.map((task) => [task.name, 0]));
    while (!this.stopping) {
      for (const task of this.tasks) {
        if (this.stopping) break;
        if ((due.get(task.name) ?? 0) > this.now()) continue;
        await this.pass(task);
        due.set(task.name, this.now() + task.everyMs);
      }
      const next = Math.min(...due.values());
      await this.sleep(Math.max(0, next - this.now()));
    }
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  statuses(): TaskStatus[] {
    return [...this.status.values()];
  }

  /** Healthy while no task has failed this many passes in a row. */
  healthy(failuresAllowed = 5): boolean {
    return this.statuses().every((s) => s.failuresInRow < failuresAllowed);
  }

  private async pass(task: SignerTask): Promise<void> {
    const status = this.status.get(task.name) as TaskStatus;
    const labels = { task: task.name };
    try {
      await task.run();
      status.lastOkAt = this.now();
      status.failuresInRow = 0;
      status.lastError = null;
      this.metrics.passes.inc({ ...labels, outcome: "ok" });
      this.metrics.lastOk.set(labels, status.lastOkAt / 1000);
    } catch (error) {
      status.failuresInRow += 1;
      status.lastError = error instanceof Error ? error.message : String(error);
      this.metrics.passes.inc({ ...labels, outcome: "failed" });
      this.log.error("signer pass failed", { task: task.name, error });
    }
    this.metrics.failuresInRow.set(labels, status.failuresInRow);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Each task's passes by outcome, its last good pass, and how many failed in a row. */
function signerSeries(metrics: ProcessMetrics) {
  return {
    passes: metrics.counter({
      name: "signer_passes_total",
      help: "Passes of a signer task, by outcome",
      labelNames: ["task", "outcome"],
    }),
    lastOk: metrics.gauge({
      name: "signer_last_ok_timestamp_seconds",
      help: "When a signer task last finished a pass without error",
      labelNames: ["task"],
    }),
    failuresInRow: metrics.gauge({
      name: "signer_failing_passes",
      help: "Failed passes in a row of a signer task (0 when healthy)",
      labelNames: ["task"],
    }),
  };
}

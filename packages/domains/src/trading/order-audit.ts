import {
  type QueuedAuditEntry,
  type RequestClient,
  recordAuditBatch,
} from "../audit/audit-repository";
import type { Services } from "../services";

/**
 * Order actions in the audit log, written once the engine has answered. The engine's journal is
 * the order's record; this entry adds who asked from where. Entries are queued in the process
 * and written together, one multi-row INSERT every `FLUSH_EVERY_MS`, so an order never waits on
 * the audit log (one INSERT per order cost more than the rest of the order's database work).
 *
 * What is guaranteed: an accepted order's entry is in the log within a few milliseconds of the
 * answer, once (a retry with the same client order id is answered from the engine's journal and
 * not recorded again); `closeServices` and a server's graceful stop write whatever is queued.
 * A process killed outright loses the entries of at most its last few milliseconds (the queue),
 * never an order. A failed INSERT is logged and retried with the next batch; it never turns an
 * order the engine accepted into an error the trader would retry. When the database stays away
 * so long that `MAX_QUEUED` entries wait, the oldest are dropped, each counted in the log.
 */
export interface OrderAuditEntry {
  action: "order.placed" | "order.cancelled" | "order.amended";
  userId: number;
  orderId: number;
  symbol: string;
  side?: "buy" | "sell" | undefined;
  type?: "limit" | "market" | "stopLimit" | "takeProfitLimit" | undefined;
  /** What else the entry records: a stop price, an OCO list, an amendment's outcome. */
  details?: Record<string, string | number | boolean>;
  client: RequestClient;
}

/**
 * How long an entry waits for others to share its INSERT. A statement costs ~0.8 ms of the
 * process's CPU through Prisma, one row or twenty, so the wait is what makes batches.
 */
const FLUSH_EVERY_MS = 10;

/** Entries written per INSERT at most. */
const MAX_BATCH = 1_000;

/** How long a failed write waits before the next try. */
const RETRY_AFTER_MS = 1_000;

/** Entries held at most while the database is away; beyond it the oldest are dropped. */
const MAX_QUEUED = 100_000;

class OrderAuditQueue {
  private queued: QueuedAuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;

  constructor(private readonly services: Services) {}

  add(entry: QueuedAuditEntry): void {
    this.queued.push(entry);
    if (this.queued.length > MAX_QUEUED) {
      const dropped = this.queued.splice(0, this.queued.length - MAX_QUEUED);
      this.services.log.error("order audit entries dropped", { count: dropped.length });
    }
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
  }

  /** Writes everything queued so far; one batch at a time, in the order they were queued. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (this.queued.length === 0) return;
    const batch = this.queued.splice(0, MAX_BATCH);
    const written = this.write(batch);
    this.writing = written.then(() => undefined);
    const ok = await written;
    this.writing = undefined;
    if (ok && this.queued.length > 0) await this.flush();
  }

  /** Whether the batch was written; a failed one goes back to the front for a later try. */
  private async write(batch: QueuedAuditEntry[]): Promise<boolean> {
    try {
      await recordAuditBatch(this.services.db, withoutRepeats(batch));
      return true;
    } catch (error) {
      this.services.log.error("order audit failed", { error, count: batch.length });
      // `add` bounds how many may wait while the database is away.
      this.queued.unshift(...batch);
      this.timer ??= setTimeout(() => void this.flush(), RETRY_AFTER_MS).unref();
      return false;
    }
  }
}

/**
 * The batch without a second entry of a once-per-target action (a retry racing its first
 * request): the INSERT only leaves out what the log held before it.
 */
function withoutRepeats(batch: QueuedAuditEntry[]): QueuedAuditEntry[] {
  const seen = new Set<string>();
  return batch.filter((entry) => {
    if (!entry.oncePerTarget) return true;
    const key = `${entry.action} ${entry.target?.type} ${entry.target?.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One queue per set of services (per process), made on first use. */
const queues = new WeakMap<Services, OrderAuditQueue>();

function queueOf(services: Services): OrderAuditQueue {
  let queue = queues.get(services);
  if (!queue) {
    queue = new OrderAuditQueue(services);
    queues.set(services, queue);
  }
  return queue;
}

/** Writes the order audit entries queued on `services` (at shutdown; tests before reading). */
export async function flushOrderAudit(services: Services): Promise<void> {
  await queues.get(services)?.flush();
}

export function auditOrderAction(services: Services, entry: OrderAuditEntry): void {
  queueOf(services).add({
    actor: { kind: "user", userId: entry.userId },
    action: entry.action,
    target: { type: "order", id: String(entry.orderId) },
    after: {
      symbol: entry.symbol,
      ...(entry.side ? { side: entry.side } : {}),
      ...(entry.type ? { type: entry.type } : {}),
      ...entry.details,
    },
    ip: entry.client.ip,
    userAgent: entry.client.userAgent,
    at: new Date(),
    // An order is placed once and cancelled once, whatever a retry repeats; a quantity
    // reduction keeps the order's id, so one order may be amended many times.
    oncePerTarget: entry.action !== "order.amended",
  });
}

/** "Cancel all" in one entry: the market and how many orders it ended. */
export function auditCancelAll(
  services: Services,
  entry: { userId: number; symbol: string; cancelled: number; client: RequestClient },
): void {
  queueOf(services).add({
    actor: { kind: "user", userId: entry.userId },
    action: "order.cancelled_all",
    target: { type: "market", id: entry.symbol },
    after: { symbol: entry.symbol, cancelled: entry.cancelled },
    ip: entry.client.ip,
    userAgent: entry.client.userAgent,
    at: new Date(),
    // Every "cancel all" of a market is an action of its own.
    oncePerTarget: false,
  });
}

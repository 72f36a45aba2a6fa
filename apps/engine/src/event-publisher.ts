import type { BusKeys } from "@exchange/protocol";
import type { ChainableCommander, Redis } from "ioredis";

/** Field of an `engine.events` entry holding one batch of outcomes. */
export const EVENTS_BATCH_FIELD = "b";

/** One journaled command's outcome as published (outcome text shared with journal and reply). */
export interface PublishedOutcome {
  seq: number;
  commandId: string;
  ts: number;
  outcomeText: string;
}

/**
 * Writes outcomes to `engine.events`, one stream entry per batch:
 * `{"from":first seq,"to":last seq,"results":[{"seq","id","ts","outcome"}…]}`. Entries are
 * trimmed to about `retainedBatches` (MAXLEN ~); older history lives in the journal.
 */
export class EventPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly keys: BusKeys,
    private readonly retainedBatches: number,
  ) {}

  /** Queues the batch's entry on `pipeline` (sent with the batch's replies and acks). */
  queue(pipeline: ChainableCommander, outcomes: readonly PublishedOutcome[]): void {
    if (outcomes.length === 0) return;
    pipeline.xadd(
      this.keys.events,
      "MAXLEN",
      "~",
      this.retainedBatches,
      "*",
      EVENTS_BATCH_FIELD,
      batchText(outcomes),
    );
  }

  /** Sequence of the last outcome on the stream, 0 if none. */
  async lastPublishedSeq(): Promise<number> {
    const entries = (await this.redis.xrevrange(this.keys.events, "+", "-", "COUNT", 1)) as Array<
      [string, string[]]
    >;
    const fields = entries[0]?.[1];
    const text = fields?.[fields.indexOf(EVENTS_BATCH_FIELD) + 1];
    return text ? Number((JSON.parse(text) as { to: number }).to) : 0;
  }
}

function batchText(outcomes: readonly PublishedOutcome[]): string {
  const results = outcomes.map(
    (o) =>
      `{"seq":${o.seq},"id":${JSON.stringify(o.commandId)},"ts":${o.ts},"outcome":${o.outcomeText}}`,
  );
  const from = outcomes[0]?.seq ?? 0;
  const to = outcomes[outcomes.length - 1]?.seq ?? 0;
  return `{"from":${from},"to":${to},"results":[${results.join(",")}]}`;
}

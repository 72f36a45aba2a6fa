/** Engine journal entries a consumer has read and not yet stored. */
export interface EntryRange {
  fromSeq: number;
  toSeq: number;
}

/**
 * One of the worker's independent loops (projector, market data, reconciliation, …), driven by
 * `runConsumer`: it calls `start`, then `step` again and again; after a failure it waits (with
 * backoff) and calls `start` again, which reloads the consumer's position and state from its
 * store of record, so the failed entries are taken again and never skipped.
 */
export interface Consumer {
  readonly name: string;
  /**
   * True when a step should take seconds at most (it handles a bounded batch): a step running
   * past the alert threshold means the consumer is blocked (a held lock, a hung connection).
   */
  readonly boundedSteps: boolean;
  /** Most entries one step takes when nothing has failed. */
  readonly batchMax: number;
  /** Loads position and state; before the first step and after each failure. */
  start(): Promise<void>;
  /**
   * One unit of work, at most `maxEntries` engine entries. Resolves false when the consumer has
   * finished for good: stopped, or a one-shot job done.
   */
  step(maxEntries: number): Promise<boolean>;
  /** The last engine journal seq whose effects are stored; undefined for timed jobs. */
  readonly processedSeq: number | undefined;
  /** The entries being applied right now (read, not yet stored), if any. */
  readonly inHand: EntryRange | undefined;
  /** Asks the consumer to finish the step in hand (the next step resolves false); wakes a sleep. */
  stop(): void;
}

/**
 * Runs one consumer alone until it stops, without retries: for tests and benchmarks, which
 * want a failure to surface. The worker runs its consumers with `ConsumerBoard`.
 */
export async function runAlone(consumer: Consumer): Promise<void> {
  await consumer.start();
  while (await consumer.step(consumer.batchMax)) {}
}

import type { Journal } from "@exchange/journal";
import type { Redis } from "ioredis";
import type { EventPublisher } from "./event-publisher";

/**
 * A run that died after journaling a batch but before publishing it left outcomes the event
 * stream never saw. They are in the journal: publish them, in order, before taking new commands.
 */
export async function republishUnpublished(deps: {
  journal: Journal;
  publisher: EventPublisher;
  redis: Redis;
  upToSeq: number;
}): Promise<number> {
  const { journal, publisher, redis, upToSeq } = deps;
  const lastPublished = await publisher.lastPublishedSeq();
  let count = 0;
  for await (const page of journal.read(lastPublished, upToSeq, { pageSize: 2_000 })) {
    const pipeline = redis.pipeline();
    publisher.queue(
      pipeline,
      page.map((entry) => ({
        seq: entry.seq,
        commandId: entry.commandId,
        ts: (JSON.parse(entry.command) as { ts: number }).ts,
        outcomeText: entry.outcome,
      })),
    );
    await pipeline.exec();
    count += page.length;
  }
  return count;
}

/**
 * A retry that arrives while its first copy is still being journaled must be answered, not
 * applied again — including in the narrow window where the previous batch becomes durable (and
 * leaves the in-flight map) while the next batch's journal lookup is running. The journal here
 * is the real one over PostgreSQL, with its two calls ordered to force exactly that window.
 * Likewise, a command that throws while the batch before it is being journaled must leave that
 * batch durable and reach neither the journal nor a snapshot.
 */
import { ExchangeCore } from "@exchange/core";
import {
  Journal,
  type JournalEntry,
  PoisonCommandStore,
  SnapshotStore,
  Snapshotter,
} from "@exchange/journal";
import {
  busKeys,
  COMMAND_FIELD,
  createLogger,
  PROTOCOL_VERSION,
  stringifyWire,
} from "@exchange/protocol";
import { createEngineSandbox } from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { Engine, type StreamEntry } from "./engine";
import { EventPublisher } from "./event-publisher";
import { createEngineMetrics } from "./metrics";

/**
 * The first batch's append waits until the second batch's lookup has read the database; that
 * lookup returns only after the append has landed (and the batch has left the in-flight map).
 */
class WindowForcingJournal extends Journal {
  private lookups = 0;
  private releaseAppend: () => void = () => {};
  private readonly secondLookupRead = new Promise<void>((resolve) => {
    this.releaseAppend = resolve;
  });
  private appended: Promise<void> = Promise.resolve();

  override append(entries: readonly JournalEntry[]): Promise<void> {
    this.appended = this.secondLookupRead.then(() => super.append(entries));
    return this.appended;
  }

  override async findByCommandIds(ids: readonly string[]) {
    const found = await super.findByCommandIds(ids);
    if (++this.lookups === 2) {
      this.releaseAppend();
      await this.appended;
      // Let the engine finish the batch (replies, acks, leaving the in-flight map).
      await new Promise((r) => setTimeout(r, 50));
    }
    return found;
  }
}

const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const entry = (n: number, command: object): StreamEntry => [
  `${n}-0`,
  [COMMAND_FIELD, stringifyWire({ v: PROTOCOL_VERSION, ...command })],
];

it("answers a retry from the batch in flight even when that batch lands during the lookup", async () => {
  const sandbox = await createEngineSandbox("race");
  const pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  const redis = new Redis(sandbox.redisUrl);
  cleanup.push(
    () => pool.end(),
    async () => redis.disconnect(),
  );
  const keys = busKeys(sandbox.redisPrefix);
  const engine = new Engine({
    core: new ExchangeCore(),
    seq: 0,
    journal: new WindowForcingJournal(pool),
    publisher: new EventPublisher(redis, keys, 1_000),
    redis,
    keys,
    metrics: createEngineMetrics(),
    log: createLogger("race-test", "error"),
    poison: new PoisonCommandStore(pool),
    setAside: new Map(),
  });
  const addAsset = { type: "asset.add", id: "asset-once", ts: 1, code: "BTC", precision: 8 };

  await engine.processBatch([entry(1, addAsset)]);
  await engine.processBatch([entry(2, addAsset)]);
  await engine.drain();

  const { rows } = await pool.query("SELECT seq, command_id, ok FROM engine_journal ORDER BY seq");
  expect(rows).toEqual([{ seq: "1", command_id: "asset-once", ok: true }]);
});

/** Every append waits a little, so the next batch is applied while this one is persisting. */
class SlowJournal extends Journal {
  override async append(entries: readonly JournalEntry[]): Promise<void> {
    await new Promise((r) => setTimeout(r, 200));
    return super.append(entries);
  }
}

it("journals the batch before a command that throws, and no snapshot holds what the throw changed", async () => {
  const sandbox = await createEngineSandbox("poison-snapshot");
  const pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
  const redis = new Redis(sandbox.redisUrl);
  cleanup.push(
    () => pool.end(),
    async () => redis.disconnect(),
  );
  const keys = busKeys(sandbox.redisPrefix);
  const engine = new Engine({
    core: new ExchangeCore(),
    seq: 0,
    journal: new SlowJournal(pool),
    publisher: new EventPublisher(redis, keys, 1_000),
    redis,
    keys,
    metrics: createEngineMetrics(),
    log: createLogger("poison-snapshot-test", "error"),
    poison: new PoisonCommandStore(pool),
    setAside: new Map(),
    faultCommandId: "throws",
  });

  await engine.processBatch([
    entry(1, { type: "asset.add", id: "a", ts: 1, code: "BTC", precision: 8 }),
  ]);
  // Applied while the first batch is still being journaled: it changes the core, then throws.
  const poisoned = { type: "asset.add", id: "throws", ts: 1, code: "ETH", precision: 8 };
  await expect(engine.processBatch([entry(2, poisoned)])).rejects.toMatchObject({
    name: "PoisonCommandError",
    commandId: "throws",
    stops: 1,
  });
  await new Promise((r) => setTimeout(r, 200));

  // The batch before it is durable; the suspect state (with ETH) never reached a snapshot.
  const { rows: journal } = await pool.query("SELECT command_id FROM engine_journal");
  expect(journal).toEqual([{ command_id: "a" }]);
  // Snapshots are made from the journal alone (the snapshot thread's replica): the one taken
  // now holds BTC and not the ETH of the command that threw.
  const snapshot = await new Snapshotter(new Journal(pool), new SnapshotStore(pool, 3), {
    everyCommands: 1,
    everyMs: 3_600_000,
  }).snapshotIfDue();
  expect(snapshot?.seq).toBe(1);
  expect(snapshot?.state).toContain('"BTC"');
  expect(snapshot?.state).not.toContain('"ETH"');
});

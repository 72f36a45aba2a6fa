/**
 * The engine is killed with SIGKILL at random moments, at least ten times, under a seeded random
 * workload, while the projector keeps running: nothing acknowledged may be lost, nothing may be
 * applied twice (ViaBTC issues #156 and #244), and the read models must end up equal to the
 * engine's state.
 * A failure prints the seed; rerun with CRASH_SEED=<seed> to reproduce the same workload and
 * kill schedule (process timing still varies).
 */
import type { Command } from "@exchange/core";
import { Journal, recoverState } from "@exchange/journal";
import {
  busKeys,
  createLogger,
  EngineClient,
  type EngineReply,
  EngineTimeoutError,
} from "@exchange/protocol";
import { runVar } from "@exchange/protocol/testing";
import {
  createEngineSandbox,
  EngineProcess,
  referenceCommands,
  seededRandom,
  tradingWorkload,
} from "@exchange/testkit";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runAlone } from "./consumers/consumer";
import { Projector } from "./consumers/projector/projector";
import { reconcile } from "./jobs/reconciliation/reconcile";

const SEED = Number(runVar("CRASH_SEED") ?? Date.now() % 100_000);
const KILLS = 12;
const SENDERS = 4;
const TIMEOUT_MS = 1_500;

interface Tracked {
  command: Command;
  reply?: EngineReply;
}

describe(`engine under kill -9 (seed ${SEED})`, () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it("loses nothing acknowledged and applies nothing twice", { timeout: 180_000 }, async () => {
    const sandbox = await createEngineSandbox("crash");
    let engine = await EngineProcess.start(sandbox);
    cleanup.push(() => engine.kill());
    const client = await EngineClient.connect({
      redisUrl: sandbox.redisUrl,
      prefix: sandbox.redisPrefix,
      defaultTimeoutMs: TIMEOUT_MS,
    });
    cleanup.push(() => client.close());
    const pool = new pg.Pool({ connectionString: sandbox.databaseUrl });
    cleanup.push(() => pool.end());
    for (const command of referenceCommands()) await client.send(command, { timeoutMs: 10_000 });
    const redis = new Redis(sandbox.redisUrl);
    cleanup.push(async () => redis.disconnect());
    const projector = new Projector({
      pool,
      redis,
      keys: busKeys(sandbox.redisPrefix),
      journal: new Journal(pool),
      log: createLogger("projector", "error"),
    });
    const projecting = runAlone(projector);

    const random = seededRandom(SEED);
    const workload = tradingWorkload({ seed: SEED, users: 6, idPrefix: `crash${SEED}` });
    const tracked: Tracked[] = [];
    let sending = true;

    /** Sends commands one after another; a timeout is retried (same id) half the time. */
    const sender = async () => {
      while (sending) {
        const command = workload.next().value as Command;
        const entry: Tracked = { command };
        tracked.push(entry);
        for (let attempt = 0; attempt < 3 && !entry.reply; attempt++) {
          try {
            entry.reply = await client.send(command);
          } catch (error) {
            if (!(error instanceof EngineTimeoutError) || random() < 0.5) break;
          }
        }
      }
    };
    const senders = Array.from({ length: SENDERS }, sender);
    /**
     * A sender that gives up: one command sent while the engine is down, never retried. Whether
     * or not the restarted engine applies it, it must be applied at most once — and it makes
     * sure every run has commands without an acknowledgement, whatever the timing.
     */
    const abandonWhileDown = () => {
      const entry: Tracked = { command: workload.next().value as Command };
      tracked.push(entry);
      client.send(entry.command, { timeoutMs: 50 }).catch(() => {});
    };

    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 150 + Math.floor(random() * 600)));
      await engine.kill();
      expect(engine.log).not.toMatch(/refusing to start|engine crashed/);
      abandonWhileDown();
      engine = await EngineProcess.start(sandbox);
    }
    sending = false;
    await Promise.all(senders);
    // Let the last restart drain whatever is still on the stream.
    await new Promise((r) => setTimeout(r, 1_000));

    const { rows } = await pool.query<{ command_id: string; seq: string; ok: boolean }>(
      "SELECT command_id, seq, ok FROM engine_journal",
    );
    const journaled = new Map(rows.map((r) => [r.command_id, { seq: Number(r.seq), ok: r.ok }]));
    const acknowledged = tracked.filter((t) => t.reply);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(tracked.length - acknowledged.length).toBeGreaterThan(0);

    // Every acknowledged command is in the journal exactly once, as it was acknowledged.
    for (const { command, reply } of acknowledged) {
      expect(journaled.get(command.id), `command ${command.id} (seed ${SEED})`).toEqual({
        seq: reply?.seq,
        ok: reply?.outcome.ok,
      });
    }
    // The unique index guarantees at most once; the sequence must also have no holes.
    const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(journaled.size).toBe(rows.length);

    // The running engine's state is exactly a fresh replay of the whole journal.
    const live = await engine.stateDigest();
    const replayed = await recoverState(new Journal(pool), null);
    expect(live.seq).toBe(replayed.seq);
    expect(live.stateHash).toBe(replayed.core.stateHash());

    // Trimming, which ran on every start with entries still pending, dropped nothing (above),
    // and now that everything is acknowledged it leaves the stream empty.
    const commands = busKeys(sandbox.redisPrefix).commands;
    for (let wait = 0; wait < 50 && (await redis.xlen(commands)) > 0; wait++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await redis.xlen(commands)).toBe(0);

    // The read models caught up with the same state, and the books reconcile with the engine.
    while (projector.projectedSeq < live.seq) await new Promise((r) => setTimeout(r, 25));
    projector.stop();
    await projecting;
    const report = await reconcile(pool, new Journal(pool), { maxLagMs: 60_000 });
    expect(report.seq).toBe(live.seq);
    expect(report.differences).toEqual([]);
  });
});

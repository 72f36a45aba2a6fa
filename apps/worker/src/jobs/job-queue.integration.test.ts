import { eventually } from "@exchange/domains/testing/eventually";
import { createLogger, EngineClient } from "@exchange/protocol";
import {
  createEngineSandbox,
  EngineProcess,
  type EngineSandbox,
  QUOTE,
  referenceCommands,
} from "@exchange/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueuedJob } from "./job-definition";
import { JobQueue } from "./job-queue";

/**
 * The job queue against real Redis (BullMQ), Postgres (the run log) and a real engine: a run
 * that fails once is retried and logged twice; a run repeated for one business key sends the
 * engine nothing new.
 */
const STARTED_AT = new Date("2026-12-05T00:00:00.000Z");
const FLAKY_KEY = `flaky:${STARTED_AT.toISOString()}`;
const CREDIT_KEY = "credit:2026-12-05";
const CREDITED_USER = 9_001;

let sandbox: EngineSandbox;
let engine: EngineProcess;
let client: EngineClient;
let pool: pg.Pool;
let queue: JobQueue;
const creditReplies: Array<number | null | undefined> = [];

const flaky: QueuedJob = {
  name: "flaky",
  schedule: { atStart: true },
  attempts: 3,
  handler: async (run) => {
    if (run.attempt === 1) throw new Error("the first attempt fails");
    return {};
  },
};

/** Scheduled: its first run is due at once. */
const scheduled: QueuedJob = {
  name: "scheduled",
  schedule: { everyMs: 60_000 },
  attempts: 1,
  handler: async () => ({ processedSeq: 7 }),
};

/** Moves money: a deposit whose command id and business id derive from the run's business key. */
const credit: QueuedJob = {
  name: "credit",
  schedule: { onDemand: true },
  attempts: 3,
  handler: async (run) => {
    const reply = await client.send({
      type: "balance.deposit",
      id: run.commandId("deposit"),
      ts: Date.now(),
      business: "deposit",
      businessId: run.businessKey,
      userId: CREDITED_USER,
      asset: QUOTE,
      amountAtoms: 1_000_000n,
    });
    creditReplies.push(reply.seq);
    return reply.seq == null ? {} : { processedSeq: reply.seq };
  },
};

const finishedRuns = async (key: string) =>
  (await queue.runs.attemptsOf(key)).filter((run) => run.finishedAt !== null);

beforeAll(async () => {
  sandbox = await createEngineSandbox("jobs");
  engine = await EngineProcess.start(sandbox);
  client = await EngineClient.connect({ redisUrl: sandbox.redisUrl, prefix: sandbox.redisPrefix });
  for (const command of referenceCommands()) await client.send(command);
  pool = new pg.Pool({ connectionString: sandbox.databaseUrl, max: 2 });
  queue = new JobQueue({
    redisUrl: sandbox.redisUrl,
    redisPrefix: sandbox.redisPrefix,
    pool,
    log: createLogger("jobs-test", "fatal"),
    retryMaxMs: 200,
    jobs: [flaky, credit, scheduled],
    startedAt: STARTED_AT,
  });
  await queue.start();
}, 60_000);

afterAll(async () => {
  await queue?.close();
  await client?.close();
  await engine?.kill();
  await pool?.end();
});

describe("the job queue", () => {
  it("retries a run that fails once, and its run log shows both attempts", async () => {
    const runs = await eventually(async () => {
      const finished = await finishedRuns(FLAKY_KEY);
      expect(finished).toHaveLength(2);
      return finished;
    });
    expect(runs.map((r) => [r.attempt, r.ok, r.error])).toEqual([
      [1, false, "the first attempt fails"],
      [2, true, null],
    ]);
    expect(runs[0]?.jobId).toBe(runs[1]?.jobId);
  });

  it("runs a scheduled job at once, keyed by its slot, and shows it on the board", async () => {
    const { rows } = await eventually(async () => {
      const found = await pool.query<{ business_key: string; ok: boolean }>(
        "SELECT business_key, ok FROM job_runs WHERE job_name = 'scheduled'",
      );
      expect(found.rows).toHaveLength(1);
      return found;
    });
    expect(rows[0]?.business_key).toMatch(/^scheduled:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[0]?.ok).toBe(true);
    await eventually(async () => expect(queue.statuses.get("scheduled")?.processedSeq).toBe(7));
  });

  it("sends nothing twice when a run is repeated for one business key", async () => {
    await queue.enqueue("credit", CREDIT_KEY);
    await queue.enqueue("credit", CREDIT_KEY); // still known to the queue: not queued again
    await eventually(async () => expect(await finishedRuns(CREDIT_KEY)).toHaveLength(1));

    // Once BullMQ has forgotten the run, it runs again: the engine takes its deposit as a repeat.
    await queue.forget(CREDIT_KEY);
    await queue.enqueue("credit", CREDIT_KEY);
    const runs = await eventually(async () => {
      const finished = await finishedRuns(CREDIT_KEY);
      expect(finished).toHaveLength(2);
      return finished;
    });
    expect(runs.map((r) => r.ok)).toEqual([true, true]);

    const journaled = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM engine_journal WHERE command_id = $1",
      [`job:${CREDIT_KEY}:deposit`],
    );
    expect(Number(journaled.rows[0]?.n)).toBe(1);
    expect(creditReplies).toHaveLength(2);
    expect(creditReplies[0]).toBeGreaterThan(0);
    expect(creditReplies[1]).toBe(creditReplies[0]);
  });
});

/**
 * `npm run bench:engine`: the whole write path on real services — producer → Redis →
 * engine → Postgres journal → engine.events → projector — in a database and Redis prefix of its
 * own. Prints, in order:
 * 1. sustained orders/s, each acknowledged only after its batch is in the journal (a closed loop
 *    keeping CONCURRENCY commands in flight), and how long the projector needed to catch up;
 * 2. place-order latency through the client (send → reply) at fixed rates of 1 k and 5 k
 *    orders/s (an open loop: commands leave on schedule whether or not replies have come);
 * 3. restart: the journal filled to JOURNAL_COMMANDS (1 M) through the engine, which snapshots
 *    as it runs; the engine stopped and started again, timed from the process's start to its
 *    first answer;
 * 4. replay speed: the engine restarted with its snapshots removed replays the whole journal,
 *    comparing every outcome with the journaled one.
 * Every acknowledgement waits for the journal's commit (synchronous_commit as the server has it,
 * printed). The last line is one JSON object with the figures.
 */
import { EngineClient } from "@exchange/protocol";
import { EngineProcess, referenceCommands } from "@exchange/testkit";
import pg from "pg";
import { provisionTestRun } from "../lib/test-run";
import { benchWorkload, createBenchMarket, projectedSeq, startWorker } from "./lib/bench-services";
import { meterCpu } from "./lib/process-cpu";

const SUSTAINED_COMMANDS = Number(process.env.BENCH_COMMANDS ?? 200_000);
const JOURNAL_COMMANDS = Number(process.env.BENCH_JOURNAL_COMMANDS ?? 1_000_000);
const CONCURRENCY = 4_000;
const RATE_SECONDS = 5;

const run = await provisionTestRun("bench", { seed: false });
const sandbox = {
  databaseUrl: run.databaseUrl,
  redisUrl: run.redisUrl,
  redisPrefix: run.redisPrefix,
};
const pool = new pg.Pool({ connectionString: run.databaseUrl });
// BENCH_PROFILE=1 writes CPU profiles of the engine to /tmp/bench-engine-profile.
const nodeArgs = process.env.BENCH_PROFILE
  ? ["--cpu-prof", "--cpu-prof-dir=/tmp/bench-engine-profile"]
  : [];
await createBenchMarket(run.databaseUrl);
let engine = await EngineProcess.start(sandbox, {}, nodeArgs);
const worker = startWorker(run);
const client = await EngineClient.connect({
  redisUrl: run.redisUrl,
  prefix: run.redisPrefix,
  defaultTimeoutMs: 60_000,
});
const nextCommand = benchWorkload();

const durability = await synchronousCommit();
console.log(
  `synchronous_commit: ${durability} (each acknowledgement waits for the journal's commit)`,
);

try {
  for (const command of referenceCommands()) await client.send(command);
  const sustained = await measureSustained();
  console.log(`sustained: ${sustained.ordersPerSec} orders/s acknowledged after the journal`);
  console.log(
    `cpu while sustained (cores): ${Object.entries(sustained.cpuCores)
      .map(([name, cores]) => `${name} ${cores}`)
      .join(", ")}`,
  );
  console.log(`projector: caught up ${sustained.projectorLagMs} ms after the last acknowledgement`);

  const at1k = await measureAtRate(1_000);
  console.log(`at 1k/s: p50 ${at1k.p50} ms, p99 ${at1k.p99} ms, p99.9 ${at1k.p999} ms`);
  const at5k = await measureAtRate(5_000);
  console.log(`at 5k/s: p50 ${at5k.p50} ms, p99 ${at5k.p99} ms, p99.9 ${at5k.p999} ms`);

  const restart = await measureRestart();
  console.log(
    `restart: ${restart.journaled} journaled commands, serving after ${restart.ms} ms ` +
      `(from the snapshot at seq ${restart.snapshotSeq}, ${restart.replayed} replayed)`,
  );

  const replay = await measureReplay();
  console.log(
    `replay: ${replay.commands} commands in ${replay.ms} ms = ${replay.perSec} commands/s`,
  );

  console.log(
    JSON.stringify({
      ordersPerSec: sustained.ordersPerSec,
      projectorLagMs: sustained.projectorLagMs,
      cpuCoresSustained: sustained.cpuCores,
      p50MsAt1k: at1k.p50,
      p99MsAt1k: at1k.p99,
      p999MsAt1k: at1k.p999,
      p50MsAt5k: at5k.p50,
      p99MsAt5k: at5k.p99,
      p999MsAt5k: at5k.p999,
      restartMs: restart.ms,
      restartJournaled: restart.journaled,
      replayPerSec: replay.perSec,
      replayedCommands: replay.commands,
      synchronousCommit: durability,
    }),
  );
} finally {
  await client.close();
  if (worker.exitCode === null) worker.kill("SIGTERM");
  await engine.stop();
  await pool.end();
  await run.teardown();
}

async function measureSustained() {
  // Warm up (JIT, connections), then a closed loop of CONCURRENCY commands in flight.
  await Promise.all(Array.from({ length: 5_000 }, () => client.send(nextCommand())));
  let sent = 0;
  const cpu = meterCpu(processGroups());
  const started = performance.now();
  const lane = async () => {
    while (sent < SUSTAINED_COMMANDS) {
      sent++;
      await client.send(nextCommand());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const elapsedS = (performance.now() - started) / 1000;
  const cpuCores = cpu.stop();
  const acknowledgedAt = performance.now();
  const { seq } = await engine.stateDigest();
  while ((await projectedSeq(pool)) < seq) await new Promise((r) => setTimeout(r, 20));
  return {
    ordersPerSec: Math.round(sent / elapsedS),
    projectorLagMs: Math.round(performance.now() - acknowledgedAt),
    cpuCores,
  };
}

async function measureAtRate(perSecond: number) {
  const latencies: number[] = [];
  const total = perSecond * RATE_SECONDS;
  const tickMs = 2;
  const perTick = (perSecond * tickMs) / 1000;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  let issued = 0;
  while (issued < total) {
    // Issue what the schedule says is due by now, then sleep to the next tick.
    const due = Math.min(total, Math.floor(((performance.now() - started) / tickMs + 1) * perTick));
    for (; issued < due; issued++) {
      const sentAt = performance.now();
      pending.push(
        client.send(nextCommand()).then(() => void latencies.push(performance.now() - sentAt)),
      );
    }
    await new Promise((r) => setTimeout(r, tickMs));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    round2(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999) };
}

/**
 * Fills the journal to JOURNAL_COMMANDS through the engine (the worker stopped: its projection
 * was measured above), then restarts the engine and times it to its first answer.
 */
async function measureRestart() {
  worker.kill("SIGTERM");
  let { seq } = await engine.stateDigest();
  const lane = async () => {
    while (seq < JOURNAL_COMMANDS) {
      seq++;
      await client.send(nextCommand());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  // Let the snapshot thread take the snapshot the policy says is due, as a running engine would.
  await new Promise((r) => setTimeout(r, 2_000));
  await engine.stop();
  const started = performance.now();
  engine = await EngineProcess.start(sandbox, {}, nodeArgs);
  await client.send({ type: "system.ping", id: `restart-ping-${Date.now()}`, ts: 1 });
  const ms = Math.round(performance.now() - started);
  const recovered = recoveredLine();
  return {
    journaled: recovered.seq,
    ms,
    snapshotSeq: recovered.snapshotSeq,
    replayed: recovered.replayedCommands,
  };
}

function recoveredLine() {
  const line = engine.log.split("\n").find((l) => l.includes('"state recovered"')) ?? "{}";
  return JSON.parse(line) as {
    seq: number;
    snapshotSeq: number;
    replayedCommands: number;
    replayMs: number;
  };
}

async function synchronousCommit(): Promise<string> {
  const { rows } = await pool.query<{ synchronous_commit: string }>("SHOW synchronous_commit");
  return rows[0]?.synchronous_commit ?? "unknown";
}

async function measureReplay() {
  await engine.stop();
  await pool.query("DELETE FROM engine_snapshots");
  engine = await EngineProcess.start(sandbox, {}, nodeArgs);
  const recovered = recoveredLine();
  return {
    commands: recovered.replayedCommands,
    ms: recovered.replayMs,
    perSec: Math.round(recovered.replayedCommands / (recovered.replayMs / 1000)),
  };
}

/** Who uses the machine while the benchmark runs: its processes, and the services' parts of it. */
function processGroups() {
  const database = new URL(run.databaseUrl).pathname.slice(1);
  return [
    { name: "engine", matches: (pid: number) => pid === engine.child.pid },
    { name: "worker", matches: (pid: number) => pid === worker.pid },
    { name: "clients", matches: (pid: number) => pid === process.pid },
    { name: "postgres", matches: (_: number, line: string) => line.includes(` ${database} `) },
    { name: "redis", matches: (_: number, line: string) => line.startsWith("redis-server") },
  ];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

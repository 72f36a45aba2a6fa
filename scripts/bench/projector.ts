/**
 * `npm run bench:projector`: how fast the projector turns the engine's journal into read models
 * (orders, trades, balances, ledger postings), with nothing else running. The engine journals
 * BENCH_COMMANDS orders first (no worker started), then stops; the projector then projects the
 * whole journal in a process of its own (scripts/bench/lib/run-projector.ts), as after an outage
 * or under lag, when it reads from the journal. Prints commands/s, the CPU the projector used
 * per command and that of its PostgreSQL backends (when /proc shows them); the last line is one
 * JSON object. BENCH_PROFILE=1 writes the projector's CPU profile to /tmp/bench-projector-profile;
 * BENCH_BATCH sets the most outcomes per read-model transaction (the projector's own by default).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { EngineClient } from "@exchange/protocol";
import { EngineProcess, referenceCommands } from "@exchange/testkit";
import pg from "pg";
import { provisionTestRun } from "../lib/test-run";
import {
  benchWorkload,
  createBenchMarket,
  journaledSeq,
  profileArgs,
  projectedSeq,
  ROOT,
  sendClosedLoop,
} from "./lib/bench-services";

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 100_000);
const CONCURRENCY = 4_000;

interface ProjectorRun {
  commands: number;
  ms: number;
  cpuMs: number;
  postgresCpuMs: number | null;
}

const run = await provisionTestRun("bench", { seed: false });
const pool = new pg.Pool({ connectionString: run.databaseUrl });
try {
  await createBenchMarket(run.databaseUrl);
  const filledMs = await fillJournal();
  const targetSeq = await journaledSeq(pool);
  console.log(`journal: ${targetSeq} commands in ${filledMs} ms`);
  const projected = await runProjector(targetSeq);
  if ((await projectedSeq(pool)) !== targetSeq) throw new Error("the projector stopped short");
  const perSec = Math.round(projected.commands / (projected.ms / 1000));
  const cpuUsPerCommand = round2((projected.cpuMs * 1000) / projected.commands);
  const postgresUsPerCommand =
    projected.postgresCpuMs === null
      ? null
      : round2((projected.postgresCpuMs * 1000) / projected.commands);
  console.log(`projector: ${projected.commands} commands in ${projected.ms} ms = ${perSec}/s`);
  console.log(
    `cpu per command: projector ${cpuUsPerCommand} µs, its postgres backends ${postgresUsPerCommand ?? "?"} µs`,
  );
  console.log(
    JSON.stringify({
      projectedPerSec: perSec,
      commands: projected.commands,
      projectMs: projected.ms,
      projectorCpuUsPerCommand: cpuUsPerCommand,
      postgresCpuUsPerCommand: postgresUsPerCommand,
    }),
  );
} finally {
  await pool.end();
  await run.teardown();
}

/** Journals the reference data and COMMANDS orders, then stops the engine; returns the ms taken. */
async function fillJournal(): Promise<number> {
  const sandbox = {
    databaseUrl: run.databaseUrl,
    redisUrl: run.redisUrl,
    redisPrefix: run.redisPrefix,
  };
  const engine = await EngineProcess.start(sandbox);
  const client = await EngineClient.connect({
    redisUrl: run.redisUrl,
    prefix: run.redisPrefix,
    defaultTimeoutMs: 60_000,
  });
  try {
    const started = performance.now();
    for (const command of referenceCommands()) await client.send(command);
    await sendClosedLoop(client, benchWorkload(), { count: COMMANDS, concurrency: CONCURRENCY });
    return Math.round(performance.now() - started);
  } finally {
    await client.close();
    await engine.stop();
  }
}

/** Runs the projector alone up to `targetSeq`; resolves with what it printed. */
function runProjector(targetSeq: number): Promise<ProjectorRun> {
  const nodeArgs = profileArgs("/tmp/bench-projector-profile");
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", join(ROOT, "scripts/bench/lib/run-projector.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: run.databaseUrl,
        REDIS_URL: run.redisUrl,
        REDIS_PREFIX: run.redisPrefix,
        BENCH_TARGET_SEQ: String(targetSeq),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = output.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as ProjectorRun);
      else reject(new Error(`projector exited with ${code}: ${output}`));
    });
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

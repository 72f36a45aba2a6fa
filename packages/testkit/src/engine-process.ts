/**
 * The real engine process for integration tests, the crash test and the benchmark: its own
 * database (a copy of the run's migrated template) and Redis prefix, started with `tsx`, killed
 * or drained like in production.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createDatabaseFromTemplate } from "@exchange/db/operations";
import { freePort, runEnv } from "@exchange/protocol/testing";
import { appMain } from "./app-main";
import { ENGINE_NODE_FLAGS } from "./engine-node-flags";

const MAIN = appMain("engine");

export interface EngineSandbox {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

/** A database and Redis prefix of its own, inside the current integration run. */
export async function createEngineSandbox(tag: string): Promise<EngineSandbox> {
  const { TEST_TEMPLATE_DATABASE_URL, TEST_DATABASE_PREFIX, REDIS_URL, REDIS_PREFIX } = runEnv();
  if (!TEST_TEMPLATE_DATABASE_URL || !TEST_DATABASE_PREFIX || !REDIS_URL || !REDIS_PREFIX) {
    throw new Error(
      "engine sandboxes exist only inside the integration run (scripts/test-services.ts)",
    );
  }
  const name = `${TEST_DATABASE_PREFIX}_${tag}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    databaseUrl: await createDatabaseFromTemplate(TEST_TEMPLATE_DATABASE_URL, name),
    redisUrl: REDIS_URL,
    redisPrefix: `${REDIS_PREFIX}${tag}:`,
  };
}

export class EngineProcess {
  private logText = "";
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly httpPort: number,
  ) {
    const collect = (chunk: Buffer) => {
      this.logText += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    this.exited = once(child, "exit").then(([code]) => code as number | null);
  }

  static async start(
    sandbox: EngineSandbox,
    extraEnv: Record<string, string> = {},
    /** Extra node flags, e.g. --cpu-prof for a benchmark's profile. */
    nodeArgs: string[] = [],
  ): Promise<EngineProcess> {
    const httpPort = await freePort();
    const child = spawn(
      process.execPath,
      [...ENGINE_NODE_FLAGS, ...nodeArgs, "--import", "tsx", MAIN],
      {
        env: {
          ...runEnv(),
          DATABASE_URL: sandbox.databaseUrl,
          REDIS_URL: sandbox.redisUrl,
          REDIS_PREFIX: sandbox.redisPrefix,
          ENGINE_HTTP_PORT: String(httpPort),
          ...extraEnv,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const engine = new EngineProcess(child, httpPort);
    await engine.waitForLog(/"engine started"|refusing to start|engine crashed/);
    return engine;
  }

  get log(): string {
    return this.logText;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.logText)) {
      if (Date.now() > deadline)
        throw new Error(`engine never logged ${pattern}:\n${this.logText}`);
      if (!this.running && !pattern.test(this.logText)) {
        throw new Error(`engine exited before logging ${pattern}:\n${this.logText}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Journal sequence and state hash, read between batches (GET /state). */
  async stateDigest(): Promise<{ seq: number; stateHash: string }> {
    const response = await fetch(`http://127.0.0.1:${this.httpPort}/state`);
    return (await response.json()) as { seq: number; stateHash: string };
  }

  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.httpPort}/metrics`)).text();
  }

  async stop(): Promise<number | null> {
    if (this.running) this.child.kill("SIGTERM");
    return this.exited;
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill("SIGKILL");
    await this.exited;
  }
}

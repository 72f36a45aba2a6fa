/**
 * The real worker process for other packages' integration tests and the end-to-end harness:
 * projector and market data running against an engine sandbox's database and Redis prefix.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort, runEnv } from "@exchange/protocol/testing";
import { appMain } from "./app-main";

const MAIN = appMain("worker");

export interface WorkerTarget {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

export class WorkerProcess {
  private logText = "";

  private constructor(
    private readonly child: ChildProcess,
    /** Where its /health and /metrics answer. */
    readonly httpPort: number,
  ) {
    const collect = (chunk: Buffer) => {
      this.logText += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  static async start(
    target: WorkerTarget,
    extraEnv: Record<string, string> = {},
  ): Promise<WorkerProcess> {
    // A port of its own: several test files run workers at once.
    const httpPort = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...runEnv(),
        DATABASE_URL: target.databaseUrl,
        REDIS_URL: target.redisUrl,
        REDIS_PREFIX: target.redisPrefix,
        WORKER_HTTP_PORT: String(httpPort),
        // Its alert center mails no staff: other test files count the mails their staff receive.
        ALERT_MAIL_ROLES: "",
        // Its index publisher would add `index.set` commands to the journal after each trade and
        // every 10 s; tests counting the journal's entries expect only their own. A test of
        // lending turns it on.
        INDEX_PUBLISHER: "off",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const worker = new WorkerProcess(child, httpPort);
    const deadline = Date.now() + 30_000;
    while (!worker.logText.includes("projector started")) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`worker did not start:\n${worker.logText}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return worker;
  }

  get log(): string {
    return this.logText;
  }

  /** False once the process has exited, whatever the cause. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: the worker dies at once, mid-step, saving nothing (a crash, a lost machine). */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill("SIGKILL");
    await once(this.child, "exit");
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill("SIGTERM");
    await once(this.child, "exit");
  }
}

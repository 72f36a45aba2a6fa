/**
 * The real trading gateway process (Binance-compatible REST) for integration tests and the
 * end-to-end harness, against an engine sandbox's database and Redis prefix.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort, runEnv } from "@exchange/protocol/testing";
import { appMain } from "./app-main";

const MAIN = appMain("gateway");

export interface GatewayTarget {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

export class GatewayProcess {
  private logText = "";

  private constructor(
    private readonly child: ChildProcess,
    /** `http://127.0.0.1:<port>`: Binance's paths (`/api/v3/…`) and `/health`. */
    readonly url: string,
    /** `http://127.0.0.1:<port>` of the operations server: `/health` and `/metrics`. */
    readonly opsUrl: string,
  ) {
    const collect = (chunk: Buffer) => {
      this.logText += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  /** Starts a gateway; `extraEnv` sets its variables (rate-limit bounds, …). */
  static async start(
    target: GatewayTarget,
    extraEnv: Record<string, string> = {},
    /** Extra node flags, e.g. --cpu-prof for a benchmark's profile. */
    nodeArgs: string[] = [],
  ): Promise<GatewayProcess> {
    const port = await freePort();
    const opsPort = await freePort();
    const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", MAIN], {
      env: {
        ...runEnv(),
        DATABASE_URL: target.databaseUrl,
        REDIS_URL: target.redisUrl,
        REDIS_PREFIX: target.redisPrefix,
        GATEWAY_PORT: String(port),
        GATEWAY_HOST: "127.0.0.1",
        GATEWAY_OPS_PORT: String(opsPort),
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const gateway = new GatewayProcess(
      child,
      `http://127.0.0.1:${port}`,
      `http://127.0.0.1:${opsPort}`,
    );
    const deadline = Date.now() + 30_000;
    while (!gateway.logText.includes('"msg":"gateway listening"')) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`trading gateway did not start:\n${gateway.logText}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return gateway;
  }

  /** The process id (a benchmark meters its CPU). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get log(): string {
    return this.logText;
  }

  /** SIGKILL: the instance dies at once, without draining (a crash, a lost machine). */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill("SIGKILL");
    await once(this.child, "exit");
  }

  /** SIGTERM, as a deployment stops it; resolves once it has drained and exited. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill("SIGTERM");
    await once(this.child, "exit");
  }
}

/**
 * The real signer process for integration tests: the only process given the wallet's mnemonic,
 * against a sandbox's database and Redis prefix and the run's local chain.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort, runEnv } from "@exchange/protocol/testing";
import { appMain } from "./app-main";

const MAIN = appMain("signer");

export interface SignerTarget {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** The wallet's mnemonic: a test's own, so its hot wallet and nonces are its own. */
  mnemonic: string;
}

export class SignerProcess {
  private logText = "";
  readonly exited: Promise<number | null>;

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
    this.exited = once(child, "exit").then(([code]) => code as number | null);
  }

  /** Starts it and waits for "signer started" (or its exit, which throws with the log). */
  static async start(
    target: SignerTarget,
    extraEnv: Record<string, string> = {},
  ): Promise<SignerProcess> {
    const httpPort = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...runEnv(),
        NODE_ENV: "test",
        DATABASE_URL: target.databaseUrl,
        REDIS_URL: target.redisUrl,
        REDIS_PREFIX: target.redisPrefix,
        SIGNER_MNEMONIC: target.mnemonic,
        SIGNER_HTTP_PORT: String(httpPort),
        SIGNER_POLL_MS: "200",
        SWEEP_EVERY_MS: "500",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const signer = new SignerProcess(child, httpPort);
    await signer.waitForLog(/"signer started"/);
    return signer;
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
        throw new Error(`signer never logged ${pattern}:\n${this.logText}`);
      if (!this.running)
        throw new Error(`signer exited before logging ${pattern}:\n${this.logText}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<number | null> {
    if (this.running) this.child.kill("SIGTERM");
    return this.exited;
  }
}

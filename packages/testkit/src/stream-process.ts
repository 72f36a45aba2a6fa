/**
 * The real WebSocket gateway process for other packages' integration tests: it relays what the
 * market-data job and the projector publish under a sandbox's Redis prefix.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort, runEnv } from "@exchange/protocol/testing";
import { appMain } from "./app-main";

const MAIN = appMain("stream");

export interface StreamTarget {
  redisUrl: string;
  redisPrefix: string;
  /** The secret the API signs stream tokens with. */
  streamTokenSecret: string;
}

export class StreamProcess {
  private logText = "";

  private constructor(
    private readonly child: ChildProcess,
    /** Where its /health and /metrics answer (not the public WebSocket port). */
    readonly opsPort: number,
  ) {
    const collect = (chunk: Buffer) => {
      this.logText += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  static async start(target: StreamTarget): Promise<StreamProcess> {
    const port = await freePort();
    const opsPort = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...runEnv(),
        REDIS_URL: target.redisUrl,
        REDIS_PREFIX: target.redisPrefix,
        STREAM_TOKEN_SECRET: target.streamTokenSecret,
        STREAM_PORT: String(port),
        STREAM_HOST: "127.0.0.1",
        STREAM_OPS_PORT: String(opsPort),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const gateway = new StreamProcess(child, opsPort);
    const deadline = Date.now() + 30_000;
    while (gateway.announcedUrl() === undefined) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`stream gateway did not start:\n${gateway.logText}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return gateway;
  }

  /** `ws://127.0.0.1:<port>/…` of the gateway's WebSocket endpoint. */
  get url(): string {
    const url = this.announcedUrl();
    if (url === undefined) throw new Error("the stream gateway has not started");
    return url;
  }

  /** The gateway logs its socket's URL once listening: its path stays the gateway's to own. */
  private announcedUrl(): string | undefined {
    return /"msg":"gateway listening".*?"url":"(ws:[^"]+)"/.exec(this.logText)?.[1];
  }

  get log(): string {
    return this.logText;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill("SIGTERM");
    await once(this.child, "exit");
  }
}

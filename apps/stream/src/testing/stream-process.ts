/**
 * The real gateway process for other packages' integration tests: `src/main.ts` on a free port,
 * against the caller's Redis and prefix.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

export interface StreamTarget {
  redisUrl: string;
  redisPrefix: string;
  tokenSecret: string;
}

export class StreamProcess {
  private logText = "";

  private constructor(
    private readonly child: ChildProcess,
    /** ws://127.0.0.1:<port>/exchange-stream */
    readonly url: string,
  ) {
    const collect = (chunk: Buffer) => {
      this.logText += chunk.toString();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  static async start(target: StreamTarget): Promise<StreamProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...process.env,
        REDIS_URL: target.redisUrl,
        REDIS_PREFIX: target.redisPrefix,
        STREAM_TOKEN_SECRET: target.tokenSecret,
        STREAM_PORT: String(port),
        STREAM_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const gateway = new StreamProcess(child, `ws://127.0.0.1:${port}/exchange-stream`);
    const deadline = Date.now() + 30_000;
    while (!gateway.logText.includes("gateway listening")) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`gateway did not start:\n${gateway.logText}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return gateway;
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

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

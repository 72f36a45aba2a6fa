import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import {
  BusRejectCode,
  busKeys,
  COMMAND_FIELD,
  EngineClient,
  REPLY_TO_FIELD,
} from "@exchange/protocol";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? "",
  REDIS_URL: process.env.REDIS_URL ?? "",
  REDIS_PREFIX: `${process.env.REDIS_PREFIX}engine:`,
};

function startEngine(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("engine process", () => {
  let engine: ReturnType<typeof startEngine>;
  let client: EngineClient;
  let redis: Redis;

  beforeAll(async () => {
    engine = startEngine();
    await waitFor(() => engine.output().includes("engine started"), "engine start");
    client = await EngineClient.connect({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX });
    redis = new Redis(env.REDIS_URL);
  });

  afterAll(async () => {
    await client?.close();
    redis?.disconnect();
    if (engine?.child.exitCode === null) engine.child.kill("SIGKILL");
  });

  it("answers system.ping through the request/reply client", async () => {
    const reply = await client.send({ id: "ping-1", ts: 1_700_000_000_000, type: "system.ping" });
    expect(reply).toEqual({
      id: "ping-1",
      ok: true,
      result: { pong: true, ts: 1_700_000_000_000 },
    });
  });

  it("rejects a command of an unknown type with a reason and keeps running", async () => {
    const reply = await client.send({ id: "bad-1", ts: 1, type: "order.teleport" } as never);
    expect(reply).toMatchObject({ id: "bad-1", ok: false, code: BusRejectCode.MALFORMED_COMMAND });
    expect(reply.ok === false && reply.message).toMatch(/type/);
    expect((await client.send({ id: "ping-2", ts: 2, type: "system.ping" })).ok).toBe(true);
  });

  it("rejects a command with a missing timestamp, naming the field", async () => {
    const reply = await client.send({ id: "bad-2", type: "system.ping" } as never);
    expect(reply).toMatchObject({ ok: false, code: BusRejectCode.MALFORMED_COMMAND });
    expect(reply.ok === false && reply.message).toMatch(/^ts:/);
  });

  it("survives entries that are not JSON at all, and acknowledges them", async () => {
    const keys = busKeys(env.REDIS_PREFIX);
    await redis.xadd(keys.commands, "*", COMMAND_FIELD, "{not json", REPLY_TO_FIELD, "nowhere");
    await redis.xadd(keys.commands, "*", "unexpected", "fields");
    expect((await client.send({ id: "ping-3", ts: 3, type: "system.ping" })).ok).toBe(true);
    await waitFor(() => engine.output().includes("command is not valid JSON"), "rejection log");
    const pending = (await redis.xpending(keys.commands, keys.engineGroup)) as [
      number,
      ...unknown[],
    ];
    expect(pending[0]).toBe(0);
  });

  it("refuses another protocol version", async () => {
    const keys = busKeys(env.REDIS_PREFIX);
    const replies = new Redis(env.REDIS_URL);
    const channel = `${env.REDIS_PREFIX}test-replies`;
    await replies.subscribe(channel);
    const answer = once(replies, "message");
    const command = JSON.stringify({ v: 99, id: "v99", ts: 1, type: "system.ping" });
    await redis.xadd(keys.commands, "*", COMMAND_FIELD, command, REPLY_TO_FIELD, channel);
    const [, message] = await answer;
    expect(JSON.parse(message)).toMatchObject({
      id: "v99",
      ok: false,
      code: BusRejectCode.UNSUPPORTED_VERSION,
    });
    replies.disconnect();
  });

  it("drains and exits cleanly on SIGTERM", async () => {
    engine.child.kill("SIGTERM");
    const [code] = await once(engine.child, "exit");
    expect(code).toBe(0);
    expect(engine.output()).toContain("engine stopped");
  });
});

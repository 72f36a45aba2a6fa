/**
 * The System page's procedure against the run's services: each consumer's lag behind the
 * engine's journal, each process from its heartbeat, and seed 003 §8's figures from the read
 * models. The services here run on a Redis prefix of their own and a clock far in the future,
 * so other test files' consumers, heartbeats, deposits and withdrawals (all at today's time)
 * fall outside every window it reads.
 */
import { randomBytes } from "node:crypto";
import type { Services } from "@exchange/domains/services";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { consumerStatusKey, ManualClock, processHeartbeatKey } from "@exchange/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAdminApi } from "./testing/callers";

const NOW = Date.parse("2100-01-01T12:00:00Z");
const MINUTE = 60_000;
const chainKey = `evm-system-${randomBytes(4).toString("hex")}`;

let services: Services;
let system: Services;

beforeAll(async () => {
  services = await testServices();
  system = {
    ...services,
    redisPrefix: `${services.redisPrefix}system-${randomBytes(4).toString("hex")}:`,
    clock: new ManualClock(NOW),
  };
});

afterAll(async () => {
  if (!services) return;
  await services.db.deposit.deleteMany({ where: { chainKey } });
  await services.db.withdrawal.deleteMany({ where: { chainKey } });
  await closeServices(services);
});

async function seedReadModels(userId: number): Promise<void> {
  const deposit = (n: number, status: "CREDITED" | "REJECTED" | "BELOW_MINIMUM") => ({
    chainKey,
    txHash: `0x${randomBytes(32).toString("hex")}`,
    logIndex: n,
    assetCode: "USDT",
    userId,
    toAddress: "0x00000000000000000000000000000000000000aa",
    fromAddress: "0x00000000000000000000000000000000000000bb",
    chainAmount: "1000000",
    amountAtoms: "1000000",
    blockNumber: 1n,
    blockHash: `0x${"0".repeat(64)}`,
    status,
    flags: [],
    createdAt: new Date(NOW - 60 * MINUTE),
  });
  await services.db.deposit.createMany({
    data: [
      deposit(1, "CREDITED"),
      deposit(2, "CREDITED"),
      deposit(3, "CREDITED"),
      deposit(4, "REJECTED"),
      // The user's own mistake, not a failure of the exchange: not counted.
      deposit(5, "BELOW_MINIMUM"),
    ],
  });
  const withdrawal = (minutes: number) => ({
    id: crypto.randomUUID(),
    userId,
    chainKey,
    assetCode: "USDT",
    toAddress: "0x00000000000000000000000000000000000000cc",
    amountAtoms: "1000000",
    feeAtoms: "1000",
    requestKey: crypto.randomUUID(),
    status: "CONFIRMED" as const,
    requiredApprovals: 0,
    createdAt: new Date(NOW - 120 * MINUTE),
    endedAt: new Date(NOW - 120 * MINUTE + minutes * MINUTE),
    engineDoneAt: new Date(NOW - 100 * MINUTE),
  });
  await services.db.withdrawal.createMany({
    data: [withdrawal(4), withdrawal(10), withdrawal(45)],
  });
}

describe("the System page's reading", () => {
  it("shows each consumer's lag behind the engine, each process's heartbeat and the figures", async () => {
    const user = await createTestUser(services.db, { tag: "system" });
    await seedReadModels(user.id);
    const vitals = { cpuShare: 0.1, rssBytes: 200_000_000, hostMemoryShare: 0.5, diskShare: 0.3 };
    await services.redis.hset(
      consumerStatusKey(system.redisPrefix),
      "projector",
      JSON.stringify({ name: "projector", state: "running", processedSeq: 0, heartbeatAt: NOW }),
    );
    await services.redis.hset(
      processHeartbeatKey(system.redisPrefix),
      "stream@host-a:7",
      JSON.stringify({
        process: "stream",
        instance: "host-a:7",
        at: NOW - 1_000,
        startedAt: NOW - MINUTE,
      }),
      "gateway@host-a:8",
      JSON.stringify({
        process: "gateway",
        instance: "host-a:8",
        at: NOW - 1_000,
        startedAt: NOW - MINUTE,
        vitals: {
          ...vitals,
          requests: { answered: 400, serverErrors: 2, p95Ms: 250 },
        },
      }),
      "engine@host-c:3",
      JSON.stringify({
        process: "engine",
        instance: "host-c:3",
        at: NOW - 1_000,
        startedAt: NOW - MINUTE,
        vitals: { ...vitals, cpuShare: 0.95, commandP95Ms: 5, journalWriteP95Ms: 25 },
      }),
      "signer@host-b:9",
      JSON.stringify({
        process: "signer",
        instance: "host-b:9",
        at: NOW - MINUTE,
        startedAt: NOW - 2 * MINUTE,
      }),
    );

    const operations = await services.db.staff.findFirstOrThrow({
      where: { roles: { has: "OPERATIONS" } },
    });
    const overview = await callAdminApi(
      system,
      staffActor(operations.id, "OPERATIONS"),
    ).system.overview();

    const projector = overview.health.consumers.find((c) => c.name === "projector");
    expect(overview.health.engineSeq).not.toBeNull();
    expect(projector).toMatchObject({ ok: true, processedSeq: 0, lag: overview.health.engineSeq });

    const process = (name: string) => overview.processes.find((p) => p.process === name);
    expect(process("stream")).toMatchObject({
      ok: true,
      instances: [{ instance: "host-a:7", ok: true }],
    });
    // Its heartbeat stopped a minute ago: shown down, with the instance still named.
    expect(process("signer")).toMatchObject({
      ok: false,
      instances: [{ instance: "host-b:9", ok: false }],
    });
    // Nothing ever beat for it: down, with no instance.
    expect(process("worker")).toMatchObject({ ok: false, instances: [] });
    // A beat of an older build, without vitals, still counts.
    expect(process("stream")?.instances[0]?.vitals).toBeNull();
    expect(process("gateway")?.instances[0]?.vitals).toMatchObject({ rssBytes: 200_000_000 });
    expect(overview.ok).toBe(false);

    expect(overview.figures.ordersPerSecond).toBe(0);
    expect(overview.figures.depositsDecided).toBe(4);
    expect(overview.figures.depositSuccessRate).toBe(0.75);
    expect(overview.figures.depositsWithinLine).toBe(false);
    expect(overview.figures.withdrawals).toMatchObject({
      completed: 3,
      medianMs: 10 * MINUTE,
      p95Ms: 45 * MINUTE,
      maxMs: 45 * MINUTE,
      withinLine: false,
    });

    // The round trips were measured just now, against the real Redis and database.
    expect(overview.network.redisMs).toEqual(expect.any(Number));
    expect(overview.network.databaseMs).toEqual(expect.any(Number));
    const seed = Object.fromEntries(overview.seedFigures.map((f) => [f.id, f]));
    expect(Object.keys(seed)).toHaveLength(11);
    expect(seed.network?.value).toEqual(expect.any(Number));
    expect(seed.cpu).toMatchObject({ value: 0.95, within: false });
    expect(seed.memory).toMatchObject({ value: 0.5, within: true });
    expect(seed.disk).toMatchObject({ value: 0.3, within: true });
    expect(seed.apiResponse).toMatchObject({ value: 250, within: false });
    expect(seed.errorRate).toMatchObject({ value: 0.005, within: true });
    expect(seed.messageDelay).toMatchObject({ value: 5, within: true });
    expect(seed.dbQuery).toMatchObject({ value: 25, within: true });
    expect(seed.orders).toMatchObject({ value: 0, line: null, within: null });
    expect(seed.depositSuccess).toMatchObject({ value: 0.75, within: false });
    expect(seed.withdrawalProcessing).toMatchObject({ value: 45 * MINUTE, within: false });
  });
});

import {
  type ConsumerState,
  type ConsumerStatus,
  commandIds,
  consumerStatusKey,
  ZConsumerStatus,
} from "@exchange/protocol";
import type { Actor, Services } from "../services";
import { findJournalHead } from "./health-repository";

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** One worker consumer as health reports it. */
export interface ConsumerHealth {
  name: string;
  ok: boolean;
  /** The consumer's own state, or `silent` when the worker has stopped writing it. */
  state: ConsumerState | "silent";
  /** Last engine journal seq the consumer has stored (read models, market data, proof). */
  processedSeq?: number;
  /** Entries the engine has journaled that this consumer has not stored yet. */
  lag?: number;
  /** While retrying or stuck: the entry it is on, and since when. */
  stuckSeq?: number;
  since?: Date;
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  database: ComponentHealth;
  engine: ComponentHealth;
  /** The engine's last journaled seq, as the database holds it; null when unreadable. */
  engineSeq: number | null;
  consumers: ConsumerHealth[];
}

const ENGINE_PING_TIMEOUT_MS = 2_000;
/** How often a process waiting for another's engine ping looks for its answer. */
const PING_POLL_MS = 100;
/** At most one `system.ping` per this interval reaches the engine, from all API processes. */
export const ENGINE_PING_EVERY_MS = 5_000;
/** How long one process reuses its last report: a flood of health calls costs one probe. */
const REPORT_REUSE_MS = 1_000;
/** The worker writes its consumers' status every second; older than this, it is not running. */
export const HEARTBEAT_STALE_MS = 10_000;

/** What a health check reads: the apps pass their services, the worker's alert center its own. */
export type HealthDeps = Pick<Services, "db" | "engine" | "redis" | "redisPrefix" | "clock">;

const reports = new WeakMap<HealthDeps, { at: number; report: Promise<HealthReport> }>();

/**
 * The exchange's health from what is already known: the database (the engine's journal
 * position), the engine (a ping shared by every API process, at most one per few seconds) and
 * the worker's consumers (the status each writes to Redis). Calling it never sends a command
 * of its own to the engine, so anonymous callers cannot load the engine through it.
 */
export function checkHealth(
  services: HealthDeps,
  nowMs = services.clock.now(),
): Promise<HealthReport> {
  const cached = reports.get(services);
  if (cached && nowMs - cached.at < REPORT_REUSE_MS) return cached.report;
  const report = buildReport(services, nowMs);
  reports.set(services, { at: nowMs, report });
  return report;
}

async function buildReport(services: HealthDeps, nowMs: number): Promise<HealthReport> {
  let engineSeq: number | null = null;
  const [database, engine, statuses] = await Promise.all([
    probe(async () => {
      engineSeq = await findJournalHead(services.db);
    }),
    sharedEnginePing(services, nowMs),
    readConsumerStatuses(services).catch(() => undefined),
  ]);
  const consumers = judgeConsumers(statuses, engineSeq, nowMs);
  return {
    ok: database.ok && engine.ok && consumers.every((c) => c.ok),
    database,
    engine,
    engineSeq,
    consumers,
  };
}

/**
 * The engine's last ping result, shared in Redis. When it is older than ENGINE_PING_EVERY_MS,
 * the one caller that wins a short lock pings again; the others use the last result meanwhile.
 */
async function sharedEnginePing(services: HealthDeps, nowMs: number): Promise<ComponentHealth> {
  const { redis, redisPrefix } = services;
  const key = `${redisPrefix}health.engine`;
  const cached = parseCachedPing(await redis.get(key).catch(() => null));
  if (cached && nowMs - cached.at < ENGINE_PING_EVERY_MS) return cached.health;
  const won = await redis
    .set(`${key}.lock`, "1", "PX", ENGINE_PING_EVERY_MS, "NX")
    .catch(() => null);
  if (won !== "OK") return cached?.health ?? (await awaitOthersPing(services, key));
  const health = await probe(async () => {
    const reply = await services.engine.send(
      { id: commandIds.ping(), ts: services.clock.now(), type: "system.ping" },
      { timeoutMs: ENGINE_PING_TIMEOUT_MS },
    );
    if (!reply.outcome.ok) throw new Error(reply.outcome.message);
  });
  await redis
    .set(key, JSON.stringify({ at: services.clock.now(), health }), "PX", ENGINE_PING_EVERY_MS * 6)
    .catch(() => {});
  return health;
}

/**
 * First call of all: another process is pinging; wait for its answer rather than guess. The wait
 * counts its own polls rather than reading a clock, so a clock a test has stopped cannot hold it.
 */
async function awaitOthersPing(services: HealthDeps, key: string): Promise<ComponentHealth> {
  const polls = Math.ceil((ENGINE_PING_TIMEOUT_MS + 500) / PING_POLL_MS);
  for (let poll = 0; poll < polls; poll++) {
    await new Promise((resolve) => setTimeout(resolve, PING_POLL_MS));
    const cached = parseCachedPing(await services.redis.get(key).catch(() => null));
    if (cached) return cached.health;
  }
  return { ok: false, latencyMs: 0, error: "no engine ping result" };
}

function parseCachedPing(text: string | null): { at: number; health: ComponentHealth } | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as { at: number; health: ComponentHealth };
  } catch {
    return null;
  }
}

async function readConsumerStatuses(services: HealthDeps): Promise<ConsumerStatus[]> {
  const fields = await services.redis.hgetall(consumerStatusKey(services.redisPrefix));
  return Object.values(fields).flatMap((text) => {
    try {
      const parsed = ZConsumerStatus.safeParse(JSON.parse(text));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Red when a consumer is stuck or silent; the worker missing altogether (no status at all) is
 * red too, since nothing then keeps the read models and market data.
 */
export function judgeConsumers(
  statuses: ConsumerStatus[] | undefined,
  engineSeq: number | null,
  nowMs: number,
): ConsumerHealth[] {
  if (!statuses || statuses.length === 0) {
    return [{ name: "worker", ok: false, state: "silent", error: "no consumer status in Redis" }];
  }
  return statuses
    .map((s): ConsumerHealth => {
      const silent = nowMs - s.heartbeatAt > HEARTBEAT_STALE_MS;
      const state = silent ? "silent" : s.state;
      const lag =
        s.processedSeq !== undefined && engineSeq !== null
          ? Math.max(engineSeq - s.processedSeq, 0)
          : undefined;
      return {
        name: s.name,
        ok: state !== "stuck" && state !== "silent",
        state,
        processedSeq: s.processedSeq,
        lag,
        stuckSeq: s.stuckSeq,
        since: s.failingSince === undefined ? undefined : new Date(s.failingSince),
        error: silent
          ? `no heartbeat for ${Math.round((nowMs - s.heartbeatAt) / 1000)} s`
          : s.error,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The report as `actor` may read it: staff see the error texts, everyone else does not. */
export async function checkHealthFor(services: Services, actor: Actor): Promise<HealthReport> {
  const report = await checkHealth(services);
  return actor.kind === "staff" ? report : withoutErrorText(report);
}

/** The report without any internal error text: what callers who are not staff receive. */
export function withoutErrorText(report: HealthReport): HealthReport {
  const strip = <T extends { error?: string }>({ error: _error, ...rest }: T) => rest;
  return {
    ...report,
    database: strip(report.database),
    engine: strip(report.engine),
    consumers: report.consumers.map(strip),
  };
}

async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: elapsedMs(started) };
  } catch (error) {
    return { ok: false, latencyMs: elapsedMs(started), error: (error as Error).message };
  }
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

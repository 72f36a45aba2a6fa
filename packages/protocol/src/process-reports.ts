import { hostname } from "node:os";
import type { Redis } from "ioredis";
import { z } from "zod";
import { type LogAlert, setLogAlertSink } from "./log";
import {
  createVitalsSampler,
  type ProcessVitals,
  type RegistryLike,
  ZProcessVitals,
} from "./process-vitals";

/**
 * What every process tells the rest about itself through Redis (seed 002's alertcenter): a
 * heartbeat, so the admin console's System page knows which processes run, and its `error` and
 * `fatal` log lines on a capped stream, which the worker's alert center turns into alerts.
 */

/** The hash of heartbeats: one field per process instance, each value a JSON `ProcessHeartbeat`. */
export const processHeartbeatKey = (prefix: string) => `${prefix}processes.heartbeats`;
/** The stream of reported `error` and `fatal` log lines, capped at LOG_ALERTS_RETAINED entries. */
export const logAlertStreamKey = (prefix: string) => `${prefix}alerts.logs`;

/** Entries the log-alert stream keeps: enough for the alert center to fall minutes behind. */
const LOG_ALERTS_RETAINED = 10_000;
/** Reports in flight past which a process drops new ones rather than queue behind a slow Redis. */
const REPORTS_IN_FLIGHT_MAX = 100;
/** How often a process writes its heartbeat. */
export const PROCESS_HEARTBEAT_EVERY_MS = 2_000;
/** A heartbeat older than this means the process is gone (or hung). */
export const PROCESS_HEARTBEAT_STALE_MS = 10_000;
/** A field silent for this long is removed by the next reader: a process that left for good. */
export const PROCESS_HEARTBEAT_FORGET_MS = 24 * 3_600_000;

/** The processes of the venue, as the System page lists them. */
export const VENUE_PROCESSES = [
  "engine",
  "worker",
  "stream",
  "gateway",
  "signer",
  "web",
  "admin",
] as const;
export type VenueProcess = (typeof VENUE_PROCESSES)[number];

export const ZProcessHeartbeat = z.object({
  process: z.string().max(64),
  /** `<host>:<pid>`: several instances of one process each have their own. */
  instance: z.string().max(200),
  /** Epoch ms of the last beat, and of the start. */
  at: z.number().int(),
  startedAt: z.number().int(),
  /** Since the previous beat; absent in beats of older builds, or when sampling failed. */
  vitals: ZProcessVitals.optional(),
});
export type ProcessHeartbeat = z.infer<typeof ZProcessHeartbeat>;

export const ZLogAlertReport = z.object({
  process: z.string().max(64),
  instance: z.string().max(200),
  level: z.enum(["error", "fatal"]),
  msg: z.string().max(2_000),
  /** Epoch ms. */
  at: z.number().int(),
  /** The line's other fields, as JSON text, cut to a few kilobytes. */
  detail: z.string().max(4_000),
});
export type LogAlertReport = z.infer<typeof ZLogAlertReport>;

export interface ProcessReporting {
  /** Waits (at most `timeoutMs`) for the reports in flight: before a process exits on a fatal. */
  flush(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts this process's heartbeat and sends its `error` and `fatal` log lines to the alert
 * stream. Sending never blocks and never throws into the caller: each line is one XADD fired
 * and forgotten, and while Redis is slow (more than a hundred in flight) further lines are only
 * written to stdout as always.
 */
export function startProcessReporting(options: {
  redis: Redis;
  prefix: string;
  process: VenueProcess;
  everyMs?: number;
  /** The registry its vitals read; by default the one `startProcessMetrics` started. */
  registry?: RegistryLike;
}): ProcessReporting {
  const { redis, prefix, process: name } = options;
  const instance = `${hostname()}:${process.pid}`;
  const startedAt = Date.now();
  const inFlight = new Set<Promise<unknown>>();
  setLogAlertSink((alert: LogAlert) => {
    if (inFlight.size >= REPORTS_IN_FLIGHT_MAX) return;
    const report: LogAlertReport = {
      process: name,
      instance,
      level: alert.level,
      msg: alert.msg.slice(0, 2_000),
      at: alert.at,
      detail: alert.detail.slice(0, 4_000),
    };
    const sent = redis
      .xadd(
        logAlertStreamKey(prefix),
        "MAXLEN",
        "~",
        LOG_ALERTS_RETAINED,
        "*",
        "r",
        JSON.stringify(report),
      )
      .catch(() => undefined)
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  });
  const { registry } = options;
  const sampleVitals = createVitalsSampler(registry ? { registry: () => registry } : {});
  let beating = false;
  let stopped = false;
  const beat = async () => {
    // A beat still waiting on a slow disk or Redis is not overtaken by the next one.
    if (beating || stopped) return;
    beating = true;
    const vitals: ProcessVitals | undefined = await sampleVitals().catch(() => undefined);
    const heartbeat: ProcessHeartbeat = { process: name, instance, at: Date.now(), startedAt };
    if (vitals) heartbeat.vitals = vitals;
    if (stopped) return;
    await redis
      .hset(processHeartbeatKey(prefix), `${name}@${instance}`, JSON.stringify(heartbeat))
      .catch(() => undefined);
    beating = false;
  };
  void beat();
  const timer = setInterval(beat, options.everyMs ?? PROCESS_HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    async flush(timeoutMs = 1_000) {
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.all([...inFlight]), timeout]);
    },
    async stop() {
      clearInterval(timer);
      stopped = true;
      setLogAlertSink(undefined);
      // Gone on purpose: the System page shows it stopped at once, not ten seconds later.
      await redis.hdel(processHeartbeatKey(prefix), `${name}@${instance}`).catch(() => undefined);
    },
  };
}

/** Every heartbeat in Redis (any process, any age); unreadable fields are skipped. */
export async function readProcessHeartbeats(
  redis: Redis,
  prefix: string,
): Promise<ProcessHeartbeat[]> {
  const fields = await redis.hgetall(processHeartbeatKey(prefix));
  return Object.values(fields).flatMap((text) => {
    try {
      const parsed = ZProcessHeartbeat.safeParse(JSON.parse(text));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

import {
  PROCESS_HEARTBEAT_FORGET_MS,
  PROCESS_HEARTBEAT_STALE_MS,
  type ProcessHeartbeat,
  type ProcessVitals,
  readProcessHeartbeats,
  VENUE_PROCESSES,
} from "@exchange/protocol";
import { listAlerts } from "../alerts/alerts-admin";
import type { AlertView } from "../alerts/alerts-contracts";
import { listReconciliationReports } from "../reconciliation/reconciliation-reports";
import type { Services } from "../services";
import { checkHealth, type HealthReport } from "./health";
import {
  countDecidedDepositsSince,
  countOrdersSince,
  countWithdrawalsInFlightSince,
  findWithdrawalDurationsMs,
  selectOne,
} from "./health-repository";
import {
  DEPOSITS_WINDOW_MS,
  ORDERS_WINDOW_MS,
  type SeedFigure,
  type SystemFigures,
  seedFigures,
  systemFigures,
  WITHDRAWAL_PROCESSING_MS_MAX,
  WITHDRAWALS_WINDOW_MS,
} from "./system-figures";

/**
 * Everything the admin console's System page shows (issue 18 §8), read now: each process's
 * instances from their heartbeats, the health report (database, engine, each consumer's lag
 * behind the engine's journal), the last reconciliation, the alert center's alerts and seed
 * 003 §8's figures. The page polls it every few seconds.
 */

export interface ProcessInstanceView {
  instance: string;
  ok: boolean;
  lastBeatAt: Date;
  startedAt: Date;
  /** From the last beat; null for a build that sends none. */
  vitals: ProcessVitals | null;
}

export interface ProcessView {
  process: string;
  /** At least one instance beats, and none has stopped beating. */
  ok: boolean;
  instances: ProcessInstanceView[];
}

export interface SystemOverview {
  at: Date;
  ok: boolean;
  processes: ProcessView[];
  health: HealthReport;
  reconciliation: {
    id: number;
    ok: boolean;
    failure: string | null;
    startedAt: Date;
    finishedAt: Date;
    seq: bigint;
    chainShortfall: boolean;
    /** How many differences the report found; the first few are in `differences`. */
    differenceCount: number;
    differences: Array<{ kind: string; asset: string; expected: string; actual: string }>;
  } | null;
  alerts: { unresolved: AlertView[]; resolved: AlertView[] };
  figures: SystemFigures;
  /** Round trips from this process, ms, measured at this read; null when one failed. */
  network: { redisMs: number | null; databaseMs: number | null };
  /** Every figure of seed 003 §8.3 against its line. */
  seedFigures: SeedFigure[];
}

/** Resolved alerts shown under the open ones. */
const RESOLVED_SHOWN = 10;
/** Differences of the last reconciliation shown (the Reconciliation page lists all). */
const DIFFERENCES_SHOWN = 5;

export async function systemOverview(services: Services): Promise<SystemOverview> {
  const nowMs = services.clock.now();
  const [health, heartbeats, reports, alerts, figures, network] = await Promise.all([
    checkHealth(services, nowMs),
    readProcessHeartbeats(services.redis, services.redisPrefix),
    listReconciliationReports(services, 1),
    listAlerts(services, { resolved: RESOLVED_SHOWN }),
    readFigures(services, nowMs),
    measureNetwork(services),
  ]);
  const processes = processViews(heartbeats, nowMs);
  const liveVitals = processes.flatMap((p) =>
    p.instances.flatMap((i) => (i.ok && i.vitals ? [{ process: p.process, ...i.vitals }] : [])),
  );
  const networkMs =
    network.redisMs === null || network.databaseMs === null
      ? null
      : Math.max(network.redisMs, network.databaseMs);
  const last = reports[0];
  return {
    at: new Date(nowMs),
    ok: health.ok && processes.every((p) => p.ok),
    processes,
    health,
    reconciliation: last
      ? {
          id: last.id,
          ok: last.ok,
          failure: last.failure,
          startedAt: last.startedAt,
          finishedAt: last.finishedAt,
          seq: last.seq,
          chainShortfall: last.chainShortfall,
          differenceCount: last.differences.length,
          differences: last.differences.slice(0, DIFFERENCES_SHOWN).map((d) => ({
            kind: d.kind,
            asset: d.asset,
            expected: d.expected,
            actual: d.actual,
          })),
        }
      : null,
    alerts,
    figures,
    network,
    seedFigures: seedFigures({ instances: liveVitals, networkMs, business: figures }),
  };
}

/**
 * Every venue process, with the instances that beat within the forget window; a process with no
 * instance is shown as down (the venue needs each of them).
 */
export function processViews(
  heartbeats: readonly ProcessHeartbeat[],
  nowMs: number,
): ProcessView[] {
  return VENUE_PROCESSES.map((process) => {
    const instances = heartbeats
      .filter((h) => h.process === process && nowMs - h.at < PROCESS_HEARTBEAT_FORGET_MS)
      .map((h) => ({
        instance: h.instance,
        ok: nowMs - h.at <= PROCESS_HEARTBEAT_STALE_MS,
        lastBeatAt: new Date(h.at),
        startedAt: new Date(h.startedAt),
        vitals: h.vitals ?? null,
      }))
      .sort((a, b) => a.instance.localeCompare(b.instance));
    return {
      process,
      ok: instances.length > 0 && instances.every((i) => i.ok),
      instances,
    };
  });
}

async function readFigures(services: Services, nowMs: number): Promise<SystemFigures> {
  const ago = (ms: number) => new Date(nowMs - ms);
  const [ordersInWindow, deposits, withdrawalDurationsMs, withdrawalsOverdue] = await Promise.all([
    countOrdersSince(services.db, ago(ORDERS_WINDOW_MS)),
    countDecidedDepositsSince(services.db, ago(DEPOSITS_WINDOW_MS)),
    findWithdrawalDurationsMs(services.db, ago(WITHDRAWALS_WINDOW_MS)),
    countWithdrawalsInFlightSince(services.db, ago(WITHDRAWAL_PROCESSING_MS_MAX)),
  ]);
  return systemFigures({
    ordersInWindow,
    depositsCredited: deposits.credited,
    depositsFailed: deposits.failed,
    withdrawalDurationsMs,
    withdrawalsOverdue,
  });
}

/** A round trip slower than this counts as failed: a scrape or a page read never hangs on it. */
export const NETWORK_TIMEOUT_MS = 2_000;

/**
 * Seed 003's network latency as this process sees it: a Redis PING and a database `SELECT 1`,
 * each timed on its own (a failed or timed-out one is null, and the database's health shows
 * why). The System page reads it at each poll; the worker's `exchange_network_roundtrip_seconds`
 * at each scrape.
 */
export async function measureNetwork(
  services: Pick<Services, "redis" | "db">,
  timeoutMs = NETWORK_TIMEOUT_MS,
): Promise<{ redisMs: number | null; databaseMs: number | null }> {
  const [redisMs, databaseMs] = await Promise.all([
    roundTripMs(() => services.redis.ping(), timeoutMs),
    roundTripMs(() => selectOne(services.db), timeoutMs),
  ]);
  return { redisMs, databaseMs };
}

async function roundTripMs(
  call: () => Promise<unknown>,
  timeoutMs: number,
): Promise<number | null> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A connection that queues commands while it reconnects would otherwise never answer.
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const answer = await Promise.race([call(), timeout]);
    if (answer === "timeout") return null;
    return Math.round((performance.now() - started) * 100) / 100;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The business figures of seed 003 §8 (订单处理量, 充值成功率 > 99 %, 提现处理时间 < 30 分钟),
 * computed from counts and durations the read models give over a recent window. Pure, so the
 * arithmetic is tested apart from the queries. None of these is money: plain numbers are right.
 */

/** Seed 003 §8's lines: a deposit success rate above 99 %, withdrawals done within 30 minutes. */
export const DEPOSIT_SUCCESS_RATE_MIN = 0.99;
export const WITHDRAWAL_PROCESSING_MS_MAX = 30 * 60_000;

/** The windows each figure looks back over. */
export const ORDERS_WINDOW_MS = 60_000;
export const DEPOSITS_WINDOW_MS = 24 * 3_600_000;
export const WITHDRAWALS_WINDOW_MS = 24 * 3_600_000;

export interface FigureInputs {
  /** Orders the engine accepted within ORDERS_WINDOW_MS. */
  ordersInWindow: number;
  /** Deposits decided within DEPOSITS_WINDOW_MS: credited, and failed (dropped or refused). */
  depositsCredited: number;
  depositsFailed: number;
  /** How long each withdrawal finished within the window took, request to confirmation, ms. */
  withdrawalDurationsMs: readonly number[];
  /** Withdrawals still in flight that were requested longer than the line ago. */
  withdrawalsOverdue: number;
}

export interface SystemFigures {
  ordersPerSecond: number;
  ordersWindowS: number;
  /** Credited / decided, 0…1; null when no deposit was decided in the window. */
  depositSuccessRate: number | null;
  depositsDecided: number;
  /** Within seed 003's line (true when there is nothing to judge). */
  depositsWithinLine: boolean;
  withdrawals: {
    completed: number;
    /** Null when none completed in the window. */
    medianMs: number | null;
    p95Ms: number | null;
    maxMs: number | null;
    overdue: number;
    withinLine: boolean;
  };
}

export function systemFigures(inputs: FigureInputs): SystemFigures {
  const decided = inputs.depositsCredited + inputs.depositsFailed;
  const rate = decided === 0 ? null : inputs.depositsCredited / decided;
  const durations = [...inputs.withdrawalDurationsMs].sort((a, b) => a - b);
  const p95 = percentile(durations, 0.95);
  return {
    ordersPerSecond: perSecond(inputs.ordersInWindow, ORDERS_WINDOW_MS),
    ordersWindowS: ORDERS_WINDOW_MS / 1_000,
    depositSuccessRate: rate,
    depositsDecided: decided,
    depositsWithinLine: rate === null || rate > DEPOSIT_SUCCESS_RATE_MIN,
    withdrawals: {
      completed: durations.length,
      medianMs: percentile(durations, 0.5),
      p95Ms: p95,
      maxMs: durations.at(-1) ?? null,
      overdue: inputs.withdrawalsOverdue,
      withinLine:
        inputs.withdrawalsOverdue === 0 && (p95 === null || p95 < WITHDRAWAL_PROCESSING_MS_MAX),
    },
  };
}

/** Events per second over a window, to two decimals. */
export function perSecond(count: number, windowMs: number): number {
  return Math.round((count * 100_000) / windowMs) / 100;
}

/**
 * The nearest-rank percentile of sorted values (`q` in 0…1): the least value at or above which
 * a share `q` of the values lies. Null for no values.
 */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(Math.ceil(q * sorted.length), 1);
  return sorted[rank - 1] ?? null;
}

/**
 * Seed 003 §8.3's lines for the system and the application. Shares are 0…1, times in ms.
 * A figure judged "within" is strictly below its line, as the seed writes them (`< 80 %`).
 */
export const CPU_SHARE_MAX = 0.8;
export const MEMORY_SHARE_MAX = 0.85;
export const DISK_SHARE_MAX = 0.8;
export const NETWORK_LATENCY_MS_MAX = 100;
export const API_RESPONSE_MS_MAX = 200;
export const ERROR_RATE_MAX = 0.01;
export const MESSAGE_DELAY_MS_MAX = 10;
export const DB_QUERY_MS_MAX = 50;

/** The processes whose answers are the API: tRPC in web and admin, HTTP in the gateway. */
export const API_PROCESSES = ["web", "admin", "gateway"] as const;

/** What one live process instance said of itself in its last beat. */
export interface InstanceVitals {
  process: string;
  cpuShare: number;
  rssBytes: number;
  hostMemoryShare: number;
  diskShare: number | null;
  requests?: { answered: number; serverErrors: number; p95Ms: number | null } | undefined;
  commandP95Ms?: number | null | undefined;
  journalWriteP95Ms?: number | null | undefined;
}

export type SeedFigureId =
  | "cpu"
  | "memory"
  | "disk"
  | "network"
  | "apiResponse"
  | "errorRate"
  | "messageDelay"
  | "dbQuery"
  | "orders"
  | "depositSuccess"
  | "withdrawalProcessing";

export interface SeedFigure {
  id: SeedFigureId;
  group: "system" | "application" | "business";
  /** Null: nothing measured yet (no beat with vitals, no request, no deposit). */
  value: number | null;
  unit: "share" | "ms" | "perSecond";
  /** The seed's line; null where it gives none (orders throughput). */
  line: { below: number } | { above: number } | null;
  /** Null when there is no value or no line to judge. */
  within: boolean | null;
}

/**
 * Every figure of seed 003 §8.3 judged against its line: the system's from the worst live
 * instance (its host for memory and disk), the API's over web, admin and gateway (p95 as the
 * slowest instance's, which is never below the combined one), the engine's own p95s, the
 * network as the slower round trip from the admin process, and the business figures.
 */
export function seedFigures(inputs: {
  instances: readonly InstanceVitals[];
  networkMs: number | null;
  business: SystemFigures;
}): SeedFigure[] {
  const { instances, business } = inputs;
  const api = instances.filter((i) => (API_PROCESSES as readonly string[]).includes(i.process));
  const requests = api.flatMap((i) => (i.requests ? [i.requests] : []));
  const answered = sum(requests.map((r) => r.answered));
  const errors = sum(requests.map((r) => r.serverErrors));
  const engine = instances.filter((i) => i.process === "engine");
  return [
    below("cpu", "system", "share", worst(instances.map((i) => i.cpuShare)), CPU_SHARE_MAX),
    below(
      "memory",
      "system",
      "share",
      worst(instances.map((i) => i.hostMemoryShare)),
      MEMORY_SHARE_MAX,
    ),
    below("disk", "system", "share", worst(instances.map((i) => i.diskShare)), DISK_SHARE_MAX),
    below("network", "system", "ms", inputs.networkMs, NETWORK_LATENCY_MS_MAX),
    below(
      "apiResponse",
      "application",
      "ms",
      worst(requests.map((r) => r.p95Ms)),
      API_RESPONSE_MS_MAX,
    ),
    below(
      "errorRate",
      "application",
      "share",
      answered === 0 ? null : errors / answered,
      ERROR_RATE_MAX,
    ),
    below(
      "messageDelay",
      "application",
      "ms",
      worst(engine.map((i) => i.commandP95Ms)),
      MESSAGE_DELAY_MS_MAX,
    ),
    below(
      "dbQuery",
      "application",
      "ms",
      worst(engine.map((i) => i.journalWriteP95Ms)),
      DB_QUERY_MS_MAX,
    ),
    {
      id: "orders",
      group: "business",
      value: business.ordersPerSecond,
      unit: "perSecond",
      line: null,
      within: null,
    },
    {
      id: "depositSuccess",
      group: "business",
      value: business.depositSuccessRate,
      unit: "share",
      line: { above: DEPOSIT_SUCCESS_RATE_MIN },
      within: business.depositSuccessRate === null ? null : business.depositsWithinLine,
    },
    {
      id: "withdrawalProcessing",
      group: "business",
      value: business.withdrawals.p95Ms,
      unit: "ms",
      line: { below: WITHDRAWAL_PROCESSING_MS_MAX },
      within:
        business.withdrawals.p95Ms === null && business.withdrawals.overdue === 0
          ? null
          : business.withdrawals.withinLine,
    },
  ];
}

function below(
  id: SeedFigureId,
  group: SeedFigure["group"],
  unit: SeedFigure["unit"],
  value: number | null,
  line: number,
): SeedFigure {
  return {
    id,
    group,
    value,
    unit,
    line: { below: line },
    within: value === null ? null : value < line,
  };
}

/** The largest of the known values; null when none is known. */
function worst(values: ReadonlyArray<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => typeof v === "number");
  return known.length === 0 ? null : Math.max(...known);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

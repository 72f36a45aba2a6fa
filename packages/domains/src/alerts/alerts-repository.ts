import { Prisma } from "@exchange/db";
import type { Store } from "../services";
import type { AlertSeverity, AlertStatus } from "./alert-rules";

/**
 * The alerts' repository: the only code that reads or writes `alerts`. A report either opens a
 * row for its key or counts on the key's unresolved one, in one statement (the partial unique
 * index `alerts_one_unresolved_per_key` makes two racing reports one alert).
 */

export interface AlertRecord {
  id: number;
  key: string;
  severity: AlertSeverity;
  source: string;
  message: string;
  detail: string;
  status: AlertStatus;
  firstSeenAt: Date;
  lastSeenAt: Date;
  count: number;
  notifiedAt: Date | null;
  acknowledgedBy: number | null;
  acknowledgedAt: Date | null;
  resolvedBy: number | null;
  resolvedAt: Date | null;
}

const SELECT = {
  id: true,
  key: true,
  severity: true,
  source: true,
  message: true,
  detail: true,
  status: true,
  firstSeenAt: true,
  lastSeenAt: true,
  count: true,
  notifiedAt: true,
  acknowledgedBy: true,
  acknowledgedAt: true,
  resolvedBy: true,
  resolvedAt: true,
} as const;

export interface AlertReport {
  key: string;
  severity: AlertSeverity;
  source: string;
  message: string;
  detail: string;
  at: Date;
  /** The Redis stream entry id (`ms-seq`) of a reported log line; absent for checks. */
  logEntryId?: string | undefined;
}

/**
 * Opens an alert for the report's key, or counts the report on the key's unresolved alert (the
 * message and detail become the latest; the severity only rises). Returns the row as it is now,
 * or null for a log line already counted on an alert of its key (resolved or not): a line read
 * twice, by overlapping or retried runs, counts once and never reopens what staff resolved.
 */
export async function recordAlertReport(
  db: Store,
  report: AlertReport,
): Promise<AlertRecord | null> {
  const entry = report.logEntryId === undefined ? null : streamEntryParts(report.logEntryId);
  const entryArray = entry
    ? Prisma.sql`ARRAY[${entry[0]}::bigint, ${entry[1]}::bigint]`
    : Prisma.sql`NULL::bigint[]`;
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    INSERT INTO alerts (key, severity, source, message, detail, first_seen_at, last_seen_at, last_log_entry)
    SELECT ${report.key}, ${report.severity}::"AlertSeverity", ${report.source},
           ${report.message}, ${report.detail}, ${report.at}, ${report.at}, ${entryArray}
    WHERE NOT EXISTS (
      SELECT 1 FROM alerts seen WHERE seen.key = ${report.key} AND seen.last_log_entry >= ${entryArray})
    ON CONFLICT (key) WHERE status <> 'RESOLVED' DO UPDATE SET
      count = alerts.count + 1,
      last_seen_at = greatest(alerts.last_seen_at, excluded.last_seen_at),
      message = excluded.message,
      detail = excluded.detail,
      severity = CASE WHEN alerts.severity = 'CRITICAL' THEN alerts.severity ELSE excluded.severity END,
      last_log_entry = coalesce(excluded.last_log_entry, alerts.last_log_entry)
    WHERE excluded.last_log_entry IS NULL OR alerts.last_log_entry IS NULL
       OR alerts.last_log_entry < excluded.last_log_entry
    RETURNING id`;
  const id = rows[0]?.id;
  if (id === undefined) return null;
  return db.alert.findUniqueOrThrow({ where: { id }, select: SELECT });
}

/** `1700000000000-3` as [1700000000000n, 3n]: arrays of the two compare in stream order. */
function streamEntryParts(id: string): [bigint, bigint] {
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(id);
  if (!match) throw new Error(`not a stream entry id: ${id}`);
  return [BigInt(match[1] as string), BigInt(match[2] as string)];
}

/** The unresolved alert of each key given (keys without one are absent). */
export function findUnresolvedAlerts(db: Store, keys: readonly string[]): Promise<AlertRecord[]> {
  return db.alert.findMany({
    where: { key: { in: [...keys] }, status: { not: "RESOLVED" } },
    select: SELECT,
  });
}

/** Unresolved alerts whose key starts with `prefix`. */
export function findUnresolvedAlertsByPrefix(db: Store, prefix: string): Promise<AlertRecord[]> {
  return db.alert.findMany({
    where: { key: { startsWith: prefix }, status: { not: "RESOLVED" } },
    select: SELECT,
  });
}

/** Every unresolved alert, most recently seen first, at most `limit`. */
export function findUnresolvedAlertList(db: Store, limit: number): Promise<AlertRecord[]> {
  return db.alert.findMany({
    where: { status: { not: "RESOLVED" } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: limit,
    select: SELECT,
  });
}

/** Alerts resolved most recently, at most `limit`. */
export function findRecentlyResolvedAlerts(db: Store, limit: number): Promise<AlertRecord[]> {
  return db.alert.findMany({
    where: { status: "RESOLVED" },
    orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: SELECT,
  });
}

export function findAlert(db: Store, id: number): Promise<AlertRecord | null> {
  return db.alert.findUnique({ where: { id }, select: SELECT });
}

/**
 * Moves an alert from one of `from` to `to`, as one compare-and-set: a change that lost a race
 * (the check resolved it meanwhile) returns null and changes nothing.
 */
export async function moveAlert(
  db: Store,
  id: number,
  from: readonly AlertStatus[],
  change:
    | { to: "ACKNOWLEDGED"; by: number; at: Date }
    | { to: "RESOLVED"; by: number | null; at: Date },
): Promise<AlertRecord | null> {
  const data =
    change.to === "ACKNOWLEDGED"
      ? { status: change.to, acknowledgedBy: change.by, acknowledgedAt: change.at }
      : { status: change.to, resolvedBy: change.by, resolvedAt: change.at };
  const moved = await db.alert.updateMany({
    where: { id, status: { in: [...from] } },
    data,
  });
  if (moved.count === 0) return null;
  return findAlert(db, id);
}

/**
 * Moves `notified_at` from `from` to `to` if it still holds `from`: the one way a mail about an
 * alert is claimed (and given back when nobody could be mailed). False when another got there.
 */
export async function claimAlertMail(
  db: Store,
  id: number,
  from: Date | null,
  to: Date | null,
): Promise<boolean> {
  const claimed = await db.alert.updateMany({
    where: { id, notifiedAt: from },
    data: { notifiedAt: to },
  });
  return claimed.count === 1;
}

/**
 * The alert center's rules, pure (seed 002's alertcenter): what a report is called, how urgent
 * it is, and when on-call staff hear of it. One mail when an alert opens, none while it stays
 * unresolved, except a reminder every re-notify interval while nobody has acknowledged it; one
 * "resolved" mail when its check passes again.
 */

export type AlertSeverity = "CRITICAL" | "WARNING";
export type AlertStatus = "OPEN" | "ACKNOWLEDGED" | "RESOLVED";

/** Where an alert came from: a process's log line, or one of the worker's checks. */
export const CHECKS_SOURCE = "checks";

/** Longest key stored (the column's width). */
export const ALERT_KEY_LENGTH_MAX = 300;

/** What the alert center knows of an unresolved alert when a report of it comes in. */
export interface AlertMailState {
  status: AlertStatus;
  /** Null: nobody was mailed yet (just opened, or no mailer then). */
  notifiedAtMs: number | null;
}

/**
 * Whether a report of this (unresolved) alert mails on-call staff now: at once when nobody was
 * mailed yet; again once `renotifyMs` passed since the last mail while nobody acknowledged it;
 * never once acknowledged (someone is on it) or resolved.
 */
export function shouldMail(alert: AlertMailState, nowMs: number, renotifyMs: number): boolean {
  if (alert.status !== "OPEN") return false;
  if (alert.notifiedAtMs === null) return true;
  return nowMs - alert.notifiedAtMs >= renotifyMs;
}

/**
 * The de-duplication key of a log line: its process and its message with numbers and hex ids
 * blanked, so "batch 17 failed" and "batch 18 failed" are one alert while both are open.
 */
export function logAlertKey(process: string, msg: string): string {
  const shape = msg
    .replace(/0x[0-9a-f]+/gi, "0x#")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "#")
    .replace(/\d+/g, "#")
    .replace(/\s+/g, " ")
    .trim();
  return `log:${process}:${shape}`.slice(0, ALERT_KEY_LENGTH_MAX);
}

/** A `fatal` line needs a person now; an `error` line may. */
export function severityOfLevel(level: "error" | "fatal"): AlertSeverity {
  return level === "fatal" ? "CRITICAL" : "WARNING";
}

/** One check's verdict this round: failing (an alert is due) or passing (resolve it). */
export type CheckResult =
  | { key: string; ok: true }
  | { key: string; ok: false; severity: AlertSeverity; message: string; detail: string };

/** The problem a failing check raises. */
export const failing = (
  key: string,
  message: string,
  detail: Record<string, unknown> = {},
  severity: AlertSeverity = "CRITICAL",
): CheckResult => ({ key, ok: false, severity, message, detail: JSON.stringify(detail) });

export const passing = (key: string): CheckResult => ({ key, ok: true });

import {
  type Clock,
  clockDate,
  type Logger,
  logAlertStreamKey,
  PROCESS_HEARTBEAT_FORGET_MS,
  PROCESS_HEARTBEAT_STALE_MS,
  readProcessHeartbeats,
  ZLogAlertReport,
} from "@exchange/protocol";
import type { Redis } from "ioredis";
import { checkHealth } from "../health/health";
import type { StaffRole } from "../identity/identity-enums";
import { findActiveStaffEmailsWithRole } from "../identity/staff-repository";
import type { UserLocale } from "../mail/mail-locale";
import type { Mailer, OutgoingMail } from "../mail/mailer";
import { findReconciliationReports } from "../reconciliation/reconciliation-repository";
import type { Services } from "../services";
import { findOpenWalletAlerts } from "../wallet/wallet-alert-repository";
import { failingChecks, passingChecks } from "./alert-checks";
import { type AlertMailFacts, alertRaisedMail, alertResolvedMail } from "./alert-mails";
import {
  CHECKS_SOURCE,
  type CheckResult,
  logAlertKey,
  severityOfLevel,
  shouldMail,
} from "./alert-rules";
import {
  type AlertRecord,
  type AlertReport,
  claimAlertMail,
  findUnresolvedAlerts,
  findUnresolvedAlertsByPrefix,
  moveAlert,
  recordAlertReport,
} from "./alerts-repository";

/**
 * The alert center (issue 18 §7, seed 002's alertcenter), run by the worker's `alert-center`
 * job: every process's `error` and `fatal` log lines (from the Redis stream they report to) and
 * the worker's failed checks become alerts, de-duplicated by key, and on-call staff are mailed
 * once per alert (again only after the re-notify interval while nobody acknowledged it), and
 * once more when its check passes again.
 */
export interface AlertCenterDeps {
  db: Services["db"];
  redis: Redis;
  redisPrefix: string;
  log: Logger;
  clock: Clock;
  mailer?: Mailer | undefined;
  settings: AlertCenterSettings;
}

export interface AlertCenterSettings {
  /** Least time between two mails about one alert nobody acknowledged. */
  renotifyMs: number;
  /** The staff roles on call: their active members are mailed (ADMIN and OPERATIONS run the venue). */
  roles: readonly StaffRole[];
  /** Addresses mailed beside them. */
  mailTo: readonly string[];
  locale: UserLocale;
  /** The console's System page, for the link in mails; none when unknown. */
  systemPageUrl?: string | undefined;
}

/** Log reports read from the stream at a time. */
const LOG_REPORTS_PER_READ = 500;

/**
 * A problem reported: opens its alert or counts on the open one, mailing when the rules say.
 * Null for a log line already counted (read twice).
 */
export async function reportProblem(
  deps: AlertCenterDeps,
  report: AlertReport,
): Promise<AlertRecord | null> {
  const alert = await recordAlertReport(deps.db, report);
  if (!alert) return null;
  const now = clockDate(deps.clock);
  const state = { status: alert.status, notifiedAtMs: alert.notifiedAt?.getTime() ?? null };
  if (!shouldMail(state, now.getTime(), deps.settings.renotifyMs)) return alert;
  // The claim is a compare-and-set on notified_at: two centers racing mail once.
  if (!(await claimAlertMail(deps.db, alert.id, alert.notifiedAt, now))) return alert;
  const reminder = alert.notifiedAt !== null;
  const sent = await mailOnCall(deps, (to) =>
    alertRaisedMail(to, facts(deps, alert), { reminder, locale: deps.settings.locale }),
  );
  // Nobody reached: the next report tries again.
  if (!sent) await claimAlertMail(deps.db, alert.id, now, alert.notifiedAt);
  return { ...alert, notifiedAt: sent ? now : alert.notifiedAt };
}

/**
 * A check passing: resolves its unresolved alert, if any, and tells on-call staff who were told
 * of it. Returns the resolved alert.
 */
export async function resolveByCheck(
  deps: AlertCenterDeps,
  key: string,
): Promise<AlertRecord | null> {
  const [open] = await findUnresolvedAlerts(deps.db, [key]);
  if (!open) return null;
  const at = clockDate(deps.clock);
  const resolved = await moveAlert(deps.db, open.id, ["OPEN", "ACKNOWLEDGED"], {
    to: "RESOLVED",
    by: null,
    at,
  });
  if (resolved && resolved.notifiedAt !== null) {
    await mailOnCall(deps, (to) =>
      alertResolvedMail(to, facts(deps, resolved), deps.settings.locale),
    );
  }
  return resolved;
}

/** Applies one round of check results: failing ones report, passing ones resolve. */
export async function applyCheckResults(
  deps: AlertCenterDeps,
  results: readonly CheckResult[],
): Promise<void> {
  const at = clockDate(deps.clock);
  for (const result of results) {
    if (result.ok) {
      await resolveByCheck(deps, result.key);
      continue;
    }
    const { key, severity, message, detail } = result;
    await reportProblem(deps, { key, severity, source: CHECKS_SOURCE, message, detail, at });
  }
}

/** One round of the alert center: the log lines reported since the last round, then the checks. */
export async function runAlertCenter(
  deps: AlertCenterDeps & { engine: Services["engine"] },
): Promise<{ logReports: number }> {
  const logReports = await drainLogReports(deps);
  const failingNow = failingChecks(await readCheckInputs(deps));
  const unresolved = await findUnresolvedAlertsByPrefix(deps.db, "check:");
  const passingNow = passingChecks(
    failingNow,
    unresolved.map((a) => a.key),
  );
  await applyCheckResults(deps, [...failingNow, ...passingNow]);
  return { logReports };
}

/**
 * Reads the log reports after the stored cursor and reports each as a problem. The cursor moves
 * after each batch; a batch read twice (a crash in between, or two runs overlapping on a busy
 * worker) counts each line once, as its alert remembers the last stream entry it counted.
 */
export async function drainLogReports(deps: AlertCenterDeps): Promise<number> {
  const stream = logAlertStreamKey(deps.redisPrefix);
  const cursorKey = `${stream}.cursor`;
  let cursor = (await deps.redis.get(cursorKey)) ?? "0";
  let total = 0;
  for (;;) {
    const entries = await deps.redis.xrange(
      stream,
      `(${cursor}`,
      "+",
      "COUNT",
      LOG_REPORTS_PER_READ,
    );
    for (const [entryId, fields] of entries) {
      const report = parseLogReport(entryId, fields);
      if (report) await reportProblem(deps, report);
    }
    total += entries.length;
    const last = entries.at(-1);
    if (!last) return total;
    cursor = last[0];
    await deps.redis.set(cursorKey, cursor);
    if (entries.length < LOG_REPORTS_PER_READ) return total;
  }
}

function parseLogReport(entryId: string, fields: string[]): AlertReport | null {
  const text = fields[fields.indexOf("r") + 1];
  if (text === undefined) return null;
  try {
    const parsed = ZLogAlertReport.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const r = parsed.data;
    return {
      key: logAlertKey(r.process, r.msg),
      severity: severityOfLevel(r.level),
      source: r.process,
      message: r.msg,
      detail: JSON.stringify({ instance: r.instance, fields: r.detail }).slice(0, 4_000),
      at: new Date(r.at),
      logEntryId: entryId,
    };
  } catch {
    return null;
  }
}

async function readCheckInputs(deps: AlertCenterDeps & { engine: Services["engine"] }) {
  const nowMs = deps.clock.now();
  const [health, reports, walletAlerts, heartbeats] = await Promise.all([
    checkHealth(deps, nowMs),
    findReconciliationReports(deps.db, 1),
    findOpenWalletAlerts(deps.db),
    readProcessHeartbeats(deps.redis, deps.redisPrefix),
  ]);
  const last = reports[0];
  return {
    health,
    reconciliation: last
      ? {
          id: last.id,
          ok: last.ok,
          failure: last.failure,
          differences: Array.isArray(last.differences) ? last.differences.length : 0,
          chainShortfall: last.chainShortfall,
        }
      : null,
    hotWallet: walletAlerts,
    silentProcesses: heartbeats
      .filter((h) => {
        const age = nowMs - h.at;
        return age > PROCESS_HEARTBEAT_STALE_MS && age < PROCESS_HEARTBEAT_FORGET_MS;
      })
      .map((h) => ({ process: h.process, instance: h.instance, lastBeatAt: new Date(h.at) })),
  };
}

function facts(deps: AlertCenterDeps, alert: AlertRecord): AlertMailFacts {
  return {
    id: alert.id,
    severity: alert.severity,
    source: alert.source,
    message: alert.message,
    count: alert.count,
    firstSeenAt: alert.firstSeenAt,
    systemPageUrl: deps.settings.systemPageUrl,
  };
}

/**
 * Mails every on-call address. True when at least one mail went out. A failure is logged as a
 * warning, not an error: an error line would itself become an alert, mailed the same broken way.
 */
async function mailOnCall(
  deps: AlertCenterDeps,
  mail: (to: string) => OutgoingMail,
): Promise<boolean> {
  if (!deps.mailer) {
    deps.log.warn("alert center: no mailer configured; on-call staff were not mailed");
    return false;
  }
  let sent = 0;
  for (const to of await onCallAddresses(deps)) {
    try {
      await deps.mailer.send(mail(to));
      sent++;
    } catch (error) {
      deps.log.warn("alert center: an alert mail could not be sent", { error });
    }
  }
  return sent > 0;
}

/** Active staff on call and the configured addresses, each once. */
async function onCallAddresses(deps: AlertCenterDeps): Promise<string[]> {
  const staff = await Promise.all(
    deps.settings.roles.map((role) => findActiveStaffEmailsWithRole(deps.db, role)),
  );
  const all = [...staff.flat(), ...deps.settings.mailTo].map((a) => a.trim().toLowerCase());
  return [...new Set(all.filter((a) => a !== ""))];
}

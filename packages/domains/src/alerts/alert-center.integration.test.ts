/**
 * The alert center against the run's Redis, database and mail sink: a fatal line a process logs
 * reaches the alert stream, becomes one alert and one mail, and a repeat counts without mailing;
 * a failing check opens an alert that a passing check resolves, with a "resolved" mail. Each test
 * has its own Redis prefix and its own words in its keys, so spawned workers of other test files
 * (which run an alert center of their own on the run's prefix) never take its reports.
 */
import { randomBytes } from "node:crypto";
import {
  createLogger,
  logAlertStreamKey,
  ManualClock,
  startProcessReporting,
} from "@exchange/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../services";
import { latestMailTo, mailsTo } from "../testing/mail";
import { closeServices, testServices } from "../testing/test-services";
import { type AlertCenterDeps, applyCheckResults, drainLogReports } from "./alert-center";
import { failing, logAlertKey, passing } from "./alert-rules";
import { acknowledgeAlert, resolveAlert } from "./alerts-admin";
import { findUnresolvedAlerts } from "./alerts-repository";

const HOUR = 3_600_000;
/** Letters only: the de-duplication key blanks digits, and each test needs words of its own. */
const word = () => [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");

let services: Services;
let deps: AlertCenterDeps;
let clock: ManualClock;
const onCall = `oncall-${word()}@exchange.test`;

beforeAll(async () => {
  services = await testServices();
  clock = new ManualClock(Date.parse("2026-12-06T09:00:00Z"));
  deps = {
    db: services.db,
    redis: services.redis,
    redisPrefix: `${services.redisPrefix}alerts-${word()}:`,
    log: services.log,
    clock,
    mailer: services.mailer,
    // Only the test's own address: staff of other test files must not receive its alerts.
    settings: { renotifyMs: HOUR, roles: [], mailTo: [onCall], locale: "en" },
  };
});

afterAll(async () => {
  if (services) await closeServices(services);
});

const unresolved = async (key: string) => (await findUnresolvedAlerts(services.db, [key]))[0];
const mailsAbout = async (marker: string) =>
  (await mailsTo(onCall)).filter((mail) => mail.subject.includes(marker));

describe("the alert center", () => {
  it("turns a process's fatal line into one alert and one mail; a repeat counts but mails no one", async () => {
    const marker = word();
    const reporting = startProcessReporting({
      redis: services.redis,
      prefix: deps.redisPrefix,
      process: "engine",
    });
    const log = createLogger("engine");
    try {
      log.fatal(`journal ${marker} write failed at seq 41`, { seq: 41 });
      await reporting.flush();
      expect(await drainLogReports(deps)).toBe(1);
      const key = logAlertKey("engine", `journal ${marker} write failed at seq 41`);
      expect(await unresolved(key)).toMatchObject({
        severity: "CRITICAL",
        source: "engine",
        count: 1,
        status: "OPEN",
      });
      const mail = await latestMailTo(onCall, { subject: new RegExp(marker) });
      expect(mail.subject).toContain("[Critical] engine:");
      expect(mail.text).toContain(`journal ${marker} write failed at seq 41`);

      // The same failure at the next seq: the same alert, counted, and no second mail.
      clock.advance(60_000);
      log.fatal(`journal ${marker} write failed at seq 42`, { seq: 42 });
      await reporting.flush();
      expect(await drainLogReports(deps)).toBe(1);
      expect(await unresolved(key)).toMatchObject({ count: 2, status: "OPEN" });
      expect(await mailsAbout(marker)).toHaveLength(1);

      // Still open and unacknowledged an hour after the mail: one reminder.
      clock.advance(HOUR);
      log.fatal(`journal ${marker} write failed at seq 43`);
      await reporting.flush();
      await drainLogReports(deps);
      const reminder = await latestMailTo(onCall, { subject: /still open/, after: mail });
      expect(reminder.subject).toContain(marker);
      expect(await mailsAbout(marker)).toHaveLength(2);
    } finally {
      await reporting.stop();
    }
  });

  it("counts a line read twice once, and never reopens an alert staff resolved when an overlapping run reads its lines again", async () => {
    const marker = word();
    const message = `signer ${marker} key unreadable`;
    const reporting = startProcessReporting({
      redis: services.redis,
      prefix: deps.redisPrefix,
      process: "signer",
    });
    const cursorKey = `${logAlertStreamKey(deps.redisPrefix)}.cursor`;
    try {
      const before = (await services.redis.get(cursorKey)) ?? "0";
      createLogger("signer").fatal(message);
      createLogger("signer").fatal(message);
      await reporting.flush();
      // Two runs overlapping on a busy worker both read the two lines from the same cursor.
      const [first, second] = await Promise.all([drainLogReports(deps), drainLogReports(deps)]);
      expect(first + second).toBeGreaterThanOrEqual(2);
      const key = logAlertKey("signer", message);
      const alert = await unresolved(key);
      expect(alert).toMatchObject({ count: 2, status: "OPEN" });
      expect(await mailsAbout(marker)).toHaveLength(1);

      const staff = await services.db.staff.findFirstOrThrow({ where: { active: true } });
      await resolveAlert(
        { db: services.db, clock },
        { staffId: staff.id, ip: "10.0.0.7" },
        {
          id: alert?.id ?? 0,
        },
      );
      // A run that read from before the lines (a retry after a crash) finds them counted.
      await services.redis.set(cursorKey, before);
      expect(await drainLogReports(deps)).toBe(2);
      expect(await unresolved(key)).toBeUndefined();
      expect(await services.db.alert.count({ where: { key } })).toBe(1);

      // The same line logged again afterwards is a new episode.
      createLogger("signer").fatal(message);
      await reporting.flush();
      await drainLogReports(deps);
      expect(await unresolved(key)).toMatchObject({ count: 1, status: "OPEN" });
    } finally {
      await reporting.stop();
    }
  });

  it("opens an alert for a failing check and resolves it when the check passes, mailing both", async () => {
    const marker = word();
    const key = `test-check:${marker}`;
    await applyCheckResults(deps, [failing(key, `Consumer ${marker} stopped reporting`)]);
    const opened = await latestMailTo(onCall, { subject: new RegExp(marker) });
    expect(opened.subject).toBe(`[Critical] checks: Consumer ${marker} stopped reporting`);

    // Still failing on the next round: counted, not mailed.
    clock.advance(5_000);
    await applyCheckResults(deps, [failing(key, `Consumer ${marker} stopped reporting`)]);
    expect(await unresolved(key)).toMatchObject({ count: 2 });
    expect(await mailsAbout(marker)).toHaveLength(1);

    clock.advance(5_000);
    await applyCheckResults(deps, [passing(key)]);
    expect(await unresolved(key)).toBeUndefined();
    const resolved = await latestMailTo(onCall, { subject: /^\[Resolved\]/, after: opened });
    expect(resolved.subject).toContain(marker);
    const row = await services.db.alert.findFirst({ where: { key }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ status: "RESOLVED", resolvedBy: null, count: 2 });

    // Failing again later is a new episode: a new alert and a new mail.
    clock.advance(5_000);
    await applyCheckResults(deps, [failing(key, `Consumer ${marker} stopped reporting`)]);
    expect((await unresolved(key))?.id).not.toBe(row?.id);
    expect(await mailsAbout(marker)).toHaveLength(3);
  });

  it("sends no reminder once a staff member acknowledged the alert, and audits who did", async () => {
    const marker = word();
    const key = `test-check:${marker}`;
    await applyCheckResults(deps, [failing(key, `Hot wallet ${marker} below its line`)]);
    const alert = await unresolved(key);
    if (!alert) throw new Error("the failing check opened no alert");
    const staff = await services.db.staff.findFirstOrThrow({ where: { active: true } });
    const acknowledged = await acknowledgeAlert(
      { db: services.db, clock },
      { staffId: staff.id, ip: "10.0.0.7" },
      { id: alert.id },
    );
    expect(acknowledged).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: staff.name });

    clock.advance(2 * HOUR);
    await applyCheckResults(deps, [failing(key, `Hot wallet ${marker} below its line`)]);
    expect(await mailsAbout(marker)).toHaveLength(1);
    const audit = await services.db.auditLog.findFirst({
      where: { action: "alert.acknowledge", targetId: String(alert.id) },
    });
    expect(audit).toMatchObject({ actorId: String(staff.id), ip: "10.0.0.7" });
  });
});

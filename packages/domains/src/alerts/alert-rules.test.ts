import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALERT_KEY_LENGTH_MAX, logAlertKey, severityOfLevel, shouldMail } from "./alert-rules";

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;

describe("when on-call staff are mailed about an alert", () => {
  it("mails once when it opens, and not again while it stays open within the interval", () => {
    expect(shouldMail({ status: "OPEN", notifiedAtMs: null }, NOW, HOUR)).toBe(true);
    expect(shouldMail({ status: "OPEN", notifiedAtMs: NOW - 1 }, NOW, HOUR)).toBe(false);
    expect(shouldMail({ status: "OPEN", notifiedAtMs: NOW - HOUR + 1 }, NOW, HOUR)).toBe(false);
  });

  it("reminds once the interval has passed while nobody acknowledged it", () => {
    expect(shouldMail({ status: "OPEN", notifiedAtMs: NOW - HOUR }, NOW, HOUR)).toBe(true);
  });

  it("never mails about an acknowledged or resolved alert", () => {
    for (const status of ["ACKNOWLEDGED", "RESOLVED"] as const) {
      expect(shouldMail({ status, notifiedAtMs: null }, NOW, HOUR)).toBe(false);
      expect(shouldMail({ status, notifiedAtMs: NOW - 10 * HOUR }, NOW, HOUR)).toBe(false);
    }
  });

  it("mails at most once per interval, however often a problem is reported", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * HOUR }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1_000, max: 2 * HOUR }),
        (offsets, renotifyMs) => {
          const times = offsets.map((o) => NOW + o).sort((a, b) => a - b);
          const mailedAt: number[] = [];
          for (const at of times) {
            const notifiedAtMs = mailedAt.at(-1) ?? null;
            if (shouldMail({ status: "OPEN", notifiedAtMs }, at, renotifyMs)) mailedAt.push(at);
          }
          // The first report mails; each later mail comes a whole interval after the one before.
          expect(mailedAt[0]).toBe(times[0]);
          for (let i = 1; i < mailedAt.length; i++) {
            expect((mailedAt[i] ?? 0) - (mailedAt[i - 1] ?? 0)).toBeGreaterThanOrEqual(renotifyMs);
          }
          const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
          expect(mailedAt.length).toBeLessThanOrEqual(Math.floor(span / renotifyMs) + 1);
        },
      ),
    );
  });
});

describe("the key that de-duplicates log lines", () => {
  it("is one alert for lines that differ only in numbers and ids", () => {
    expect(logAlertKey("worker", "batch 17 failed at seq 4012")).toBe(
      logAlertKey("worker", "batch 18 failed at seq 4013"),
    );
    expect(
      logAlertKey("signer", "tx 0xabc123 dropped for 6f1e2d3c-1111-4222-8333-944445555666"),
    ).toBe(logAlertKey("signer", "tx 0xfff dropped for 00000000-0000-4000-8000-000000000000"));
  });

  it("keeps different messages and different processes apart", () => {
    expect(logAlertKey("worker", "projector stuck")).not.toBe(
      logAlertKey("worker", "market data stuck"),
    );
    expect(logAlertKey("engine", "stopping")).not.toBe(logAlertKey("signer", "stopping"));
  });

  it("always fits the column and names its process, whatever the message", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 5_000 }),
        fc.constantFrom("engine", "worker", "web"),
        (msg, process) => {
          const key = logAlertKey(process, msg);
          expect(key.length).toBeLessThanOrEqual(ALERT_KEY_LENGTH_MAX);
          expect(key.startsWith(`log:${process}:`)).toBe(true);
          expect(logAlertKey(process, msg)).toBe(key);
        },
      ),
    );
  });

  it("makes a fatal line critical and an error line a warning", () => {
    expect(severityOfLevel("fatal")).toBe("CRITICAL");
    expect(severityOfLevel("error")).toBe("WARNING");
  });
});

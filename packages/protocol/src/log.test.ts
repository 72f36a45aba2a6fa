import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type LogAlert, setLogAlertSink } from "./log";

afterEach(() => setLogAlertSink(undefined));

describe("the logger's alert sink", () => {
  it("receives the error and fatal lines of every logger of the process, with their fields", () => {
    const received: LogAlert[] = [];
    // Created before the sink is set, as module-level loggers are.
    const log = createLogger("worker", "debug");
    setLogAlertSink((alert) => received.push(alert));
    log.debug("noise");
    log.info("started");
    log.warn("slow");
    log.error("a batch failed", { seq: 41n, error: new Error("disk full") });
    createLogger("engine").fatal("stopping");
    expect(received.map((a) => [a.service, a.level, a.msg])).toEqual([
      ["worker", "error", "a batch failed"],
      ["engine", "fatal", "stopping"],
    ]);
    const detail = JSON.parse(received[0]?.detail ?? "{}");
    expect(detail).toMatchObject({ seq: "41", error: { message: "disk full" } });
    expect(received[1]?.detail).toBe("{}");
  });

  it("reports a fatal line even below the logger's least level, and nothing once cleared", () => {
    const received: LogAlert[] = [];
    setLogAlertSink((alert) => received.push(alert));
    createLogger("signer", "fatal").error("below the level: not written, not reported");
    createLogger("signer", "fatal").fatal("refuses to start");
    setLogAlertSink(undefined);
    createLogger("signer").fatal("after clearing");
    expect(received.map((a) => a.msg)).toEqual(["refuses to start"]);
  });
});

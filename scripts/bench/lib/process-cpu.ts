/**
 * CPU time used by processes over a stretch of a benchmark, read from /proc (Linux), so that a
 * figure says what it cost and who paid: the engine, the worker, the benchmark's own clients,
 * PostgreSQL's backends of the run's database, Redis.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessGroup {
  name: string;
  /** Picks the group's processes by pid and command line, read at each sample. */
  matches(pid: number, commandLine: string): boolean;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds so far of every process, by pid, with its command line. */
function readAll(): Map<number, { cpuSeconds: number; commandLine: string }> {
  const all = new Map<number, { cpuSeconds: number; commandLine: string }>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) are space-separated.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      all.set(pid, { cpuSeconds: ticks / TICKS_PER_SECOND, commandLine });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return all;
}

/** Starts measuring; `stop()` returns each group's share of one core over the stretch. */
export function meterCpu(groups: readonly ProcessGroup[]) {
  const before = readAll();
  const started = performance.now();
  return {
    stop(): Record<string, number> {
      const after = readAll();
      const seconds = (performance.now() - started) / 1000;
      const shares: Record<string, number> = {};
      for (const group of groups) {
        let used = 0;
        for (const [pid, { cpuSeconds, commandLine }] of after) {
          if (!group.matches(pid, commandLine)) continue;
          used += cpuSeconds - (before.get(pid)?.cpuSeconds ?? 0);
        }
        shares[group.name] = Math.round((100 * used) / seconds) / 100;
      }
      return shares;
    },
  };
}

import { consumerLabel, healthSummary } from "@exchange/api/client";
import type { adminApi } from "@/server/admin-api";

type Health = Awaited<ReturnType<Awaited<ReturnType<typeof adminApi>>["health"]>>;
type Consumer = Health["consumers"][number];

interface Row {
  name: string;
  ok: boolean;
  detail: string;
  figure: string;
}

/**
 * Database, engine and worker consumers as measured while this page was rendered. A stuck
 * consumer shows the entry it is stuck on, since when, and the error (staff see it).
 */
export function SystemHealthPanel({ health }: { health: Health }) {
  const rows: Row[] = [
    componentRow("Database", "PostgreSQL", health.database),
    componentRow("Matching engine", "Command bus round trip", health.engine),
    ...health.consumers.map(consumerRow),
  ];
  return (
    <section className="rounded-lg border border-line bg-surface" data-testid="system-health-panel">
      <h2 className="border-b border-line px-4 py-3 text-[13px] font-semibold text-ink">
        System health
      </h2>
      {health.ok ? null : (
        <p role="alert" className="border-b border-line bg-down/10 px-4 py-2 text-xs text-down">
          {healthSummary(health)}
        </p>
      )}
      <ul className="divide-y divide-line">
        {rows.map((c) => (
          <li key={c.name} className="flex items-center gap-3 px-4 py-3">
            <span
              aria-hidden="true"
              className={`size-2 rounded-full ${c.ok ? "bg-up shadow-[0_0_8px] shadow-up/60" : "bg-down"}`}
            />
            <div className="flex min-w-0 flex-1 flex-col">
              <span className="text-[13px] text-ink">{c.name}</span>
              {/* A healthy row's detail is a caption; a failing one's is what staff act on: whole. */}
              <span
                className={`text-xs ${c.ok ? "truncate text-ink-faint" : "break-words text-down"}`}
                title={c.detail}
              >
                {c.detail}
              </span>
            </div>
            <span className={`text-xs tabular-nums ${c.ok ? "text-ink-muted" : "text-down"}`}>
              {c.figure}
            </span>
          </li>
        ))}
      </ul>
      {health.engineSeq === null ? null : (
        <p className="border-t border-line px-4 py-2 text-xs text-ink-faint tabular-nums">
          Engine journal at seq {health.engineSeq}
        </p>
      )}
    </section>
  );
}

function componentRow(
  name: string,
  detail: string,
  c: { ok: boolean; latencyMs: number; error?: string },
): Row {
  return {
    name,
    ok: c.ok,
    detail: c.ok ? detail : (c.error ?? "Down"),
    figure: c.ok ? `${c.latencyMs} ms` : "Down",
  };
}

/** Consumers that work on a timer, not per event: their sequence is the last one they proved. */
const PERIODIC_CONSUMERS = new Set(["reconciliation"]);

function consumerRow(c: Consumer): Row {
  if (c.ok && c.state === "running" && PERIODIC_CONSUMERS.has(c.name)) {
    const detail =
      c.processedSeq === undefined ? "No proof yet" : `Last proof at seq ${c.processedSeq}`;
    return { name: consumerLabel(c.name), ok: true, detail, figure: "periodic" };
  }
  // The chain watcher's position is a block of the chain, not a seq of the engine's journal.
  const unit = c.name === "chain-watcher" ? "block" : "seq";
  const at = c.processedSeq === undefined ? "" : `at ${unit} ${c.processedSeq}`;
  const since = c.since ? ` since ${c.since.toISOString().slice(11, 19)} UTC` : "";
  const detail =
    c.state === "stuck" || c.state === "retrying"
      ? `${c.state === "stuck" ? "Stuck" : "Retrying"} on seq ${c.stuckSeq ?? "?"}${since}: ${c.error ?? ""}`
      : c.state === "silent"
        ? (c.error ?? "Not running")
        : c.state === "done"
          ? "Done"
          : `Running${at ? `, ${at}` : ""}`;
  const figure = !c.ok
    ? c.state === "silent"
      ? "Silent"
      : "Stuck"
    : c.lag === undefined
      ? c.state
      : `lag ${c.lag}`;
  return { name: consumerLabel(c.name), ok: c.ok, detail, figure };
}

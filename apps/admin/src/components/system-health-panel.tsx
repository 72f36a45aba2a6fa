import { getFormatter, getTranslations } from "next-intl/server";
import { consumerName, type DashboardText, healthLine } from "@/lib/health-text";
import type { adminApi } from "@/server/admin-api";

type Health = Awaited<ReturnType<Awaited<ReturnType<typeof adminApi>>["health"]>>;
type Consumer = Health["consumers"][number];
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

interface Row {
  key: string;
  name: string;
  ok: boolean;
  detail: string;
  figure: string;
}

/**
 * Database, engine and worker consumers as measured while this page was rendered. A stuck
 * consumer shows the entry it is stuck on, since when, and the error (staff see it).
 */
export async function SystemHealthPanel({ health }: { health: Health }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const rows: Row[] = [
    componentRow(t, "database", t("health.database"), t("health.databaseDetail"), health.database),
    componentRow(t, "engine", t("health.engine"), t("health.engineDetail"), health.engine),
    ...health.consumers.map((c) => consumerRow(t, format, c)),
  ];
  return (
    <section className="rounded-lg border border-line bg-surface" data-testid="system-health-panel">
      <h2 className="border-b border-line px-4 py-3 text-[13px] font-semibold text-ink">
        {t("health.title")}
      </h2>
      {health.ok ? null : (
        <p role="alert" className="border-b border-line bg-down/10 px-4 py-2 text-xs text-down">
          {healthLine(t, health)}
        </p>
      )}
      <ul className="divide-y divide-line">
        {rows.map((c) => (
          <li key={c.key} className="flex items-center gap-3 px-4 py-3">
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
          {t("health.journalAt", { seq: String(health.engineSeq) })}
        </p>
      )}
    </section>
  );
}

function componentRow(
  t: DashboardText,
  key: string,
  name: string,
  detail: string,
  c: { ok: boolean; latencyMs: number; error?: string },
): Row {
  return {
    key,
    name,
    ok: c.ok,
    detail: c.ok ? detail : (c.error ?? t("health.down")),
    figure: c.ok ? t("health.latency", { ms: c.latencyMs }) : t("health.down"),
  };
}

/** Consumers that work on a timer, not per event: their sequence is the last one they proved. */
const PERIODIC_CONSUMERS = new Set(["reconciliation"]);

function consumerRow(t: DashboardText, format: Formatter, c: Consumer): Row {
  const name = consumerName(t, c.name);
  if (c.ok && c.state === "running" && PERIODIC_CONSUMERS.has(c.name)) {
    const detail =
      c.processedSeq === undefined
        ? t("health.noProof")
        : t("health.lastProof", { seq: String(c.processedSeq) });
    return { key: c.name, name, ok: true, detail, figure: t("health.periodic") };
  }
  return {
    key: c.name,
    name,
    ok: c.ok,
    detail: consumerDetail(t, format, c),
    figure: consumerFigure(t, c),
  };
}

function consumerDetail(t: DashboardText, format: Formatter, c: Consumer): string {
  if (c.state === "stuck" || c.state === "retrying") {
    const values = { seq: String(c.stuckSeq ?? "?"), error: c.error ?? "" };
    const stuck = c.state === "stuck";
    if (!c.since) return t(stuck ? "health.stuckOnNoTime" : "health.retryingOnNoTime", values);
    const since = format.dateTime(c.since, "dateTimeSeconds");
    return t(stuck ? "health.stuckOn" : "health.retryingOn", { ...values, since });
  }
  if (c.state === "silent") return c.error ?? t("health.notRunning");
  if (c.state === "done") return t("health.done");
  if (c.processedSeq === undefined) return t("health.running");
  // The chain watcher's position is a block of the chain, not a seq of the engine's journal.
  return c.name === "chain-watcher"
    ? t("health.runningAtBlock", { seq: String(c.processedSeq) })
    : t("health.runningAtSeq", { seq: String(c.processedSeq) });
}

function consumerFigure(t: DashboardText, c: Consumer): string {
  if (!c.ok) return c.state === "silent" ? t("health.silent") : t("health.stuck");
  if (c.lag !== undefined) return t("health.lag", { lag: String(c.lag) });
  const state = `states.${c.state}`;
  return t.has(`health.${state}` as "health.states.running")
    ? t(`health.${state}` as "health.states.running")
    : c.state;
}

import type { adminApi } from "@/server/admin-api";

type Health = Awaited<ReturnType<Awaited<ReturnType<typeof adminApi>>["health"]>>;

/** Database and engine status as measured while this page was rendered. */
export function SystemHealthPanel({ health }: { health: Health }) {
  const components = [
    { name: "Database", detail: "PostgreSQL", ...health.database },
    { name: "Matching engine", detail: "Command bus round trip", ...health.engine },
  ];
  return (
    <section className="rounded-lg border border-line bg-surface">
      <h2 className="border-b border-line px-4 py-3 text-[13px] font-semibold text-ink">
        System health
      </h2>
      <ul className="divide-y divide-line">
        {components.map((c) => (
          <li key={c.name} className="flex items-center gap-3 px-4 py-3">
            <span
              aria-hidden="true"
              className={`size-2 rounded-full ${c.ok ? "bg-up shadow-[0_0_8px] shadow-up/60" : "bg-down"}`}
            />
            <div className="flex min-w-0 flex-1 flex-col">
              <span className="text-[13px] text-ink">{c.name}</span>
              <span className="truncate text-xs text-ink-faint">{c.ok ? c.detail : c.error}</span>
            </div>
            <span className={`text-xs tabular-nums ${c.ok ? "text-ink-muted" : "text-down"}`}>
              {c.ok ? `${c.latencyMs} ms` : "Down"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

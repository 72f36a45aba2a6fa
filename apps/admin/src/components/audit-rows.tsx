import { formatUtc } from "@/lib/time-format";

export interface AuditRowView {
  id: bigint;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  ip: string | null;
  createdAt: Date;
}

export const AUDIT_COLUMNS = [
  { header: "Time (UTC)" },
  { header: "Actor" },
  { header: "Action" },
  { header: "Target" },
  { header: "IP address" },
] as const;

/** The audit page's columns: the dashboard's, plus the change each entry records. */
export const AUDIT_COLUMNS_WITH_CHANGE = [...AUDIT_COLUMNS, { header: "Change (before → after)" }];

const ACTOR_LABELS: Record<string, string> = { STAFF: "Staff", USER: "Trader", SYSTEM: "System" };

/** Audit entries as table rows; shared by the audit page and the dashboard's recent activity. */
export function auditRows(rows: readonly AuditRowView[], options: { change?: boolean } = {}) {
  return rows.map((row) => (
    <tr key={row.id.toString()} data-testid="audit-row" className="align-top">
      <td className="h-10 px-4 py-2.5 whitespace-nowrap text-ink-muted tabular-nums">
        {formatUtc(row.createdAt).replace(" UTC", "")}
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        <span className="text-ink">{ACTOR_LABELS[row.actorType] ?? row.actorType}</span>
        {row.actorId ? (
          <span className="ml-1 text-ink-faint tabular-nums">#{row.actorId}</span>
        ) : null}
      </td>
      <td className="px-4 py-2">
        <code className="rounded bg-raised px-1.5 py-0.5 font-mono text-xs text-ink ring-1 ring-line ring-inset">
          {row.action}
        </code>
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap text-ink-muted">
        {row.targetType ? `${row.targetType} ${row.targetId ?? ""}`.trim() : "—"}
      </td>
      <td className="px-4 py-2.5 font-mono text-xs text-ink-muted">{row.ip ?? "—"}</td>
      {options.change ? (
        <td className="px-4 py-2">
          <AuditChange before={row.before} after={row.after} />
        </td>
      ) : null}
    </tr>
  ));
}

/** Fields whose value differs, as `field: before → after`; unchanged fields are left out. */
function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const was = asRecord(before);
  const now = asRecord(after);
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter(
    (key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]),
  );
  if (keys.length === 0) return <span className="text-ink-faint">—</span>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 font-mono text-[11px]">
      {keys.map((key) => (
        <div key={key} className="contents" data-testid="audit-change">
          <dt className="text-ink-faint">{key}</dt>
          <dd className="min-w-0 break-words">
            {key in was ? <span className="text-down/90">{show(was[key])}</span> : null}
            {key in was && key in now ? <span className="text-ink-faint"> → </span> : null}
            {key in now ? <span className="text-up">{show(now[key])}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

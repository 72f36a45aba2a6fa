import { formatUtc } from "@/lib/time-format";

export interface AuditRowView {
  id: bigint;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
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

const ACTOR_LABELS: Record<string, string> = { STAFF: "Staff", USER: "Trader", SYSTEM: "System" };

/** Audit entries as table rows; shared by the audit page and the dashboard's recent activity. */
export function auditRows(rows: readonly AuditRowView[]) {
  return rows.map((row) => (
    <tr key={row.id.toString()} data-testid="audit-row">
      <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
        {formatUtc(row.createdAt).replace(" UTC", "")}
      </td>
      <td className="px-4 whitespace-nowrap">
        <span className="text-ink">{ACTOR_LABELS[row.actorType] ?? row.actorType}</span>
        {row.actorId ? (
          <span className="ml-1 text-ink-faint tabular-nums">#{row.actorId}</span>
        ) : null}
      </td>
      <td className="px-4">
        <code className="rounded bg-raised px-1.5 py-0.5 font-mono text-xs text-ink ring-1 ring-line ring-inset">
          {row.action}
        </code>
      </td>
      <td className="px-4 text-ink-muted">
        {row.targetType ? `${row.targetType} ${row.targetId ?? ""}`.trim() : "—"}
      </td>
      <td className="px-4 font-mono text-xs text-ink-muted">{row.ip ?? "—"}</td>
    </tr>
  ));
}

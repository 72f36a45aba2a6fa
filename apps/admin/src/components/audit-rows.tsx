import { DateTime } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";

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
  /** The browser as it named itself, and the device that names (server-side summary). */
  userAgent?: string | null;
  device?: { browser: string | null; os: string | null } | null;
  createdAt: Date;
}

/** A translator of the `audit` namespace, as `useTranslations` or `getTranslations` give it. */
type AuditTranslator = (key: `columns.${ColumnKey}`) => string;
type ColumnKey = "time" | "actor" | "action" | "target" | "ip" | "device" | "change";

/**
 * The audit table's headers in the viewer's language (each time cell names its zone); with the
 * change each entry records when `change` is set (the audit page).
 */
export function auditColumns(t: AuditTranslator, options: { change?: boolean } = {}) {
  const columns = [
    { header: t("columns.time") },
    { header: t("columns.actor") },
    { header: t("columns.action") },
    { header: t("columns.target") },
    { header: t("columns.ip") },
    { header: t("columns.device") },
  ];
  return options.change ? [...columns, { header: t("columns.change") }] : columns;
}

/** Audit entries as table rows; shared by the audit page and the dashboard's recent activity. */
export function auditRows(rows: readonly AuditRowView[], options: { change?: boolean } = {}) {
  return rows.map((row) => (
    <AuditRow key={row.id.toString()} row={row} change={options.change ?? false} />
  ));
}

function AuditRow({ row, change }: { row: AuditRowView; change: boolean }) {
  const t = useTranslations("audit");
  const actor = row.actorType as "STAFF" | "USER" | "SYSTEM";
  const actionKey = `actions.${row.action}` as Parameters<typeof t>[0];
  return (
    <tr data-testid="audit-row" className="align-top">
      <td className="h-10 px-4 py-2.5 whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={row.createdAt} format="dateTimeSeconds" />
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        <span className="text-ink">{t.has(`actors.${actor}`) ? t(`actors.${actor}`) : actor}</span>
        {row.actorId ? (
          <span className="ml-1 text-ink-faint tabular-nums">#{row.actorId}</span>
        ) : null}
      </td>
      <td className="px-4 py-2">
        <span className="flex flex-col items-start gap-1">
          {t.has(actionKey) && typeof t.raw(actionKey) === "string" ? (
            <span className="text-ink">{t(actionKey)}</span>
          ) : null}
          <code className="rounded bg-raised px-1.5 py-0.5 font-mono text-xs text-ink ring-1 ring-line ring-inset">
            {row.action}
          </code>
        </span>
      </td>
      {/* An identifier ("user 42"), not words: browsers' translators leave it alone too. */}
      <td className="px-4 py-2.5 whitespace-nowrap text-ink-muted" translate="no">
        {row.targetType ? `${row.targetType} ${row.targetId ?? ""}`.trim() : "—"}
      </td>
      <td className="px-4 py-2.5 font-mono text-xs text-ink-muted">{row.ip ?? "—"}</td>
      <td className="px-4 py-2.5 text-ink-muted" title={row.userAgent ?? undefined}>
        {row.userAgent ? <DeviceText device={row.device ?? null} /> : "—"}
      </td>
      {change ? (
        <td className="px-4 py-2">
          <AuditChange before={row.before} after={row.after} />
        </td>
      ) : null}
    </tr>
  );
}

/** "Chrome on macOS" in the viewer's language; product names stay as they are. */
export function DeviceText({
  device,
}: {
  device: { browser: string | null; os: string | null } | null;
}) {
  const t = useTranslations("audit.device");
  if (device?.browser && device.os) return t("both", { browser: device.browser, os: device.os });
  if (device?.browser) return t("browserOnly", { browser: device.browser });
  if (device?.os) return t("osOnly", { os: device.os });
  return t("unknown");
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
    // Recorded fields and values as stored: data, not the console's words.
    <dl
      className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 font-mono text-[11px]"
      translate="no"
    >
      {keys.map((key) => (
        <div key={key} className="contents" data-testid="audit-change">
          <dt className="text-ink-faint">{key}</dt>
          <dd className="min-w-0 break-words">
            {key in was ? <span className="text-down">{show(was[key])}</span> : null}
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

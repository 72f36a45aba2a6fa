import { DateTime } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table";
import type { adminApi } from "@/server/admin-api";
import { RevokeApiKeyForm } from "./revoke-api-key-form";

type ApiKeys = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["users"]["apiKeys"]["list"]>
>;

/**
 * The trader's API keys as staff see them (never a secret): what each may do, from where, when
 * it was made, last used and expires, and a revoke with a reason for the live ones.
 */
export function ApiKeysTable({ userId, keys }: { userId: number; keys: ApiKeys }) {
  const t = useTranslations("users.apiKeys");
  const columns = [
    { header: t("columns.key") },
    { header: t("columns.permissions") },
    { header: t("columns.ips") },
    { header: t("columns.created") },
    { header: t("columns.lastUsed") },
    { header: t("columns.expires") },
    { header: t("columns.state") },
  ];
  return (
    <DataTable
      caption={t("title")}
      columns={columns}
      minWidth="min-w-[960px]"
      empty={<p className="px-4 py-6 text-center text-[13px] text-ink-muted">{t("none")}</p>}
      rows={keys.map((key) => (
        <tr key={key.id} data-testid="profile-api-key-row" className="align-top">
          <td className="px-4 py-2">
            <div className="font-medium text-ink" translate="no">
              {key.label}
            </div>
            <div className="font-mono text-xs break-all text-ink-muted">{key.apiKey}</div>
            <div className="text-xs text-ink-faint">{key.kind}</div>
          </td>
          <td className="px-4 py-2 text-ink-muted">{key.permissions.join(", ")}</td>
          <td className="px-4 py-2 font-mono text-xs text-ink-muted">
            {key.ipAllowList.length === 0 ? t("anyIp") : key.ipAllowList.join(", ")}
          </td>
          <td className="px-4 py-2 whitespace-nowrap text-ink-muted tabular-nums">
            <DateTime at={key.createdAt} format="dateTimeBare" />
          </td>
          <td className="px-4 py-2 whitespace-nowrap text-ink-muted tabular-nums">
            {key.lastUsedAt ? <DateTime at={key.lastUsedAt} format="dateTimeBare" /> : t("never")}
          </td>
          <td className="px-4 py-2 whitespace-nowrap text-ink-muted tabular-nums">
            {key.expiresAt ? <DateTime at={key.expiresAt} format="dateTimeBare" /> : t("never")}
          </td>
          <td className="px-4 py-2">
            {key.revokedAt ? (
              <span className="text-xs text-ink-muted" data-testid="profile-api-key-revoked">
                {t(key.revokedBy === "STAFF" ? "revokedByStaff" : "revokedByUser")}{" "}
                <DateTime at={key.revokedAt} format="dateTimeBare" />
              </span>
            ) : (
              <RevokeApiKeyForm userId={userId} keyId={key.id} label={key.label} />
            )}
          </td>
        </tr>
      ))}
    />
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { RoleBadge } from "@/components/role-badge";
import { EnrolmentLinkButton } from "@/components/staff/enrolment-link-button";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("title") };
}

export default async function StaffPage() {
  await requireSection("staff", "/staff");
  const api = await adminApi();
  const [staff, t, nav] = await Promise.all([
    loadForPage(() => api.staff.list()),
    getTranslations("staff"),
    getTranslations("nav.sections.staff"),
  ]);
  const columns = [
    { header: t("columns.id"), align: "right" },
    { header: t("columns.name") },
    { header: t("columns.email") },
    { header: t("columns.roles") },
    { header: t("columns.twoFactor") },
    { header: t("columns.actions"), align: "right" },
  ] as const;
  return (
    <PageBody>
      <PageHeader title={t("title")} description={nav("description")} />
      <DataTable
        caption={t("title")}
        columns={columns}
        rows={staff.map((member) => (
          <tr key={member.id} data-testid="staff-row">
            <td className="h-12 px-4 text-right text-ink-muted tabular-nums">#{member.id}</td>
            <td className="px-4 text-ink">
              <span translate="no">{member.name}</span>
              {member.active ? null : (
                <span className="ml-2 text-xs text-ink-faint">{t("inactive")}</span>
              )}
            </td>
            <td className="px-4 text-ink-muted">{member.email}</td>
            <td className="px-4">
              {member.roles.length === 0 ? (
                <span className="text-xs text-ink-faint">{t("noRoles")}</span>
              ) : (
                <span className="flex flex-wrap gap-1">
                  {member.roles.map((role) => (
                    <RoleBadge key={role} role={role} />
                  ))}
                </span>
              )}
            </td>
            <td className="px-4 text-ink-muted">
              {member.twoFactorEnabled ? (
                <span className="text-up">{t("twoFactorOn")}</span>
              ) : (
                <span className="text-ink-faint">{t("twoFactorNotSetUp")}</span>
              )}
            </td>
            <td className="px-4 py-2 text-right">
              {member.active && !member.twoFactorEnabled ? (
                <EnrolmentLinkButton staffId={member.id} name={member.name} />
              ) : null}
            </td>
          </tr>
        ))}
        empty={<EmptyState section="staff" title={nav("emptyTitle")} hint={nav("emptyHint")} />}
      />
    </PageBody>
  );
}

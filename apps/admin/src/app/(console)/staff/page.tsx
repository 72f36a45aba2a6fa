import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { RoleBadge } from "@/components/role-badge";
import { InviteStaffForm } from "@/components/staff/invite-staff-form";
import { MemberActions } from "@/components/staff/member-actions";
import { TwoFactorResets } from "@/components/staff/two-factor-resets";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("title") };
}

/**
 * Staff management: invite by mail, the two-factor resets waiting for a second administrator,
 * and every member with their roles, status and actions. Administrators only (the API checks).
 */
export default async function StaffPage() {
  const self = await requireSection("staff", "/staff");
  const api = await adminApi();
  const [staff, resets, t, nav, format] = await Promise.all([
    loadForPage(() => api.staff.list()),
    loadForPage(() => api.staff.twoFactorResets.list()),
    getTranslations("staff"),
    getTranslations("nav.sections.staff"),
    getFormatter(),
  ]);
  const columns = [
    { header: t("columns.id"), align: "right" },
    { header: t("columns.name") },
    { header: t("columns.email") },
    { header: t("columns.roles") },
    { header: t("columns.status") },
    { header: t("columns.twoFactor") },
    { header: t("columns.actions"), align: "right" },
  ] as const;
  return (
    <PageBody>
      <PageHeader title={t("title")} description={nav("description")} />
      <TwoFactorResets resets={resets} selfId={self.id} />
      <InviteStaffForm />
      <DataTable
        caption={t("title")}
        columns={columns}
        minWidth="min-w-[900px]"
        rows={staff.map((member) => (
          <tr key={member.id} data-testid="staff-row" className="align-top">
            <td className="h-12 px-4 py-3 text-right text-ink-muted tabular-nums">#{member.id}</td>
            <td className="px-4 py-3 text-ink">
              <span translate="no">{member.name}</span>
              {member.id === self.id ? (
                <span className="ml-2 text-xs text-ink-faint">{t("you")}</span>
              ) : null}
            </td>
            <td className="px-4 py-3 text-ink-muted">{member.email}</td>
            <td className="px-4 py-3">
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
            <td className="px-4 py-3" data-testid="staff-status">
              <span className={STATUS_TONE[member.status]}>{t(`status.${member.status}`)}</span>
              {member.status === "INVITED" && member.linkExpiresAt ? (
                <span className="block text-xs text-ink-faint">
                  {t("inviteUntil", { time: format.dateTime(member.linkExpiresAt, "dateTime") })}
                </span>
              ) : null}
            </td>
            <td className="px-4 py-3 text-ink-muted">
              {member.twoFactorEnabled ? (
                <span className="text-up">{t("twoFactorOn")}</span>
              ) : (
                <span className="text-ink-faint">{t("twoFactorNotSetUp")}</span>
              )}
            </td>
            <td className="px-4 py-2 text-right">
              <MemberActions member={member} isSelf={member.id === self.id} />
            </td>
          </tr>
        ))}
        empty={<EmptyState section="staff" title={nav("emptyTitle")} hint={nav("emptyHint")} />}
      />
    </PageBody>
  );
}

const STATUS_TONE = {
  INVITED: "text-warn",
  ACTIVE: "text-up",
  INACTIVE: "text-ink-faint",
} as const;

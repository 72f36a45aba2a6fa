import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { RoleBadge } from "@/components/role-badge";
import { EnrolmentLinkButton } from "@/components/staff/enrolment-link-button";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Staff" };

const COLUMNS = [
  { header: "ID", align: "right" },
  { header: "Name" },
  { header: "Email" },
  { header: "Roles" },
  { header: "Two-factor" },
  { header: "" },
] as const;

export default async function StaffPage() {
  await requireSection("staff", "/staff");
  const api = await adminApi();
  const staff = await loadForPage(() => api.staff.list());
  const section = SECTION_PAGES.staff;
  return (
    <PageBody>
      <PageHeader title="Staff" description={section.description} />
      <DataTable
        caption="Staff"
        columns={COLUMNS}
        rows={staff.map((member) => (
          <tr key={member.id} data-testid="staff-row">
            <td className="h-12 px-4 text-right text-ink-muted tabular-nums">#{member.id}</td>
            <td className="px-4 text-ink">{member.name}</td>
            <td className="px-4 text-ink-muted">{member.email}</td>
            <td className="px-4">
              <span className="flex flex-wrap gap-1">
                {member.roles.map((role) => (
                  <RoleBadge key={role} role={role} />
                ))}
              </span>
            </td>
            <td className="px-4 text-ink-muted">
              {member.twoFactorEnabled ? (
                <span className="text-up">On</span>
              ) : (
                <span className="text-ink-faint">Not set up</span>
              )}
            </td>
            <td className="px-4 py-2 text-right">
              {member.active && !member.twoFactorEnabled ? (
                <EnrolmentLinkButton staffId={member.id} name={member.name} />
              ) : null}
            </td>
          </tr>
        ))}
        empty={<EmptyState section="staff" title={section.emptyTitle} hint={section.emptyHint} />}
      />
    </PageBody>
  );
}

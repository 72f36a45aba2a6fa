import { canOpenSection } from "@exchange/api/client";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { auditColumns, auditRows } from "@/components/audit-rows";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { SectionCard } from "@/components/section-card";
import { SystemHealthPanel } from "@/components/system-health-panel";
import { SECTION_ORDER } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { summarizeSection } from "@/server/section-summaries";
import { requireStaff } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

const RECENT_AUDIT_ROWS = 6;

export default async function DashboardPage() {
  const staff = await requireStaff("/");
  const api = await adminApi();
  const [t, nav, audit] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("nav"),
    getTranslations("audit"),
  ]);
  const sections = SECTION_ORDER.filter((section) => canOpenSection(staff.roles, section));
  const seesAudit = canOpenSection(staff.roles, "audit");
  const [summaries, health, recent] = await loadForPage(() =>
    Promise.all([
      Promise.all(sections.map((section) => summarizeSection(api, section))),
      api.health(),
      seesAudit ? api.audit.list({ limit: RECENT_AUDIT_ROWS }) : undefined,
    ]),
  );
  const firstName = staff.name.split(/\s+/)[0] ?? staff.name;
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={t.rich("welcome", {
          name: firstName,
          person: (chunks) => <span translate="no">{chunks}</span>,
        })}
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {sections.map((section, index) => (
          <SectionCard
            key={section}
            section={section}
            summary={summaries[index] ?? { figure: "—", caption: "" }}
          />
        ))}
      </div>
      {recent ? (
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
          <section className="flex min-w-0 flex-col gap-3">
            <div className="flex items-center justify-between">
              <h2 className="text-[13px] font-semibold text-ink">{t("recentActivity")}</h2>
              <Link
                href="/audit"
                className="inline-flex min-h-10 items-center text-xs font-medium text-brand hover:text-brand-hover"
              >
                {t("fullAuditLog")}
              </Link>
            </div>
            <DataTable
              caption={t("recentAudit")}
              columns={auditColumns(audit)}
              rows={auditRows(recent.rows)}
              empty={
                <EmptyState
                  section="audit"
                  title={nav("sections.audit.emptyTitle")}
                  hint={nav("sections.audit.emptyHint")}
                />
              }
            />
          </section>
          <SystemHealthPanel health={health} />
        </div>
      ) : (
        <div className="max-w-md">
          <SystemHealthPanel health={health} />
        </div>
      )}
    </PageBody>
  );
}

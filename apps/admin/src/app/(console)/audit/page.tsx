import { buttonClasses } from "@exchange/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_COLUMNS, auditRows } from "@/components/audit-rows";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Audit" };

const PAGE_SIZE = 50;

/** `?before=<id>` pages back through the log (keyset pagination); anything else starts at the top. */
function parseCursor(value: string | string[] | undefined): bigint | undefined {
  return typeof value === "string" && /^[1-9]\d{0,18}$/.test(value) ? BigInt(value) : undefined;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  await requireSection("audit", "/audit");
  const before = parseCursor((await searchParams).before);
  const api = await adminApi();
  const page = await loadForPage(() => api.audit.list({ limit: PAGE_SIZE, before }));
  const section = SECTION_PAGES.audit;
  return (
    <PageBody>
      <PageHeader title="Audit" description={section.description} />
      <DataTable
        caption="Audit log"
        columns={AUDIT_COLUMNS}
        rows={auditRows(page.rows)}
        empty={<EmptyState section="audit" title={section.emptyTitle} hint={section.emptyHint} />}
      />
      <nav aria-label="Audit pages" className="flex items-center justify-end gap-2">
        {before !== undefined ? (
          <Link href="/audit" className={buttonClasses("ghost", "sm")}>
            Newest
          </Link>
        ) : null}
        {page.nextBefore !== undefined ? (
          <Link
            href={`/audit?before=${page.nextBefore.toString()}`}
            className={buttonClasses("secondary", "sm")}
          >
            Older entries
          </Link>
        ) : null}
      </nav>
    </PageBody>
  );
}

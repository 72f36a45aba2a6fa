import type { StaffSection } from "@exchange/api/client";
import type { ReactNode } from "react";
import { SECTION_PAGES, sectionTitle } from "@/lib/section-pages";
import { type Column, DataTable } from "./data-table";
import { EmptyState } from "./empty-state";
import { PageBody } from "./page-body";
import { PageHeader } from "./page-header";

/** A section whose page is one work queue: a header with its size, and the table. */
export function QueuePage({
  section,
  columns,
  rows,
  total,
  totalLabel,
}: {
  section: StaffSection;
  columns: readonly Column[];
  rows: readonly ReactNode[];
  total: number;
  totalLabel: string;
}) {
  const page = SECTION_PAGES[section];
  return (
    <PageBody>
      <PageHeader
        title={sectionTitle(section)}
        description={page.description}
        aside={
          <span className="rounded-md bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset">
            <span className="font-semibold text-ink tabular-nums">{total}</span> {totalLabel}
          </span>
        }
      />
      <DataTable
        caption={sectionTitle(section)}
        columns={columns}
        rows={rows}
        empty={<EmptyState section={section} title={page.emptyTitle} hint={page.emptyHint} />}
      />
    </PageBody>
  );
}

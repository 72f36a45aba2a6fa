import type { StaffSection } from "@exchange/api/client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
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
  const t = useTranslations("nav.sections");
  const title = t(`${section}.title`);
  return (
    <PageBody>
      <PageHeader
        title={title}
        description={t(`${section}.description`)}
        aside={
          <span className="rounded-md bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset">
            <span className="font-semibold text-ink tabular-nums">{total}</span> {totalLabel}
          </span>
        }
      />
      <DataTable
        caption={title}
        columns={columns}
        rows={rows}
        empty={
          <EmptyState
            section={section}
            title={t(`${section}.emptyTitle`)}
            hint={t(`${section}.emptyHint`)}
          />
        }
      />
    </PageBody>
  );
}

import { COUNTRIES, countryName, KYC_DOCUMENT_TYPE_LABELS } from "@exchange/api/client";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import {
  ageFilterOf,
  OpenLinkCell,
  overdueRowClass,
  PagedTable,
  QueueCount,
  TimeCell,
  WaitingCell,
  WaitingFilter,
} from "@/components/review/queue-parts";
import { hrefWith, pageParam, paramOf, type SearchParams } from "@/lib/search-params";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "KYC" };

const PAGE_SIZE = 50;
const STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
type StatusFilter = (typeof STATUSES)[number] | "ALL";

const COLUMNS = [
  { header: "Waiting" },
  { header: "Submitted (UTC)" },
  { header: "Applicant" },
  { header: "Country" },
  { header: "Document" },
  { header: "Status" },
  { header: "" },
] as const;

function filtersOf(params: SearchParams) {
  const status = paramOf(params, "status").toUpperCase();
  const country = paramOf(params, "country").toUpperCase();
  return {
    status: (STATUSES.includes(status as never) || status === "ALL"
      ? status
      : "PENDING") as StatusFilter,
    country: COUNTRIES.some((c) => c.code === country) ? country : "",
    age: ageFilterOf(params),
    page: pageParam(params),
  };
}

export default async function KycQueuePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSection("kyc", "/kyc");
  const filters = filtersOf(await searchParams);
  const api = await adminApi();
  const queue = await loadForPage(() =>
    api.kyc.queue({
      status: filters.status === "ALL" ? undefined : filters.status,
      country: filters.country || undefined,
      age: filters.age,
      page: filters.page,
      pageSize: PAGE_SIZE,
    }),
  );
  const now = new Date();
  const section = SECTION_PAGES.kyc;
  const hrefOf = (page: number) =>
    hrefWith("/kyc", {
      status: filters.status === "PENDING" ? undefined : filters.status,
      country: filters.country,
      age: filters.age === "any" ? undefined : filters.age,
      page: page === 1 ? undefined : page,
    });
  return (
    <PageBody>
      <PageHeader
        title="KYC"
        description={section.description}
        aside={
          <QueueCount
            count={queue.total}
            label={filters.status === "ALL" ? "submissions" : filters.status.toLowerCase()}
            testId="queue-total"
          />
        }
      />
      <FilterBar action="/kyc" label="Filter submissions">
        <FilterSelect
          label="Status"
          name="status"
          value={filters.status}
          options={[
            { value: "PENDING", label: "Pending review" },
            { value: "APPROVED", label: "Approved" },
            { value: "REJECTED", label: "Rejected" },
            { value: "ALL", label: "All statuses" },
          ]}
        />
        <FilterSelect
          label="Country"
          name="country"
          value={filters.country}
          options={[
            { value: "", label: "All countries" },
            ...queue.countries.map((code) => ({
              value: code,
              label: `${countryName(code)} (${code})`,
            })),
          ]}
        />
        <WaitingFilter value={filters.age} />
      </FilterBar>
      <PagedTable
        caption="KYC submissions"
        columns={COLUMNS}
        rows={queue.rows.map((row) => <QueueRow key={row.id} row={row} now={now} />)}
        empty={<EmptyState section="kyc" title={section.emptyTitle} hint={section.emptyHint} />}
        pagerLabel="KYC pages"
        page={filters.page}
        pageSize={PAGE_SIZE}
        total={queue.total}
        hrefOf={hrefOf}
      />
    </PageBody>
  );
}

type QueueRowData = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["kyc"]["queue"]>
>["rows"][number];

function QueueRow({ row, now }: { row: QueueRowData; now: Date }) {
  const pending = row.status === "PENDING";
  return (
    <tr data-testid="kyc-row" className={overdueRowClass(row.createdAt, pending, now)}>
      <WaitingCell since={row.createdAt} waiting={pending} now={now} />
      <TimeCell at={row.createdAt} />
      <td className="max-w-60 px-4 py-1.5">
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="truncate font-medium text-ink">
            {row.legalName ?? "Name: compliance only"}
          </span>
          <span className="truncate text-xs text-ink-faint">
            {row.user.email} <span className="tabular-nums">#{row.user.id}</span>
          </span>
        </div>
      </td>
      <td className="px-4 whitespace-nowrap text-ink-muted" title={countryName(row.country)}>
        <span className="font-mono text-xs text-ink">{row.country}</span>
      </td>
      <td className="px-4 py-1.5 whitespace-nowrap">
        <div className="flex flex-col leading-tight">
          <span className="text-ink-muted">{KYC_DOCUMENT_TYPE_LABELS[row.documentType]}</span>
          <span className="text-xs text-ink-faint tabular-nums">{row.documentCount} files</span>
        </div>
      </td>
      <td className="px-4">
        <KycStatusBadge status={row.status} />
      </td>
      <OpenLinkCell href={`/kyc/${row.id}`}>Review #{row.id}</OpenLinkCell>
    </tr>
  );
}

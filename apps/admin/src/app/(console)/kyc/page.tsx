import {
  COUNTRIES,
  countryName,
  isKycAgeFilter,
  KYC_AGE_FILTERS,
  KYC_DOCUMENT_TYPE_LABELS,
  type KycAgeFilter,
} from "@exchange/api/client";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { AgeingBadge } from "@/components/kyc/ageing-badge";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { hrefWith, pageParam, paramOf, type SearchParams } from "@/lib/search-params";
import { SECTION_PAGES } from "@/lib/section-pages";
import { formatUtc } from "@/lib/time-format";
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
  const age = paramOf(params, "age");
  return {
    status: (STATUSES.includes(status as never) || status === "ALL"
      ? status
      : "PENDING") as StatusFilter,
    country: COUNTRIES.some((c) => c.code === country) ? country : "",
    age: (isKycAgeFilter(age) ? age : "any") as KycAgeFilter,
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
          <span className="rounded-md bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset">
            <span className="font-semibold text-ink tabular-nums" data-testid="queue-total">
              {queue.total}
            </span>{" "}
            {filters.status === "ALL" ? "submissions" : filters.status.toLowerCase()}
          </span>
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
        <FilterSelect
          label="Waiting"
          name="age"
          value={filters.age}
          options={Object.entries(KYC_AGE_FILTERS).map(([value, { label }]) => ({ value, label }))}
        />
      </FilterBar>
      <DataTable
        caption="KYC submissions"
        columns={COLUMNS}
        rows={queue.rows.map((row) => <QueueRow key={row.id} row={row} now={now} />)}
        empty={<EmptyState section="kyc" title={section.emptyTitle} hint={section.emptyHint} />}
      />
      <Pager
        label="KYC pages"
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
  const overdue =
    row.status === "PENDING" && now.getTime() - row.createdAt.getTime() >= 24 * 3600 * 1000;
  return (
    <tr
      data-testid="kyc-row"
      className={overdue ? "bg-down/[0.04] shadow-[inset_2px_0_0_var(--color-down)]" : ""}
    >
      <td className="h-11 px-4 whitespace-nowrap">
        {row.status === "PENDING" ? (
          <AgeingBadge since={row.createdAt} now={now} />
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </td>
      <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
        {formatUtc(row.createdAt).slice(0, 16)}
      </td>
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
      <td className="px-4 text-right">
        <Link
          href={`/kyc/${row.id}`}
          className="text-xs font-medium whitespace-nowrap text-brand hover:text-brand-hover"
        >
          Review #{row.id}
        </Link>
      </td>
    </tr>
  );
}

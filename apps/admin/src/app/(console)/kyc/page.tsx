import { COUNTRIES } from "@exchange/api/client";
import type { Metadata } from "next";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { countryDisplayName } from "@/components/kyc/country-name";
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
import { zoneLabel } from "@/lib/zone-label";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kyc");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
const STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
type StatusFilter = (typeof STATUSES)[number] | "ALL";

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
  const [queue, t, nav, zone, locale] = await Promise.all([
    loadForPage(() =>
      api.kyc.queue({
        status: filters.status === "ALL" ? undefined : filters.status,
        country: filters.country || undefined,
        age: filters.age,
        page: filters.page,
        pageSize: PAGE_SIZE,
      }),
    ),
    getTranslations("kyc"),
    getTranslations("nav.sections.kyc"),
    zoneLabel(),
    getLocale(),
  ]);
  const now = new Date();
  const columns = [
    { header: t("columns.waiting") },
    { header: t("columns.submitted", { zone }) },
    { header: t("columns.applicant") },
    { header: t("columns.country") },
    { header: t("columns.document") },
    { header: t("columns.status") },
    { header: "" },
  ] as const;
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
        title={t("title")}
        description={nav("description")}
        aside={
          <QueueCount
            count={queue.total}
            label={t(`count.${filters.status}`)}
            testId="queue-total"
          />
        }
      />
      <FilterBar action="/kyc" label={t("filterLabel")}>
        <FilterSelect
          label={t("status")}
          name="status"
          value={filters.status}
          options={(["PENDING", "APPROVED", "REJECTED", "ALL"] as const).map((status) => ({
            value: status,
            label: t(`statusOptions.${status}`),
          }))}
        />
        <FilterSelect
          label={t("country")}
          name="country"
          value={filters.country}
          options={[
            { value: "", label: t("allCountries") },
            ...queue.countries.map((code) => ({
              value: code,
              label: `${countryDisplayName(code, locale)} (${code})`,
            })),
          ]}
        />
        <WaitingFilter value={filters.age} />
      </FilterBar>
      <PagedTable
        caption={t("caption")}
        columns={columns}
        rows={queue.rows.map((row) => <QueueRow key={row.id} row={row} now={now} />)}
        empty={<EmptyState section="kyc" title={nav("emptyTitle")} hint={nav("emptyHint")} />}
        pagerLabel={t("pagerLabel")}
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
  const t = useTranslations("kyc");
  const locale = useLocale();
  const pending = row.status === "PENDING";
  return (
    <tr data-testid="kyc-row" className={overdueRowClass(row.createdAt, pending, now)}>
      <WaitingCell since={row.createdAt} waiting={pending} now={now} />
      <TimeCell at={row.createdAt} />
      <td className="max-w-60 px-4 py-1.5">
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="truncate font-medium text-ink">
            {row.legalName ?? t("nameComplianceOnly")}
          </span>
          <span className="truncate text-xs text-ink-faint">
            {row.user.email} <span className="tabular-nums">#{row.user.id}</span>
          </span>
        </div>
      </td>
      <td className="px-4 whitespace-nowrap text-ink-muted">
        <span
          className="font-mono text-xs text-ink"
          title={countryDisplayName(row.country, locale)}
        >
          {row.country}
        </span>
      </td>
      <td className="px-4 py-1.5 whitespace-nowrap">
        <div className="flex flex-col leading-tight">
          <span className="text-ink-muted">{t(`documentTypes.${row.documentType}`)}</span>
          <span className="text-xs text-ink-faint tabular-nums">
            {t("files", { count: row.documentCount })}
          </span>
        </div>
      </td>
      <td className="px-4">
        <KycStatusBadge status={row.status} />
      </td>
      <OpenLinkCell href={`/kyc/${row.id}`}>{t("review", { id: String(row.id) })}</OpenLinkCell>
    </tr>
  );
}

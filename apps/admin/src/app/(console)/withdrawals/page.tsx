import { WITHDRAWAL_STATUSES, type WithdrawalStatus } from "@exchange/contracts/wallet";
import { DateTime, timeZoneLabel } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/filter-bar";
import { AgeingBadge } from "@/components/kyc/ageing-badge";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import {
  AssetFilter,
  ageFilterOf,
  OpenLinkCell,
  overdueRowClass,
  PagedTable,
  QueueCount,
  WaitingFilter,
} from "@/components/review/queue-parts";
import { RiskFlags, WithdrawalStatusBadge } from "@/components/withdrawals/withdrawal-badges";
import { hrefWith, pageParam, paramOf, type SearchParams } from "@/lib/search-params";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("withdrawals");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
type StatusFilter = WithdrawalStatus | "ALL";
/** The statuses finance filters by, in the order a withdrawal passes them. */
const STATUS_FILTERS: readonly StatusFilter[] = [
  "PENDING_APPROVAL",
  "APPROVED",
  "BROADCAST",
  "CONFIRMED",
  "REJECTED",
  "CANCELLED",
  "FAILED",
  "ALL",
];
const AMOUNT = /^(\d+(\.\d*)?|\.\d+)$/;

async function columnsOf() {
  const t = await getTranslations("withdrawals.columns");
  const zone = timeZoneLabel(await getTimeZone(), await getLocale());
  return [
    { header: t("requested", { zone }) },
    { header: t("trader") },
    { header: t("amount"), align: "right" },
    { header: t("destination") },
    { header: t("risk") },
    { header: t("status") },
    { header: "" },
  ] as const;
}

function filtersOf(params: SearchParams) {
  const status = paramOf(params, "status").toUpperCase();
  const asset = paramOf(params, "asset").toUpperCase();
  const min = paramOf(params, "min").trim();
  const max = paramOf(params, "max").trim();
  return {
    status: (WITHDRAWAL_STATUSES.includes(status as never) || status === "ALL"
      ? status
      : "PENDING_APPROVAL") as StatusFilter,
    asset: /^[A-Z0-9]{1,20}$/.test(asset) ? asset : "",
    min: AMOUNT.test(min) ? min : "",
    max: AMOUNT.test(max) ? max : "",
    age: ageFilterOf(params),
    page: pageParam(params),
  };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route(props: { searchParams: Promise<SearchParams> }) {
  await requireSection("withdrawals", "/withdrawals");
  return (
    <Suspense fallback={<PageLoading message="withdrawals.loading" />}>
      <WithdrawalsPage {...props} />
    </Suspense>
  );
}

async function WithdrawalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("withdrawals", "/withdrawals");
  const filters = filtersOf(await searchParams);
  const api = await adminApi();
  const queue = await loadForPage(() =>
    api.withdrawals.queue({
      status: filters.status,
      asset: filters.asset || undefined,
      minAmount: filters.min || undefined,
      maxAmount: filters.max || undefined,
      age: filters.age,
      page: filters.page,
      pageSize: PAGE_SIZE,
    }),
  );
  const now = new Date();
  const t = await getTranslations("withdrawals");
  const locale = await getLocale();
  const hrefOf = (page: number) =>
    hrefWith("/withdrawals", {
      status: filters.status === "PENDING_APPROVAL" ? undefined : filters.status,
      asset: filters.asset || undefined,
      min: filters.min || undefined,
      max: filters.max || undefined,
      age: filters.age === "any" ? undefined : filters.age,
      page: page === 1 ? undefined : page,
    });
  const statusLabel = t(`status.${filters.status}`);
  const unfiltered =
    filters.status === "PENDING_APPROVAL" &&
    !filters.asset &&
    !filters.min &&
    !filters.max &&
    filters.age === "any";
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={t("description")}
        aside={
          <QueueCount
            count={queue.total}
            label={t("queueLabel", { status: statusLabel.toLocaleLowerCase(locale) })}
            testId="queue-total"
          />
        }
      />
      <FilterBar action="/withdrawals" label={t("filters.label")}>
        <FilterSelect
          label={t("filters.status")}
          name="status"
          value={filters.status}
          options={STATUS_FILTERS.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
        <AssetFilter value={filters.asset} />
        <FilterInput
          label={t("filters.amountFrom")}
          name="min"
          value={filters.min}
          placeholder="0"
          width="w-28"
        />
        <FilterInput
          label={t("filters.amountTo")}
          name="max"
          value={filters.max}
          placeholder={t("filters.any")}
          width="w-28"
        />
        <WaitingFilter value={filters.age} />
      </FilterBar>
      <PagedTable
        caption={t("caption")}
        columns={await columnsOf()}
        rows={queue.rows.map((row) => <QueueRow key={row.withdrawal.id} row={row} now={now} />)}
        empty={
          <EmptyState
            section="withdrawals"
            title={unfiltered ? t("empty.pendingTitle") : t("empty.filteredTitle")}
            hint={unfiltered ? t("empty.pendingHint") : t("empty.filteredHint")}
          />
        }
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
  ReturnType<Awaited<ReturnType<typeof adminApi>>["withdrawals"]["queue"]>
>["rows"][number];

function QueueRow({ row, now }: { row: QueueRowData; now: Date }) {
  const t = useTranslations("withdrawals");
  const w = row.withdrawal;
  const waiting = w.status === "PENDING_APPROVAL";
  return (
    <tr
      data-testid="withdrawal-row"
      data-id={w.id}
      className={overdueRowClass(w.createdAt, waiting, now)}
    >
      {/* When it was asked for and, while it waits, for how long: one column, so the queue fits
          a 1280 px console without scrolling sideways. */}
      <td className="h-11 px-4 py-1.5 whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={w.createdAt} format="dateTimeBare" className="block" />
        {waiting ? (
          <span className="block text-xs" title={t("columns.waiting")}>
            <AgeingBadge since={w.createdAt} now={now} />
          </span>
        ) : null}
      </td>
      <td className="px-4 py-1.5">
        <div className="flex max-w-36 min-w-0 flex-col leading-tight">
          <span className="truncate text-ink" title={row.email}>
            {row.email}
          </span>
          <span className="text-xs text-ink-faint tabular-nums">#{row.userId}</span>
        </div>
      </td>
      <AmountCell value={w.amount} unit={w.asset} />
      <td className="px-4">
        <span
          translate="no"
          className="block max-w-32 truncate font-mono text-xs text-ink-muted"
          title={w.address}
        >
          {w.address}
        </span>
      </td>
      <td className="px-4 py-1.5">
        <span className="block max-w-32">
          <RiskFlags flags={row.riskFlags} wrap />
        </span>
      </td>
      <td className="px-4 py-1.5 whitespace-nowrap">
        <div className="flex flex-col items-start gap-0.5">
          <WithdrawalStatusBadge status={w.status} />
          {waiting ? (
            <span className="text-[11px] text-ink-faint tabular-nums">
              {t("approvalsCount", { approvals: row.approvals, required: row.requiredApprovals })}
            </span>
          ) : null}
        </div>
      </td>
      <OpenLinkCell href={`/withdrawals/${w.id}`}>{waiting ? t("review") : t("open")}</OpenLinkCell>
    </tr>
  );
}

import { WITHDRAWAL_STATUSES, type WithdrawalStatus } from "@exchange/contracts/wallet";
import type { Metadata } from "next";
import { AmountCell } from "@/components/amount-cell";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import {
  AssetFilter,
  ageFilterOf,
  OpenLinkCell,
  overdueRowClass,
  PagedTable,
  QueueCount,
  TimeCell,
  WaitingCell,
  WaitingFilter,
} from "@/components/review/queue-parts";
import { RiskFlags, WithdrawalStatusBadge } from "@/components/withdrawals/withdrawal-badges";
import { hrefWith, pageParam, paramOf, type SearchParams } from "@/lib/search-params";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Withdrawals" };

const PAGE_SIZE = 50;
type StatusFilter = WithdrawalStatus | "ALL";
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: "PENDING_APPROVAL", label: "Pending approval" },
  { value: "APPROVED", label: "Approved" },
  { value: "BROADCAST", label: "Broadcast" },
  { value: "CONFIRMED", label: "Confirmed" },
  { value: "REJECTED", label: "Rejected" },
  { value: "CANCELLED", label: "Cancelled" },
  { value: "FAILED", label: "Failed" },
  { value: "ALL", label: "All statuses" },
];
const AMOUNT = /^(\d+(\.\d*)?|\.\d+)$/;

const COLUMNS = [
  { header: "Waiting" },
  { header: "Requested (UTC)" },
  { header: "Trader" },
  { header: "Amount", align: "right" },
  { header: "Destination" },
  { header: "Risk" },
  { header: "Status" },
  { header: "" },
] as const;

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

export default async function WithdrawalsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
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
  const section = SECTION_PAGES.withdrawals;
  const hrefOf = (page: number) =>
    hrefWith("/withdrawals", {
      status: filters.status === "PENDING_APPROVAL" ? undefined : filters.status,
      asset: filters.asset || undefined,
      min: filters.min || undefined,
      max: filters.max || undefined,
      age: filters.age === "any" ? undefined : filters.age,
      page: page === 1 ? undefined : page,
    });
  const statusLabel = STATUS_OPTIONS.find((o) => o.value === filters.status)?.label ?? "";
  return (
    <PageBody>
      <PageHeader
        title="Withdrawals"
        description={section.description}
        aside={
          <QueueCount count={queue.total} label={statusLabel.toLowerCase()} testId="queue-total" />
        }
      />
      <FilterBar action="/withdrawals" label="Filter withdrawals">
        <FilterSelect
          label="Status"
          name="status"
          value={filters.status}
          options={STATUS_OPTIONS}
        />
        <AssetFilter value={filters.asset} />
        <FilterInput
          label="Amount from"
          name="min"
          value={filters.min}
          placeholder="0"
          width="w-28"
        />
        <FilterInput
          label="Amount to"
          name="max"
          value={filters.max}
          placeholder="any"
          width="w-28"
        />
        <WaitingFilter value={filters.age} />
      </FilterBar>
      <PagedTable
        caption="Withdrawals"
        columns={COLUMNS}
        rows={queue.rows.map((row) => <QueueRow key={row.withdrawal.id} row={row} now={now} />)}
        empty={
          <EmptyState section="withdrawals" title={section.emptyTitle} hint={section.emptyHint} />
        }
        pagerLabel="Withdrawal pages"
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
  const w = row.withdrawal;
  const waiting = w.status === "PENDING_APPROVAL";
  return (
    <tr
      data-testid="withdrawal-row"
      data-id={w.id}
      className={overdueRowClass(w.createdAt, waiting, now)}
    >
      <WaitingCell since={w.createdAt} waiting={waiting} now={now} />
      <TimeCell at={w.createdAt} />
      <td className="max-w-56 px-4 py-1.5">
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="truncate text-ink">{row.email}</span>
          <span className="text-xs text-ink-faint tabular-nums">#{row.userId}</span>
        </div>
      </td>
      <AmountCell value={w.amount} unit={w.asset} />
      <td className="max-w-44 px-4">
        <span className="block truncate font-mono text-xs text-ink-muted" title={w.address}>
          {w.address}
        </span>
      </td>
      <td className="px-4 py-1.5">
        <RiskFlags flags={row.riskFlags} />
      </td>
      <td className="px-4 py-1.5 whitespace-nowrap">
        <div className="flex flex-col items-start gap-0.5">
          <WithdrawalStatusBadge status={w.status} />
          {waiting ? (
            <span className="text-[11px] text-ink-faint tabular-nums">
              {row.approvals}/{row.requiredApprovals} approvals
            </span>
          ) : null}
        </div>
      </td>
      <OpenLinkCell href={`/withdrawals/${w.id}`}>{waiting ? "Review" : "Open"}</OpenLinkCell>
    </tr>
  );
}

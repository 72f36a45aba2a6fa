import type { Metadata } from "next";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { DepositActions } from "@/components/deposits/deposit-actions";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { AssetFilter, QueueCount, TimeCell } from "@/components/review/queue-parts";
import { paramOf, type SearchParams } from "@/lib/search-params";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Deposits" };

const STATUSES = [
  "CONFIRMING",
  "BELOW_MINIMUM",
  "HELD",
  "CREDITED",
  "DROPPED",
  "REJECTED",
] as const;
type Status = (typeof STATUSES)[number];

const STATUS_LABELS: Record<Status, string> = {
  CONFIRMING: "Confirming",
  BELOW_MINIMUM: "Below minimum",
  HELD: "Held",
  CREDITED: "Credited",
  DROPPED: "Dropped",
  REJECTED: "Refused",
};

const FLAG_LABELS: Record<string, string> = {
  large_amount: "Large amount",
  blocklisted_sender: "Blocklisted sender",
  engine_refused: "Engine refused",
};

const COLUMNS = [
  { header: "Found (UTC)" },
  { header: "Trader" },
  { header: "Amount", align: "right" },
  { header: "From / transaction" },
  { header: "Flags" },
  { header: "Status" },
  { header: "" },
] as const;

function filtersOf(params: SearchParams) {
  const status = paramOf(params, "status").toUpperCase();
  const asset = paramOf(params, "asset").toUpperCase();
  const flagged = paramOf(params, "flagged");
  return {
    status: (STATUSES.includes(status as Status) ? status : "") as Status | "",
    asset: /^[A-Z0-9]{1,12}$/.test(asset) ? asset : "",
    flagged: flagged === "yes" ? "yes" : flagged === "no" ? "no" : "",
  };
}

export default async function DepositsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireSection("deposits", "/deposits");
  // Deciding moves money: FINANCE itself, not ADMIN alone (the API refuses the same).
  const canDecide = staff.roles.includes("FINANCE");
  const filters = filtersOf(await searchParams);
  const api = await adminApi();
  const page = await loadForPage(() =>
    api.finance.deposits.list({
      status: filters.status || undefined,
      asset: filters.asset || undefined,
      flagged: filters.flagged === "" ? undefined : filters.flagged === "yes",
      limit: 100,
    }),
  );
  const section = SECTION_PAGES.deposits;
  const waiting = page.deposits.filter(
    (d) => d.status === "HELD" || (d.reorgedAfterCredit && d.reviewedAt === null),
  ).length;
  return (
    <PageBody>
      <PageHeader
        title="Deposits"
        description={section.description}
        aside={<QueueCount count={waiting} label="need a decision" testId="deposits-waiting" />}
      />
      <FilterBar action="/deposits" label="Filter deposits">
        <FilterSelect
          label="Status"
          name="status"
          value={filters.status}
          options={[
            { value: "", label: "All statuses" },
            ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <AssetFilter value={filters.asset} />
        <FilterSelect
          label="Flags"
          name="flagged"
          value={filters.flagged}
          options={[
            { value: "", label: "Flagged or not" },
            { value: "yes", label: "Flagged only" },
            { value: "no", label: "Not flagged" },
          ]}
        />
      </FilterBar>
      <DataTable
        caption="Deposits, newest first"
        columns={COLUMNS}
        rows={page.deposits.map((d) => <DepositRow key={d.id} deposit={d} canDecide={canDecide} />)}
        empty={
          <EmptyState section="deposits" title={section.emptyTitle} hint={section.emptyHint} />
        }
      />
      {page.nextBeforeId === null ? null : (
        <p className="text-xs text-ink-faint">
          Showing the newest 100. Narrow the filters to see older deposits.
        </p>
      )}
    </PageBody>
  );
}

type Deposit = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["finance"]["deposits"]["list"]>
>["deposits"][number];

function DepositRow({ deposit: d, canDecide }: { deposit: Deposit; canDecide: boolean }) {
  const reorgOpen = d.reorgedAfterCredit && d.reviewedAt === null;
  const needsDecision = canDecide && (d.status === "HELD" || reorgOpen);
  return (
    <tr
      data-testid="deposit-row"
      data-status={d.status}
      className={needsDecision ? "bg-warn/[0.04] shadow-[inset_2px_0_0_var(--color-warn)]" : ""}
    >
      <TimeCell at={d.createdAt} first />
      <td className="px-4 whitespace-nowrap tabular-nums">#{d.userId}</td>
      <AmountCell value={d.amount} unit={d.asset} />
      <td className="max-w-56 px-4 py-1.5">
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="truncate font-mono text-xs text-ink" title={d.fromAddress}>
            {d.fromAddress}
          </span>
          <span className="truncate font-mono text-[11px] text-ink-faint" title={d.txHash}>
            {d.txHash} · block {d.blockNumber}
          </span>
        </div>
      </td>
      <td className="px-4 py-1.5">
        <span className="flex flex-wrap gap-1">
          {d.flags.map((flag) => (
            <Flag key={flag} tone="warn">
              {FLAG_LABELS[flag] ?? flag}
            </Flag>
          ))}
          {d.reorgedAfterCredit ? <Flag tone="down">Reorganised after credit</Flag> : null}
          {d.flags.length === 0 && !d.reorgedAfterCredit ? (
            <span className="text-ink-faint">—</span>
          ) : null}
        </span>
      </td>
      <td className="px-4 py-1.5 whitespace-nowrap">
        <div className="flex flex-col leading-tight">
          <span className="text-ink">
            {STATUS_LABELS[d.status]}
            {d.status === "CONFIRMING" ? (
              <span className="text-ink-faint tabular-nums">
                {" "}
                {d.confirmations}/{d.confirmationsRequired}
              </span>
            ) : null}
          </span>
          {d.reviewNote ? (
            <span className="max-w-48 truncate text-[11px] text-ink-faint" title={d.reviewNote}>
              #{d.reviewedBy}: {d.reviewNote}
            </span>
          ) : null}
        </div>
      </td>
      <td className="px-4 text-right">
        {needsDecision ? (
          <DepositActions depositId={d.id} held={d.status === "HELD"} reorged={reorgOpen} />
        ) : null}
      </td>
    </tr>
  );
}

function Flag({ tone, children }: { tone: "warn" | "down"; children: string }) {
  const look =
    tone === "warn" ? "bg-warn/10 text-warn ring-warn/25" : "bg-down/10 text-down ring-down/25";
  return (
    <span
      data-testid="deposit-flag"
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${look}`}
    >
      {children}
    </span>
  );
}

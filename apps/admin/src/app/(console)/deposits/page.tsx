import { DateTime, timeZoneLabel } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { DepositActions } from "@/components/deposits/deposit-actions";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { AssetFilter, QueueCount } from "@/components/review/queue-parts";
import { paramOf, type SearchParams } from "@/lib/search-params";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("deposits");
  return { title: t("title") };
}

const STATUSES = [
  "CONFIRMING",
  "BELOW_MINIMUM",
  "HELD",
  "CREDITED",
  "DROPPED",
  "REJECTED",
] as const;
type Status = (typeof STATUSES)[number];

/** The flags the watcher raises on a deposit; finance reads them in their own words. */
const FLAGS = ["large_amount", "blocklisted_sender", "engine_refused"] as const;
type Flag = (typeof FLAGS)[number];
const isFlag = (flag: string): flag is Flag => FLAGS.includes(flag as Flag);

async function columnsOf(canDecide: boolean) {
  const t = await getTranslations("deposits.columns");
  const zone = timeZoneLabel(await getTimeZone(), await getLocale());
  return [
    { header: t("found", { zone }) },
    { header: t("trader") },
    { header: t("amount"), align: "right" },
    { header: t("from") },
    { header: t("flags") },
    { header: t("status") },
    { header: canDecide ? t("decision") : "", align: "right" },
  ] as const;
}

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

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route(props: { searchParams: Promise<SearchParams> }) {
  await requireSection("deposits", "/deposits");
  return (
    <Suspense fallback={<PageLoading message="deposits.loading" />}>
      <DepositsPage {...props} />
    </Suspense>
  );
}

async function DepositsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
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
  const t = await getTranslations("deposits");
  const filtered = filters.status !== "" || filters.asset !== "" || filters.flagged !== "";
  const waiting = page.deposits.filter(
    (d) => d.status === "HELD" || (d.reorgedAfterCredit && d.reviewedAt === null),
  ).length;
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={t("description")}
        aside={<QueueCount count={waiting} label={t("needDecision")} testId="deposits-waiting" />}
      />
      <FilterBar action="/deposits" label={t("filters.label")}>
        <FilterSelect
          label={t("filters.status")}
          name="status"
          value={filters.status}
          options={[
            { value: "", label: t("filters.allStatuses") },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <AssetFilter value={filters.asset} />
        <FilterSelect
          label={t("filters.flags")}
          name="flagged"
          value={filters.flagged}
          options={[
            { value: "", label: t("filters.flaggedOrNot") },
            { value: "yes", label: t("filters.flaggedOnly") },
            { value: "no", label: t("filters.notFlagged") },
          ]}
        />
      </FilterBar>
      <DataTable
        caption={t("caption")}
        columns={await columnsOf(canDecide)}
        rows={page.deposits.map((d) => <DepositRow key={d.id} deposit={d} canDecide={canDecide} />)}
        empty={
          <EmptyState
            section="deposits"
            title={filtered ? t("empty.filteredTitle") : t("empty.title")}
            hint={filtered ? t("empty.filteredHint") : t("empty.hint")}
          />
        }
      />
      {page.nextBeforeId === null ? null : (
        <p className="text-xs text-ink-faint">{t("newestOnly")}</p>
      )}
    </PageBody>
  );
}

type Deposit = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["finance"]["deposits"]["list"]>
>["deposits"][number];

function DepositRow({ deposit: d, canDecide }: { deposit: Deposit; canDecide: boolean }) {
  const t = useTranslations("deposits");
  const reorgOpen = d.reorgedAfterCredit && d.reviewedAt === null;
  const needsDecision = canDecide && (d.status === "HELD" || reorgOpen);
  return (
    <tr
      data-testid="deposit-row"
      data-status={d.status}
      className={needsDecision ? "bg-warn/[0.04] shadow-[inset_2px_0_0_var(--color-warn)]" : ""}
    >
      <td className="h-11 px-4 whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={d.createdAt} format="dateTimeBare" />
      </td>
      <td className="px-4 whitespace-nowrap tabular-nums">#{d.userId}</td>
      <AmountCell value={d.amount} unit={d.asset} />
      <td className="max-w-56 px-4 py-1.5">
        <div className="flex min-w-0 flex-col leading-tight">
          <span
            translate="no"
            className="truncate font-mono text-xs text-ink"
            title={d.fromAddress}
          >
            {d.fromAddress}
          </span>
          <span
            translate="no"
            className="truncate font-mono text-[11px] text-ink-faint"
            title={d.txHash}
          >
            {d.txHash} · {t("block", { number: d.blockNumber })}
          </span>
        </div>
      </td>
      <td className="px-4 py-1.5">
        <span className="flex flex-wrap gap-1">
          {d.flags.map((flag) => (
            <Flag key={flag} tone="warn">
              {isFlag(flag) ? t(`flag.${flag}`) : flag}
            </Flag>
          ))}
          {d.reorgedAfterCredit ? <Flag tone="down">{t("flag.reorged")}</Flag> : null}
          {d.flags.length === 0 && !d.reorgedAfterCredit ? (
            <span className="text-ink-faint">—</span>
          ) : null}
        </span>
      </td>
      <td className="px-4 py-1.5 whitespace-nowrap">
        <div className="flex flex-col leading-tight">
          <span className="text-ink">
            {t(`status.${d.status}`)}
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

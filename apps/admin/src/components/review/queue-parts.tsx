import { isKycAgeFilter, KYC_AGE_FILTERS, type KycAgeFilter } from "@exchange/api/client";
import { DateTime } from "@exchange/ui/i18n";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { type Column, DataTable } from "@/components/data-table";
import { FilterSelect } from "@/components/filter-bar";
import { AgeingBadge } from "@/components/kyc/ageing-badge";
import { Pager } from "@/components/pager";
import { paramOf, type SearchParams } from "@/lib/search-params";

/** A waiting item older than this is overdue: its row is marked so it is picked up first. */
const OVERDUE_AFTER_MS = 24 * 3600 * 1000;

/** The page header's badge: how many rows the queue holds, and what they are. */
export function QueueCount({
  count,
  label,
  testId,
}: {
  count: number;
  label: string;
  testId: string;
}) {
  return (
    <span className="rounded-md bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset">
      <span className="font-semibold text-ink tabular-nums" data-testid={testId}>
        {count}
      </span>{" "}
      {label}
    </span>
  );
}

/** The "age" search parameter, falling back to any age when it is missing or unknown. */
export function ageFilterOf(params: SearchParams): KycAgeFilter {
  const age = paramOf(params, "age");
  return isKycAgeFilter(age) ? age : "any";
}

/** Filters a queue by how long its items have waited. */
export function WaitingFilter({ value }: { value: KycAgeFilter }) {
  const t = useTranslations("common.queue");
  return (
    <FilterSelect
      label={t("waiting")}
      name="age"
      value={value}
      options={(Object.keys(KYC_AGE_FILTERS) as KycAgeFilter[]).map((age) => ({
        value: age,
        label: t(`ageFilters.${age}`),
      }))}
    />
  );
}

/** Filters a finance queue by the assets the wallet holds. */
export function AssetFilter({ value }: { value: string }) {
  const t = useTranslations("common.queue");
  return (
    <FilterSelect
      label={t("asset")}
      name="asset"
      value={value}
      options={[
        { value: "", label: t("allAssets") },
        { value: "ETH", label: "ETH" },
        { value: "USDT", label: "USDT" },
      ]}
    />
  );
}

/** The row class that marks a waiting item as overdue (a red edge), or none. */
export function overdueRowClass(since: Date, waiting: boolean, now: Date): string {
  const overdue = waiting && now.getTime() - since.getTime() >= OVERDUE_AFTER_MS;
  return overdue ? "bg-down/[0.04] shadow-[inset_2px_0_0_var(--color-down)]" : "";
}

/** The first cell of a queue row: how long a waiting item has waited, a dash once decided. */
export function WaitingCell({ since, waiting, now }: { since: Date; waiting: boolean; now: Date }) {
  return (
    <td className="h-11 px-4 whitespace-nowrap">
      {waiting ? (
        <AgeingBadge since={since} now={now} />
      ) : (
        <span className="text-ink-faint">—</span>
      )}
    </td>
  );
}

/**
 * When the item arrived, in the viewer's zone (or UTC as staff chose); the column's header names
 * the zone (`zoneLabel()`). `first` gives it the row height when it leads the row.
 */
export function TimeCell({ at, first = false }: { at: Date; first?: boolean }) {
  return (
    <td className={`${first ? "h-11 " : ""}px-4 whitespace-nowrap text-ink-muted tabular-nums`}>
      <DateTime at={at} format="dateTimeBare" />
    </td>
  );
}

/** The last cell of a queue row: the way into the item's detail page. */
export function OpenLinkCell({ href, children }: { href: string; children: ReactNode }) {
  return (
    <td className="px-4 text-right">
      <Link
        href={href}
        className="inline-flex min-h-10 items-center text-xs font-medium whitespace-nowrap text-brand hover:text-brand-hover"
      >
        {children}
      </Link>
    </td>
  );
}

/** A queue's table and, under it, the pager; `hrefOf(page)` keeps the queue's filters. */
export function PagedTable({
  caption,
  columns,
  rows,
  empty,
  pagerLabel,
  page,
  pageSize,
  total,
  hrefOf,
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly ReactNode[];
  empty: ReactNode;
  pagerLabel: string;
  page: number;
  pageSize: number;
  total: number;
  hrefOf: (page: number) => string;
}) {
  return (
    <>
      <DataTable caption={caption} columns={columns} rows={rows} empty={empty} />
      <Pager label={pagerLabel} page={page} pageSize={pageSize} total={total} hrefOf={hrefOf} />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("feeIncome");
  return { title: t("title") };
}

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 7;

type SearchParams = Record<string, string | string[] | undefined>;

/** The days asked for in the address, or the last week up to today (UTC). */
function rangeOf(params: SearchParams): { from: string; to: string } {
  const day = (value: unknown) =>
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  const to = day(params.to) ?? new Date().toISOString().slice(0, 10);
  const from =
    day(params.from) ??
    new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS)
      .toISOString()
      .slice(0, 10);
  return { from, to };
}

/** Fees earned and rebates paid per market and UTC day, in each fee asset. */
export default async function FeeIncomePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSection("feeIncome", "/fee-income");
  const range = rangeOf(await searchParams);
  const api = await adminApi();
  const [rows, t, nav] = await Promise.all([
    loadForPage(() => api.fees.income(range)),
    getTranslations("feeIncome"),
    getTranslations("nav.sections.feeIncome"),
  ]);
  const right = "right" as const;
  return (
    <PageBody>
      <PageHeader title={t("title")} description={nav("description")} />
      <FilterBar action="/fee-income" label={t("filters")}>
        <FilterInput label={t("from")} name="from" type="date" value={range.from} />
        <FilterInput label={t("to")} name="to" type="date" value={range.to} />
      </FilterBar>
      <div className="mt-4">
        <DataTable
          caption={t("caption")}
          columns={[
            { header: t("day") },
            { header: t("market") },
            { header: t("asset") },
            { header: t("trades"), align: right },
            { header: t("makerFees"), align: right },
            { header: t("takerFees"), align: right },
            { header: t("rebates"), align: right },
            { header: t("net"), align: right },
          ]}
          empty={
            <EmptyState section="feeIncome" title={nav("emptyTitle")} hint={nav("emptyHint")} />
          }
          rows={rows.map((row) => (
            <tr key={`${row.day}-${row.symbol}-${row.asset}`} data-testid="fee-income-row">
              <th
                scope="row"
                className="h-11 px-4 text-left font-normal whitespace-nowrap tabular-nums"
              >
                {row.day}
              </th>
              <td className="px-4 font-mono text-ink">{row.symbol}</td>
              <td className="px-4 text-ink-muted">{row.asset}</td>
              <td className="px-4 text-right tabular-nums">{row.trades}</td>
              <AmountCell value={row.makerFees} unit={row.asset} />
              <AmountCell value={row.takerFees} unit={row.asset} />
              <AmountCell value={row.rebates} unit={row.asset} />
              <AmountCell value={row.net} unit={row.asset} />
            </tr>
          ))}
        />
      </div>
    </PageBody>
  );
}

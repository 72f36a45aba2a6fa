import { formatRate } from "@exchange/contracts/money";
import { DateTime, formatDecimalText } from "@exchange/ui/i18n";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { QueueCount } from "@/components/review/queue-parts";
import { RiskNav } from "@/components/risk/risk-nav";
import { MarginRatioText, SideBadge, SignedAmountCell } from "@/components/risk/risk-parts";
import type { RiskContract, RiskPosition } from "@/components/risk/risk-types";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("risk");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The contract asked for in the address, if it is one the view lists. */
function symbolOf(params: SearchParams, contracts: readonly RiskContract[]): string | undefined {
  const symbol = typeof params.symbol === "string" ? params.symbol : undefined;
  return contracts.some((c) => c.symbol === symbol) ? symbol : undefined;
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("risk", "/risk");
  return (
    <Suspense fallback={<PageLoading message="risk.loading" />}>
      <RiskPage params={await searchParams} />
    </Suspense>
  );
}

async function RiskPage({ params }: { params: SearchParams }) {
  const api = await adminApi();
  const contracts = await loadForPage(() => api.derivatives.risk.contracts());
  const symbol = symbolOf(params, contracts);
  const book = await loadForPage(() => api.derivatives.risk.positions({ symbol, limit: 100 }));
  const [t, nav] = await Promise.all([getTranslations("risk"), getTranslations("nav.sections")]);
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={nav("risk.description")}
        aside={<QueueCount count={book.total} label={t("openPositions")} testId="risk-total" />}
      />
      <RiskNav current="positions" />
      <ContractsTable contracts={contracts} />
      <section aria-labelledby="risk-positions" className="flex flex-col gap-3">
        <h2 id="risk-positions" className="text-[15px] font-semibold text-ink">
          {t("positions.title")}
        </h2>
        <FilterBar action="/risk" label={t("filters")}>
          <FilterSelect
            label={t("contract")}
            name="symbol"
            value={symbol ?? ""}
            options={[
              { value: "", label: t("allContracts") },
              ...contracts.map((c) => ({ value: c.symbol, label: c.symbol, code: true })),
            ]}
          />
        </FilterBar>
        <PositionsTable positions={book.positions} />
        {book.total > book.positions.length ? (
          <p className="text-xs text-ink-muted">
            {t("positions.shownOf", { shown: book.positions.length, total: book.total })}
          </p>
        ) : null}
      </section>
    </PageBody>
  );
}

async function ContractsTable({ contracts }: { contracts: readonly RiskContract[] }) {
  const t = await getTranslations("risk.contracts");
  const locale = await getLocale();
  const right = "right" as const;
  return (
    <section aria-labelledby="risk-contracts" className="flex flex-col gap-3">
      <h2 id="risk-contracts" className="text-[15px] font-semibold text-ink">
        {t("title")}
      </h2>
      <DataTable
        caption={t("caption")}
        columns={[
          { header: t("contract") },
          { header: t("openInterest"), align: right },
          { header: t("mark"), align: right },
          { header: t("index"), align: right },
          { header: t("funding"), align: right },
          { header: t("positions"), align: right },
        ]}
        minWidth="min-w-[820px]"
        empty={<EmptyState section="risk" title={t("emptyTitle")} hint={t("emptyHint")} />}
        rows={contracts.map((c) => (
          <tr key={c.symbol} data-testid="risk-contract" data-symbol={c.symbol}>
            <th scope="row" className="h-11 px-4 text-left font-mono font-normal text-ink">
              {c.symbol}
            </th>
            <td
              className="px-4 text-right whitespace-nowrap tabular-nums"
              data-testid="open-interest"
            >
              <span className="block text-ink">
                {formatDecimalText(c.openInterest, locale)}
                <span className="ml-1 text-xs text-ink-faint">{c.baseAsset}</span>
              </span>
              <span className="block text-xs text-ink-faint">
                {c.openInterestNotional === null
                  ? "—"
                  : `${formatDecimalText(c.openInterestNotional, locale)} ${c.settleAsset}`}
              </span>
            </td>
            {c.markPrice === null ? (
              <td className="px-4 text-right text-ink-faint">{t("noMark")}</td>
            ) : (
              <AmountCell value={c.markPrice} unit={c.settleAsset} />
            )}
            {c.indexPrice === null ? (
              <td className="px-4 text-right text-ink-faint">—</td>
            ) : (
              <AmountCell value={c.indexPrice} unit={c.settleAsset} />
            )}
            <td className="px-4 text-right whitespace-nowrap tabular-nums">
              <span className="block text-ink">
                {c.lastFundingRate === null ? "—" : formatRate(c.lastFundingRate, 4)}
              </span>
              <span className="block text-xs text-ink-faint">
                {t("next")} <DateTime at={new Date(c.nextFundingTime)} />
              </span>
            </td>
            <td className="px-4 text-right whitespace-nowrap tabular-nums">
              {t("longShort", { long: c.longPositions, short: c.shortPositions })}
            </td>
          </tr>
        ))}
      />
    </section>
  );
}

async function PositionsTable({ positions }: { positions: readonly RiskPosition[] }) {
  const t = await getTranslations("risk.positions");
  const locale = await getLocale();
  const right = "right" as const;
  return (
    <DataTable
      caption={t("caption")}
      columns={[
        { header: t("trader") },
        { header: t("ratio"), align: right },
        { header: t("position") },
        { header: t("entryMark"), align: right },
        { header: t("liquidation"), align: right },
        { header: t("margin"), align: right },
        { header: t("pnl"), align: right },
      ]}
      minWidth="min-w-[960px]"
      empty={<EmptyState section="risk" title={t("emptyTitle")} hint={t("emptyHint")} />}
      rows={positions.map((p) => (
        <tr
          key={`${p.symbol}-${p.userId}`}
          data-testid="risk-position"
          data-user-id={p.userId}
          data-ratio-ppm={p.marginRatioPpm ?? ""}
        >
          <td className="px-4 py-1.5" title={`${p.email} (#${p.userId})`}>
            <span className="block max-w-48 truncate text-ink" translate="no">
              {p.email}
            </span>
            <span className="text-xs text-ink-faint tabular-nums">#{p.userId}</span>
          </td>
          <td className="px-4 py-1.5 text-right whitespace-nowrap">
            <MarginRatioText percent={p.marginRatioPercent} ppm={p.marginRatioPpm} />
          </td>
          <td className="px-4 py-1.5 whitespace-nowrap">
            <span className="flex items-center gap-2">
              <SideBadge side={p.side} />
              <span className="text-ink tabular-nums">{formatDecimalText(p.size, locale)}</span>
            </span>
            <span className="block text-xs text-ink-faint">
              <span translate="no">{p.symbol}</span> ·{" "}
              {t(p.mode === "isolated" ? "modeIsolated" : "modeCross", { leverage: p.leverage })}
            </span>
          </td>
          <td className="px-4 py-1.5 text-right whitespace-nowrap tabular-nums">
            <span className="block text-ink">
              {p.entryPrice === null ? "—" : formatDecimalText(p.entryPrice, locale)}
            </span>
            <span className="block text-xs text-ink-faint">
              {p.markPrice === null ? "—" : formatDecimalText(p.markPrice, locale)}
            </span>
          </td>
          <td className="px-4 py-1.5 text-right whitespace-nowrap tabular-nums">
            {p.liquidationPrice === null ? "—" : formatDecimalText(p.liquidationPrice, locale)}
          </td>
          <td className="px-4 py-1.5 text-right whitespace-nowrap tabular-nums">
            <span className="block text-ink">
              {formatDecimalText(p.margin, locale)}
              <span className="ml-1 text-xs text-ink-faint">{p.settleAsset}</span>
            </span>
            <span className="block text-xs text-ink-faint">
              {t("maintenance", { amount: formatDecimalText(p.maintenanceMargin, locale) })}
            </span>
          </td>
          <SignedAmountCell value={p.unrealisedPnl} unit={p.settleAsset} testId="position-pnl" />
        </tr>
      ))}
    />
  );
}

import { DateTime, formatDecimalText, timeZoneLabel } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { type ReactNode, Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("reconciliation");
  return { title: t("title") };
}

type Report = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["reconciliation"]["list"]>
>[number];

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("reconciliation", "/reconciliation");
  return (
    <Suspense fallback={<PageLoading message="reconciliation.loading" />}>
      <ReconciliationPage />
    </Suspense>
  );
}

async function ReconciliationPage() {
  await requireSection("reconciliation", "/reconciliation");
  const api = await adminApi();
  const reports = await loadForPage(() => api.reconciliation.list({ limit: 20 }));
  const t = await getTranslations("reconciliation");
  const zone = timeZoneLabel(await getTimeZone(), await getLocale());
  const latest = reports[0];
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      {latest ? <LatestReport report={latest} /> : null}
      <DataTable
        caption={t("caption")}
        columns={[
          { header: t("columns.finished", { zone }) },
          { header: t("columns.provedSeq"), align: "right" },
          { header: t("columns.engineSeq"), align: "right" },
          { header: t("columns.result") },
          { header: t("columns.chain") },
          { header: t("columns.differences"), align: "right" },
          { header: t("columns.took"), align: "right" },
        ]}
        empty={
          <EmptyState section="reconciliation" title={t("emptyTitle")} hint={t("emptyHint")} />
        }
        rows={reports.map((report) => (
          <tr key={report.id} data-testid="reconciliation-row">
            <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
              <DateTime at={report.finishedAt} format="dateTimeBare" />
            </td>
            <td className="px-4 text-right tabular-nums">{report.seq.toString()}</td>
            <td className="px-4 text-right text-ink-muted tabular-nums">
              {report.engineSeq?.toString() ?? "—"}
            </td>
            <td className="px-4">
              <ResultBadge ok={report.ok} />
            </td>
            <td className="px-4">
              {report.chain ? <ChainBadge shortfall={report.chainShortfall} /> : "—"}
            </td>
            <td className="px-4 text-right tabular-nums">{report.differences.length}</td>
            <td className="px-4 text-right text-ink-muted tabular-nums">
              {t("took", { ms: report.finishedAt.getTime() - report.startedAt.getTime() })}
            </td>
          </tr>
        ))}
      />
    </PageBody>
  );
}

/** The newest report in full: its per-asset totals and every difference it found. */
function LatestReport({ report }: { report: Report }) {
  const t = useTranslations("reconciliation");
  const locale = useLocale();
  const num = (chunks: ReactNode) => <span className="text-ink tabular-nums">{chunks}</span>;
  const when = () => <DateTime at={report.finishedAt} />;
  return (
    <section aria-label={t("latest.label")} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-surface px-4 py-3">
        <ResultBadge ok={report.ok} />
        {report.chain ? <ChainBadge shortfall={report.chainShortfall} /> : null}
        <p className="text-[13px] text-ink-muted">
          {report.engineSeq === null
            ? t.rich("latest.proved", { seq: report.seq.toString(), num, when })
            : t.rich("latest.provedWithEngine", {
                seq: report.seq.toString(),
                engineSeq: report.engineSeq.toString(),
                num,
                when,
              })}{" "}
          {report.ok
            ? t("latest.ok")
            : report.failure
              ? t("latest.behind")
              : t("latest.differences", { count: report.differences.length })}
          {report.chainShortfall ? ` ${t("latest.shortfall")}` : null}
        </p>
      </div>
      {report.failure ? (
        <p
          role="alert"
          data-testid="reconciliation-failure"
          className="rounded-lg border border-down/40 bg-down/10 px-4 py-3 text-[13px] text-down"
        >
          {report.failure}
        </p>
      ) : null}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(180px,1fr))] gap-3">
        {report.assetTotals.map(({ asset, total }) => (
          <div
            key={asset}
            data-testid="asset-total"
            className="rounded-lg border border-line bg-surface px-4 py-3"
          >
            <p className="text-xs text-ink-faint">{t("latest.postingsSum", { asset })}</p>
            <p
              className={`mt-1 text-lg font-semibold tabular-nums ${
                total === "0" ? "text-ink" : "text-down"
              }`}
            >
              {formatDecimalText(total, locale)}
            </p>
          </div>
        ))}
      </div>
      {report.chain ? <ChainHoldings chain={report.chain} /> : null}
      {report.differences.length > 0 ? (
        <DataTable
          caption={t("differences.caption")}
          columns={[
            { header: t("differences.check") },
            { header: t("differences.asset") },
            { header: t("differences.account") },
            { header: t("differences.expected"), align: "right" },
            { header: t("differences.actual"), align: "right" },
          ]}
          empty={null}
          rows={report.differences.map((d, index) => (
            // Differences have no identity of their own; their order is the report's.
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored report never reorders.
            <tr key={index} data-testid="reconciliation-difference">
              <td className="h-10 px-4">{t(`differences.kind.${d.kind}`)}</td>
              <td className="px-4 font-semibold">{d.asset}</td>
              <td className="px-4 text-ink-muted">
                {d.userId === null
                  ? (d.account ?? "—")
                  : t("differences.user", { id: d.userId, account: d.account ?? "" })}
              </td>
              <AmountCell value={d.expected} unit={d.asset} />
              <AmountCell value={d.actual} unit={d.asset} />
            </tr>
          ))}
        />
      ) : null}
    </section>
  );
}

function ResultBadge({ ok }: { ok: boolean }) {
  const t = useTranslations("reconciliation.badge");
  const look = ok ? "bg-up/10 text-up ring-up/25" : "bg-down/10 text-down ring-down/25";
  return (
    <span
      data-testid="reconciliation-result"
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${look}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {ok ? t("balanced") : t("differences")}
    </span>
  );
}

/**
 * The chain against the books: what the hot wallet and users' deposit addresses hold, what users
 * are owed, and the difference. A surplus is the exchange's own funds and dust; a shortfall needs
 * attention.
 */
function ChainHoldings({ chain }: { chain: NonNullable<Report["chain"]> }) {
  const t = useTranslations("reconciliation.chain");
  const locale = useLocale();
  return (
    <section aria-label={t("label")} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 className="text-[13px] font-semibold text-ink">{t("heading")}</h2>
        <p className="text-xs text-ink-faint">{t("explain", { chain: chain.chainKey })}</p>
      </div>
      {chain.error ? (
        <p
          role="alert"
          className="rounded-lg border border-warn/40 bg-warn/10 px-4 py-3 text-[13px] text-warn"
        >
          {chain.error}
        </p>
      ) : (
        <DataTable
          caption={t("caption")}
          // The difference first after the asset: on a phone it is what shows before the table
          // scrolls.
          columns={[
            { header: t("asset") },
            { header: t("difference"), align: "right" },
            { header: t("onChain"), align: "right" },
            { header: t("owed"), align: "right" },
            { header: t("hotWallet"), align: "right" },
            { header: t("depositAddresses"), align: "right" },
            { header: t("inFlight"), align: "right" },
          ]}
          minWidth="min-w-[900px]"
          empty={null}
          rows={chain.assets.map((a) => (
            <tr key={a.asset} data-testid="chain-holding" data-asset={a.asset}>
              <td className="h-10 px-4 font-semibold">{a.asset}</td>
              <td
                data-testid="chain-difference"
                className={`px-4 text-right whitespace-nowrap tabular-nums ${
                  a.shortfall ? "font-semibold text-down" : "text-up"
                }`}
              >
                {formatDecimalText(a.difference, locale)}{" "}
                <span className="text-xs font-normal">
                  {a.shortfall ? t("shortfall") : t("surplus")}
                </span>
              </td>
              <AmountCell value={a.onChain} />
              <AmountCell value={a.liabilities} />
              <AmountCell value={a.hotWallet} />
              <AmountCell value={a.depositAddresses} />
              <AmountCell value={a.inFlight} />
            </tr>
          ))}
        />
      )}
    </section>
  );
}

function ChainBadge({ shortfall }: { shortfall: boolean }) {
  const t = useTranslations("reconciliation.badge");
  const look = shortfall ? "bg-down/10 text-down ring-down/25" : "bg-up/10 text-up ring-up/25";
  return (
    <span
      data-testid="reconciliation-chain"
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${look}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {shortfall ? t("chainShortfall") : t("chainCovers")}
    </span>
  );
}

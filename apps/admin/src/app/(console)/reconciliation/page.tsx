import { groupThousands } from "@exchange/contracts/money";
import type { Metadata } from "next";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { SECTION_PAGES } from "@/lib/section-pages";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Reconciliation" };

type Report = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["reconciliation"]["list"]>
>[number];

const REPORT_COLUMNS = [
  { header: "Finished (UTC)" },
  { header: "Proved seq", align: "right" },
  { header: "Engine seq", align: "right" },
  { header: "Result" },
  { header: "Chain" },
  { header: "Differences", align: "right" },
  { header: "Took", align: "right" },
] as const;

const DIFFERENCE_COLUMNS = [
  { header: "Check" },
  { header: "Asset" },
  { header: "Account" },
  { header: "Expected", align: "right" },
  { header: "Actual", align: "right" },
] as const;

// The difference first after the asset: on a phone it is what shows before the table scrolls.
const CHAIN_COLUMNS = [
  { header: "Asset" },
  { header: "Difference", align: "right" },
  { header: "On chain", align: "right" },
  { header: "Owed to users", align: "right" },
  { header: "Hot wallet", align: "right" },
  { header: "Deposit addresses", align: "right" },
  { header: "Sent, not settled", align: "right" },
] as const;

const CHECK_LABELS: Record<Report["differences"][number]["kind"], string> = {
  "ledger-not-zero": "Postings do not sum to zero",
  "balance-vs-postings": "Balance ≠ its postings",
  "projection-vs-engine": "Projection ≠ engine state",
};

export default async function ReconciliationPage() {
  await requireSection("reconciliation", "/reconciliation");
  const api = await adminApi();
  const reports = await loadForPage(() => api.reconciliation.list({ limit: 20 }));
  const section = SECTION_PAGES.reconciliation;
  const latest = reports[0];
  return (
    <PageBody>
      <PageHeader title="Reconciliation" description={section.description} />
      {latest ? <LatestReport report={latest} /> : null}
      <DataTable
        caption="Recent reconciliation reports"
        columns={REPORT_COLUMNS}
        empty={
          <EmptyState
            section="reconciliation"
            title={section.emptyTitle}
            hint={section.emptyHint}
          />
        }
        rows={reports.map((report) => (
          <tr key={report.id} data-testid="reconciliation-row">
            <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
              {formatUtc(report.finishedAt).replace(" UTC", "")}
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
              {report.finishedAt.getTime() - report.startedAt.getTime()} ms
            </td>
          </tr>
        ))}
      />
    </PageBody>
  );
}

/** The newest report in full: its per-asset totals and every difference it found. */
function LatestReport({ report }: { report: Report }) {
  return (
    <section aria-label="Latest report" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-surface px-4 py-3">
        <ResultBadge ok={report.ok} />
        {report.chain ? <ChainBadge shortfall={report.chainShortfall} /> : null}
        <p className="text-[13px] text-ink-muted">
          Latest report proved journal seq{" "}
          <span className="text-ink tabular-nums">{report.seq.toString()}</span>
          {report.engineSeq === null ? null : (
            <>
              {" "}
              (engine at <span className="tabular-nums">{report.engineSeq.toString()}</span>)
            </>
          )}
          , finished {formatUtc(report.finishedAt)}.{" "}
          {report.ok
            ? "Every asset's postings sum to zero and every balance matches the engine."
            : report.failure
              ? "The read models are too far behind the engine to prove the books now."
              : `${report.differences.length} difference(s) need attention.`}
          {report.chainShortfall
            ? " The chain holds less than users are owed: this needs attention."
            : null}
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
            <p className="text-xs text-ink-faint">{asset} postings sum</p>
            <p
              className={`mt-1 text-lg font-semibold tabular-nums ${
                total === "0" ? "text-ink" : "text-down"
              }`}
            >
              {total}
            </p>
          </div>
        ))}
      </div>
      {report.chain ? <ChainHoldings chain={report.chain} /> : null}
      {report.differences.length > 0 ? (
        <DataTable
          caption="Differences in the latest report"
          columns={DIFFERENCE_COLUMNS}
          empty={null}
          rows={report.differences.map((d, index) => (
            // Differences have no identity of their own; their order is the report's.
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored report never reorders.
            <tr key={index} data-testid="reconciliation-difference">
              <td className="h-10 px-4">{CHECK_LABELS[d.kind]}</td>
              <td className="px-4 font-semibold">{d.asset}</td>
              <td className="px-4 text-ink-muted">
                {d.userId === null ? (d.account ?? "—") : `user #${d.userId} ${d.account ?? ""}`}
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
  const look = ok ? "bg-up/10 text-up ring-up/25" : "bg-down/10 text-down ring-down/25";
  return (
    <span
      data-testid="reconciliation-result"
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${look}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {ok ? "Balanced" : "Differences"}
    </span>
  );
}

/**
 * The chain against the books: what the hot wallet and users' deposit addresses hold, what users
 * are owed, and the difference. A surplus is the exchange's own funds and dust; a shortfall needs
 * attention.
 */
function ChainHoldings({ chain }: { chain: NonNullable<Report["chain"]> }) {
  return (
    <section aria-label="Chain holdings" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 className="text-[13px] font-semibold text-ink">On chain against what users are owed</h2>
        <p className="text-xs text-ink-faint">
          {chain.chainKey}: the hot wallet plus unswept deposit addresses (rounded down to the
          engine's precision) against users' available and frozen balances, less withdrawals already
          sent on chain and not yet settled. A surplus is the exchange's own funds.
        </p>
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
          caption="Chain holdings in the latest report"
          columns={CHAIN_COLUMNS}
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
                {signedThousands(a.difference)}{" "}
                <span className="text-xs font-normal">{a.shortfall ? "shortfall" : "surplus"}</span>
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

/** "-2,500", "1,200.5": grouped like the other amounts, the sign kept. */
function signedThousands(value: string): string {
  return value.startsWith("-") ? `-${groupThousands(value.slice(1))}` : groupThousands(value);
}

function ChainBadge({ shortfall }: { shortfall: boolean }) {
  const look = shortfall ? "bg-down/10 text-down ring-down/25" : "bg-up/10 text-up ring-up/25";
  return (
    <span
      data-testid="reconciliation-chain"
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${look}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {shortfall ? "Chain shortfall" : "Chain covers users"}
    </span>
  );
}

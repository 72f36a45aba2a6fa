import { groupThousands } from "@exchange/contracts/money";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { HotWalletStateBadge } from "@/components/treasury/hot-wallet-state-badge";
import { SECTION_PAGES } from "@/lib/section-pages";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Hot wallet" };

type Overview = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["finance"]["treasury"]["overview"]>
>;
type Chain = NonNullable<Overview["chain"]>;
type AssetLine = NonNullable<Chain["assets"]>[number];

const ALERT_COLUMNS = [
  { header: "Opened (UTC)" },
  { header: "Asset" },
  { header: "Alert" },
  { header: "What happened" },
  { header: "Resolved (UTC)" },
] as const;

const SWEEP_COLUMNS = [
  { header: "Time (UTC)" },
  { header: "Asset" },
  { header: "User" },
  { header: "Amount", align: "right" },
  { header: "Status" },
  { header: "Transaction" },
] as const;

const ALERT_KINDS: Record<Overview["recentAlerts"][number]["kind"], string> = {
  HOT_WALLET_WARNING: "Below warning line",
  HOT_WALLET_LOW: "Below low line",
  DEPOSIT_REORGED: "Deposit reorganised",
};

const SWEEP_STATUS: Record<Overview["sweeps"][number]["status"], string> = {
  FUNDING: "Funding gas",
  BROADCAST: "Sent",
  CONFIRMED: "Confirmed",
  FAILED: "Failed",
};

const time = (date: Date) => formatUtc(date).replace(" UTC", "");

export default async function TreasuryPage() {
  await requireSection("treasury", "/treasury");
  const api = await adminApi();
  const overview = await loadForPage(() => api.finance.treasury.overview({}));
  const section = SECTION_PAGES.treasury;
  // Open alerts first (they may be older than the recent ones), then the rest, newest first.
  const alerts = [
    ...overview.openAlerts,
    ...overview.recentAlerts.filter((a) => a.resolvedAt !== null),
  ];
  return (
    <PageBody>
      <PageHeader title="Hot wallet" description={section.description} />
      {overview.chain ? (
        <Balances chain={overview.chain} />
      ) : (
        <Notice>
          No chain is configured for this console (CHAIN_RPC_URL, CHAIN_ID, WALLET_XPUB), so there
          is no hot wallet to show.
        </Notice>
      )}
      <section aria-label="Alerts" className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">
          Alerts{" "}
          <span className="font-normal text-ink-faint">{overview.openAlerts.length} open</span>
        </h2>
        {alerts.length === 0 ? (
          <EmptyPanel
            title="No alerts"
            hint="An alert opens when the hot wallet falls below a line or a credited deposit is reorganised away."
          />
        ) : (
          <DataTable
            caption="Open and recent wallet alerts"
            columns={ALERT_COLUMNS}
            minWidth="min-w-[860px]"
            empty={null}
            rows={alerts.map((alert) => (
              <tr
                key={alert.id}
                data-testid="wallet-alert-row"
                data-open={alert.resolvedAt === null}
              >
                <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
                  {time(alert.createdAt)}
                </td>
                <td className="px-4 font-semibold">{alert.assetCode}</td>
                <td className="px-4 whitespace-nowrap">{ALERT_KINDS[alert.kind]}</td>
                <td className="px-4 py-2 text-ink-muted">{alert.message}</td>
                <td className="px-4 whitespace-nowrap tabular-nums">
                  {alert.resolvedAt ? (
                    <span className="text-ink-muted">{time(alert.resolvedAt)}</span>
                  ) : (
                    <span className="font-medium text-down">Open</span>
                  )}
                </td>
              </tr>
            ))}
          />
        )}
      </section>
      <section aria-label="Recent sweeps" className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">Recent sweeps</h2>
        {overview.sweeps.length === 0 ? (
          <EmptyPanel
            title="No sweeps yet"
            hint="Deposited funds are swept from users' deposit addresses to the hot wallet; each sweep is listed here."
          />
        ) : (
          <DataTable
            caption="Recent sweeps from deposit addresses to the hot wallet"
            columns={SWEEP_COLUMNS}
            empty={null}
            rows={overview.sweeps.map((sweep) => (
              <tr key={sweep.id} data-testid="sweep-row">
                <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
                  {time(sweep.createdAt)}
                </td>
                <td className="px-4 font-semibold">{sweep.assetCode}</td>
                <td className="px-4 text-ink-muted tabular-nums">#{sweep.userId}</td>
                <AmountCell value={sweep.amount} unit={sweep.assetCode} />
                <td className="px-4 whitespace-nowrap">{SWEEP_STATUS[sweep.status]}</td>
                <td className="max-w-[16rem] truncate px-4 font-mono text-xs text-ink-muted">
                  {sweep.txHash ?? "—"}
                </td>
              </tr>
            ))}
          />
        )}
      </section>
    </PageBody>
  );
}

/** The hot wallet's address, and each asset's balance against its two lines. */
function Balances({ chain }: { chain: Chain }) {
  return (
    <section aria-label="Balances" className="flex flex-col gap-3">
      <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface px-4 py-3">
        <p className="text-xs text-ink-faint">Hot wallet address on {chain.key}</p>
        <p
          data-testid="hot-wallet-address"
          className="font-mono text-xs break-all text-ink select-all sm:text-[13px]"
        >
          {chain.hotWalletAddress}
        </p>
      </div>
      {chain.assets === null ? (
        <Notice>The chain's node did not answer: balances are unknown right now.</Notice>
      ) : (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {chain.assets.map((asset) => (
            <BalanceCard key={asset.assetCode} asset={asset} />
          ))}
        </div>
      )}
    </section>
  );
}

function BalanceCard({ asset }: { asset: AssetLine }) {
  return (
    <div
      data-testid="hot-wallet-balance"
      data-asset={asset.assetCode}
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface px-4 py-3"
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-[13px] font-semibold text-ink">{asset.assetCode}</p>
        <HotWalletStateBadge state={asset.state} />
      </div>
      <p className="text-2xl font-semibold tracking-tight text-ink tabular-nums">
        {groupThousands(asset.balance)}
        <span className="ml-1.5 text-xs font-normal text-ink-faint">{asset.assetCode}</span>
      </p>
      <dl className="grid grid-cols-2 gap-2 border-t border-line pt-2 text-xs">
        <div>
          <dt className="text-ink-faint">Warning line</dt>
          <dd className="text-ink-muted tabular-nums">{groupThousands(asset.warningLine)}</dd>
        </div>
        <div>
          <dt className="text-ink-faint">Low line</dt>
          <dd className="text-ink-muted tabular-nums">{groupThousands(asset.lowLine)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** An empty list's message in a panel of its own: a wide table would push it off a phone's screen. */
function EmptyPanel({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface">
      <EmptyState section="treasury" title={title} hint={hint} />
    </div>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-line bg-surface px-4 py-3 text-[13px] text-ink-muted">
      {children}
    </p>
  );
}

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
import { HotWalletStateBadge } from "@/components/treasury/hot-wallet-state-badge";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("treasury");
  return { title: t("title") };
}

type Overview = Awaited<
  ReturnType<Awaited<ReturnType<typeof adminApi>>["finance"]["treasury"]["overview"]>
>;
type Chain = NonNullable<Overview["chain"]>;
type AssetLine = NonNullable<Chain["assets"]>[number];

const time = (date: Date) => <DateTime at={date} format="dateTimeBare" />;

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("treasury", "/treasury");
  return (
    <Suspense fallback={<PageLoading message="treasury.loading" />}>
      <TreasuryPage />
    </Suspense>
  );
}

async function TreasuryPage() {
  await requireSection("treasury", "/treasury");
  const api = await adminApi();
  const overview = await loadForPage(() => api.finance.treasury.overview({}));
  const t = await getTranslations("treasury");
  const zone = timeZoneLabel(await getTimeZone(), await getLocale());
  // Open alerts first (they may be older than the recent ones), then the rest, newest first.
  const alerts = [
    ...overview.openAlerts,
    ...overview.recentAlerts.filter((a) => a.resolvedAt !== null),
  ];
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      {overview.chain ? <Balances chain={overview.chain} /> : <Notice>{t("noChain")}</Notice>}
      <section aria-label={t("alerts.heading")} className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">
          {t("alerts.heading")}{" "}
          <span className="font-normal text-ink-faint">
            {t("alerts.open", { count: overview.openAlerts.length })}
          </span>
        </h2>
        {alerts.length === 0 ? (
          <EmptyPanel title={t("alerts.emptyTitle")} hint={t("alerts.emptyHint")} />
        ) : (
          <DataTable
            caption={t("alerts.caption")}
            columns={[
              { header: t("alerts.opened", { zone }) },
              { header: t("alerts.asset") },
              { header: t("alerts.alert") },
              { header: t("alerts.message") },
              { header: t("alerts.resolved", { zone }) },
            ]}
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
                <td className="px-4 whitespace-nowrap">{t(`alerts.kind.${alert.kind}`)}</td>
                <td className="px-4 py-2 text-ink-muted">{alert.message}</td>
                <td className="px-4 whitespace-nowrap tabular-nums">
                  {alert.resolvedAt ? (
                    <span className="text-ink-muted">{time(alert.resolvedAt)}</span>
                  ) : (
                    <span className="font-medium text-down">{t("alerts.stillOpen")}</span>
                  )}
                </td>
              </tr>
            ))}
          />
        )}
      </section>
      <section aria-label={t("sweeps.heading")} className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">{t("sweeps.heading")}</h2>
        {overview.sweeps.length === 0 ? (
          <EmptyPanel title={t("sweeps.emptyTitle")} hint={t("sweeps.emptyHint")} />
        ) : (
          <DataTable
            caption={t("sweeps.caption")}
            columns={[
              { header: t("sweeps.time", { zone }) },
              { header: t("sweeps.asset") },
              { header: t("sweeps.user") },
              { header: t("sweeps.amount"), align: "right" },
              { header: t("sweeps.status") },
              { header: t("sweeps.transaction") },
            ]}
            empty={null}
            rows={overview.sweeps.map((sweep) => (
              <tr key={sweep.id} data-testid="sweep-row">
                <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
                  {time(sweep.createdAt)}
                </td>
                <td className="px-4 font-semibold">{sweep.assetCode}</td>
                <td className="px-4 text-ink-muted tabular-nums">#{sweep.userId}</td>
                <AmountCell value={sweep.amount} unit={sweep.assetCode} />
                <td className="px-4 whitespace-nowrap">{t(`sweeps.statusName.${sweep.status}`)}</td>
                <td
                  translate="no"
                  className="max-w-[16rem] truncate px-4 font-mono text-xs text-ink-muted"
                >
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
  const t = useTranslations("treasury");
  return (
    <section aria-label={t("balances")} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface px-4 py-3">
        <p className="text-xs text-ink-faint">{t("address", { chain: chain.key })}</p>
        <p
          data-testid="hot-wallet-address"
          className="font-mono text-xs break-all text-ink select-all sm:text-[13px]"
        >
          {chain.hotWalletAddress}
        </p>
      </div>
      {chain.assets === null ? (
        <Notice>{t("nodeSilent")}</Notice>
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
  const t = useTranslations("treasury");
  const locale = useLocale();
  const amount = (value: string) => formatDecimalText(value, locale);
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
        {amount(asset.balance)}
        <span className="ml-1.5 text-xs font-normal text-ink-faint">{asset.assetCode}</span>
      </p>
      <dl className="grid grid-cols-2 gap-2 border-t border-line pt-2 text-xs">
        <div>
          <dt className="text-ink-faint">{t("warningLine")}</dt>
          <dd className="text-ink-muted tabular-nums">{amount(asset.warningLine)}</dd>
        </div>
        <div>
          <dt className="text-ink-faint">{t("lowLine")}</dt>
          <dd className="text-ink-muted tabular-nums">{amount(asset.lowLine)}</dd>
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

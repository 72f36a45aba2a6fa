import type { SavingsInstance, SavingsProductVersion } from "@exchange/contracts/savings";
import { DateTime, formatDecimalText, timeZoneLabel } from "@exchange/ui/i18n";
import { notFound } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { EditTerms, ProductStatusButton } from "@/components/products/product-actions";
import { ProductStatusBadge } from "@/components/products/product-badges";
import { ProductsNav } from "@/components/products/products-nav";
import { QuotaBar } from "@/components/products/quota-bar";
import { DetailCard, DetailHeader, Facts } from "@/components/review/detail-parts";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("products.detail");
  return { title: t("title") };
}

/** This month's first day and next month's last, UTC. */
function currentAndNextMonth(now: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: idText } = await params;
  await requireSection("products", `/products/${idText}`);
  const id = Number(idText);
  if (!/^\d{1,10}$/.test(idText) || id < 1 || id > 2_147_483_647) notFound();
  const api = await adminApi();
  const range = currentAndNextMonth(new Date());
  const [products, versions, instances] = await loadForPage(() =>
    Promise.all([
      api.savings.products.list(),
      api.savings.products.versions({ id }).catch((error: { code?: string }) => {
        if (error.code === "NOT_FOUND") notFound();
        throw error;
      }),
      api.savings.instances.list({ productId: id, ...range }),
    ]),
  );
  const product = products.find((p) => p.id === id);
  if (!product) notFound();
  const today = new Date().toISOString().slice(0, 10);
  const t = await getTranslations("products");
  const locale = await getLocale();
  const zone = timeZoneLabel(await getTimeZone(), locale);
  const amount = (value: string) => formatDecimalText(value, locale);
  return (
    <PageBody>
      <ProductsNav current="products" />
      <DetailHeader
        backHref="/products"
        backLabel={t("title")}
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink" data-testid="product-name">
            {product.name}
          </h1>
        }
        badge={<ProductStatusBadge status={product.status} />}
        waitingSince={null}
        now={new Date()}
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <DetailCard
          title={t("detail.currentTerms", { version: product.version })}
          action={
            <span className="flex items-start gap-2">
              <ProductStatusButton product={product} />
            </span>
          }
        >
          <Facts
            rows={[
              [t("detail.asset"), product.asset],
              [t("detail.annualRate"), t("rate", { rate: product.annualRatePercent })],
              [t("detail.term"), t("term", { days: product.termDays })],
              [t("detail.interestPaid"), t(`period.${product.payoutPeriod}`)],
              [t("detail.dailyQuota"), `${amount(product.dailyQuota)} ${product.asset}`],
              [
                t("detail.perSubscription"),
                `${amount(product.minAmount)} – ${amount(product.maxAmount)} ${product.asset}`,
              ],
              [t("detail.kycLevel"), String(product.kycLevel)],
              [
                t("detail.earlyRedemption"),
                product.earlyRedemption === "PENALTY"
                  ? t("earlyRedemption.penaltyOf", { rate: product.penaltyRatePercent })
                  : t(`earlyRedemption.${product.earlyRedemption}`),
              ],
              [t("detail.created"), <DateTime key="c" at={product.createdAt} />],
            ]}
          />
          <div className="mt-4">
            <EditTerms product={product} />
          </div>
        </DetailCard>
        <DetailCard title={t("detail.status")}>
          <p className="text-[13px] text-ink-muted">
            {product.status === "ACTIVE" ? t("detail.activeExplain") : t("detail.pausedExplain")}
          </p>
        </DetailCard>
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-sm font-semibold text-ink">
          {t("detail.versions")}
        </h2>
        {/* Terms and payout share a cell, and the author sits under the time, so the history fits
            a 1280 px console without scrolling sideways. */}
        <DataTable
          caption={t("detail.versionsCaption")}
          columns={[
            { header: t("detail.version") },
            { header: t("detail.saved", { zone }) },
            { header: t("detail.name") },
            { header: t("detail.rate"), align: "right" },
            { header: t("detail.termAndPaid") },
            { header: t("detail.dailyQuota"), align: "right" },
            { header: t("detail.minMax"), align: "right" },
            { header: t("detail.kyc"), align: "right" },
            { header: t("detail.earlyRedemption") },
          ]}
          minWidth="min-w-[880px]"
          rows={versions.map((v) => (
            <VersionRow key={v.version} version={v} current={v.version === product.version} />
          ))}
          empty={
            <EmptyState
              section="products"
              title={t("detail.noVersions")}
              hint={t("detail.noVersionsHint")}
            />
          }
        />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="instances-heading">
        <h2 id="instances-heading" className="text-sm font-semibold text-ink">
          {t("detail.instances", { from: range.from, to: range.to })}
        </h2>
        <DataTable
          caption={t("detail.instancesCaption")}
          columns={[
            { header: t("detail.day") },
            { header: t("detail.window", { zone }) },
            { header: t("detail.valueAndMaturity") },
            { header: t("detail.version"), align: "right" },
            { header: t("detail.quotaUsed") },
            { header: t("detail.remaining"), align: "right" },
          ]}
          rows={instances.map((i) => <InstanceRow key={i.id} instance={i} today={today} />)}
          empty={
            <EmptyState
              section="products"
              title={t("detail.noInstances")}
              hint={t("detail.noInstancesHint")}
            />
          }
        />
      </section>
    </PageBody>
  );
}

function InstanceRow({ instance: i, today }: { instance: SavingsInstance; today: string }) {
  const t = useTranslations("products");
  const isToday = i.day === today;
  return (
    <tr data-testid="instance-row" data-day={i.day} className={isToday ? "bg-brand/5" : ""}>
      <td className="px-4 py-1.5 whitespace-nowrap text-ink tabular-nums">
        {i.day}
        {isToday ? (
          <span className="ml-2 text-[11px] font-medium text-brand">{t("detail.openNow")}</span>
        ) : null}
      </td>
      <td className="px-4 py-1 text-xs whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={i.windowStart} format="dateTimeBare" className="block" />
        <span className="block">
          → <DateTime at={i.windowEnd} format="dateTimeBare" />
        </span>
      </td>
      <td className="px-4 text-xs whitespace-nowrap text-ink-muted tabular-nums">
        <span className="block">{i.valueDate}</span>
        <span className="block">{i.maturityDate}</span>
      </td>
      <td className="px-4 text-right text-ink-muted tabular-nums">
        {t("version", { version: i.version })}
      </td>
      <td className="px-4 py-1.5">
        <QuotaBar quota={i.quota} subscribed={i.subscribed} asset={i.asset} />
      </td>
      <AmountCell value={i.remaining} unit={i.asset} />
    </tr>
  );
}

function VersionRow({ version: v, current }: { version: SavingsProductVersion; current: boolean }) {
  const t = useTranslations("products");
  const locale = useLocale();
  const amount = (value: string) => formatDecimalText(value, locale);
  return (
    <tr data-testid="version-row" data-version={v.version} className="align-top">
      <td className="px-4 py-2 whitespace-nowrap text-ink tabular-nums">
        {t("version", { version: v.version })}
        {current ? (
          <span className="ml-2 text-[11px] font-medium text-brand">{t("detail.current")}</span>
        ) : null}
      </td>
      <td className="px-4 py-2 text-xs text-ink-muted tabular-nums">
        <DateTime at={v.createdAt} format="dateTimeBare" className="block whitespace-nowrap" />
        {v.createdBy ? (
          <span className="block max-w-44 truncate text-ink-faint" title={v.createdBy}>
            {t("detail.by", { name: v.createdBy })}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-2 text-ink">
        <span className="block max-w-32 break-words">{v.name}</span>
      </td>
      <td className="px-4 py-2 text-right whitespace-nowrap text-ink tabular-nums">
        {t("rate", { rate: v.annualRatePercent })}
      </td>
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted">
        <span className="block tabular-nums">{t("term", { days: v.termDays })}</span>
        <span className="block text-xs text-ink-faint">{t(`period.${v.payoutPeriod}`)}</span>
      </td>
      <AmountCell value={v.dailyQuota} unit={v.asset} />
      <td className="px-4 py-2 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {amount(v.minAmount)} – {amount(v.maxAmount)}
      </td>
      <td className="px-4 py-2 text-right text-ink-muted tabular-nums">{v.kycLevel}</td>
      <td className="px-4 py-2 text-xs text-ink-muted">
        <span className="block max-w-28">
          {v.earlyRedemption === "PENALTY"
            ? t("earlyRedemption.penaltyShort", { rate: v.penaltyRatePercent })
            : t(`earlyRedemption.${v.earlyRedemption}`)}
        </span>
      </td>
    </tr>
  );
}

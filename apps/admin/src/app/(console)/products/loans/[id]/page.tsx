import type { LoanProductVersion } from "@exchange/contracts/lending";
import { buttonClasses, TextField } from "@exchange/ui";
import { DateTime, formatDecimalText, timeZoneLabel } from "@exchange/ui/i18n";
import { notFound } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { LoanLinesTable, LoanProductEnabledBadge } from "@/components/lending/loan-lines";
import { EditLoanTerms, LoanProductEnabledButton } from "@/components/lending/loan-product-actions";
import { PageBody } from "@/components/page-body";
import { ProductsNav } from "@/components/products/products-nav";
import { DetailCard, DetailHeader, Facts } from "@/components/review/detail-parts";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("lending.detail");
  return { title: t("title") };
}

/** A reference price as typed in the page's address (`?ref=30000`), or none. */
function referenceOf(text: string | string[] | undefined): string | undefined {
  return typeof text === "string" && /^\d{1,20}(\.\d{1,18})?$/.test(text.trim())
    ? text.trim()
    : undefined;
}

export default async function LoanProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id: idText } = await params;
  await requireSection("products", `/products/loans/${idText}`);
  const id = Number(idText);
  if (!/^\d{1,10}$/.test(idText) || id < 1 || id > 2_147_483_647) notFound();
  const referencePrice = referenceOf((await searchParams).ref);
  const api = await adminApi();
  const [product, versions] = await loadForPage(() =>
    Promise.all([
      api.lending.products.get({ id, referencePrice }).catch((error: { code?: string }) => {
        if (error.code === "NOT_FOUND") notFound();
        throw error;
      }),
      api.lending.products.versions({ id }),
    ]),
  );
  const t = await getTranslations("lending");
  const locale = await getLocale();
  const zone = timeZoneLabel(await getTimeZone(), locale);
  const amount = (value: string) => formatDecimalText(value, locale);
  return (
    <PageBody>
      <ProductsNav current="loans" />
      <DetailHeader
        backHref="/products/loans"
        backLabel={t("title")}
        title={
          <h1
            className="text-xl font-semibold tracking-tight text-ink"
            data-testid="loan-product-name"
            translate="no"
          >
            {product.name}
          </h1>
        }
        badge={<LoanProductEnabledBadge enabled={product.enabled} />}
        waitingSince={null}
        now={new Date()}
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_30rem]">
        <DetailCard
          title={t("detail.currentTerms", { version: product.version })}
          action={<LoanProductEnabledButton product={product} />}
        >
          <Facts
            rows={[
              [t("detail.collateral"), product.collateralAsset],
              [t("detail.loanAsset"), product.loanAsset],
              [t("detail.initialLtv"), t("percent", { value: product.initialLtvPercent })],
              [t("detail.liquidationFee"), t("percent", { value: product.liquidationFeePercent })],
              [
                t("detail.interest"),
                t(`ratePer.${product.interestPeriod}`, { rate: product.ratePercent }),
              ],
              [
                t("detail.term"),
                product.termDays === null
                  ? t("openEnded")
                  : t("termDays", { days: product.termDays }),
              ],
              [
                t("detail.perLoan"),
                `${amount(product.minLoan)} – ${amount(product.maxLoan)} ${product.loanAsset}`,
              ],
              [t("detail.kycLevel"), String(product.kycLevel)],
              [t("detail.created"), <DateTime key="c" at={product.createdAt} />],
            ]}
          />
          <p className="mt-4 text-[13px] text-ink-muted">
            {product.enabled ? t("detail.enabledExplain") : t("detail.disabledExplain")}
          </p>
          <div className="mt-4">
            <EditLoanTerms product={product} />
          </div>
        </DetailCard>
        <DetailCard
          title={
            product.referencePrice === null
              ? t("lines.headingNoPrice")
              : t("lines.heading", {
                  price: amount(product.referencePrice),
                  asset: product.loanAsset,
                })
          }
          shrinks
        >
          <LoanLinesTable product={product} />
          <p className="mt-3 text-xs text-ink-faint">{t("lines.explain")}</p>
          <form method="get" className="mt-3 flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <TextField
                label={t("lines.reference", {
                  asset: product.loanAsset,
                  collateral: product.collateralAsset,
                })}
                name="ref"
                inputMode="decimal"
                placeholder="30000"
                defaultValue={referencePrice}
                hint={t("lines.referenceHint")}
              />
            </div>
            <button type="submit" className={`${buttonClasses("secondary", "md")} mb-5`}>
              {t("lines.show")}
            </button>
          </form>
        </DetailCard>
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-sm font-semibold text-ink">
          {t("detail.versions")}
        </h2>
        <DataTable
          caption={t("detail.versionsCaption")}
          columns={[
            { header: t("list.version") },
            { header: t("detail.saved", { zone }) },
            { header: t("detail.name") },
            { header: t("detail.linesShort") },
            { header: t("list.interest") },
            { header: t("list.term") },
            { header: t("detail.minMax"), align: "right" },
            { header: t("detail.kycLevel"), align: "right" },
          ]}
          minWidth="min-w-[900px]"
          rows={versions.map((v) => (
            <VersionRow key={v.version} version={v} current={v.version === product.version} />
          ))}
        />
      </section>
    </PageBody>
  );
}

function VersionRow({ version: v, current }: { version: LoanProductVersion; current: boolean }) {
  const t = useTranslations("lending");
  const locale = useLocale();
  const amount = (value: string) => formatDecimalText(value, locale);
  return (
    <tr data-testid="loan-version-row" data-version={v.version} className="align-top">
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
        <span className="block max-w-40 break-words" translate="no">
          {v.name}
        </span>
      </td>
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted tabular-nums">
        {[
          v.initialLtvPercent,
          v.warningLinePercent,
          v.liquidationLinePercent,
          v.effectiveLiquidationLinePercent,
        ]
          .map((value) => t("percent", { value }))
          .join(" · ")}
      </td>
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted tabular-nums">
        {t(`ratePer.${v.interestPeriod}`, { rate: v.ratePercent })}
      </td>
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted">
        {v.termDays === null ? t("openEnded") : t("termDays", { days: v.termDays })}
      </td>
      <td className="px-4 py-2 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {amount(v.minLoan)} – {amount(v.maxLoan)}
      </td>
      <td className="px-4 py-2 text-right text-ink-muted tabular-nums">{v.kycLevel}</td>
    </tr>
  );
}

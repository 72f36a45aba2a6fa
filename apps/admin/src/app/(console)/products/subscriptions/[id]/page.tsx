import { DateTime, formatDecimalText, timeZoneLabel } from "@exchange/ui/i18n";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { PageBody } from "@/components/page-body";
import { PlanStatusBadge, SubscriptionStatusBadge } from "@/components/products/savings-badges";
import { DetailCard, DetailHeader, Facts, ProfileLink } from "@/components/review/detail-parts";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("products.subscription");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SavingsSubscriptionPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const staff = await requireSection("products", `/products/subscriptions/${id}`);
  // A trader's full profile is compliance's section (ADMIN opens every section).
  const seesProfiles = staff.roles.includes("ADMIN") || staff.roles.includes("COMPLIANCE");
  if (!UUID.test(id)) notFound();
  const api = await adminApi();
  const s = await loadForPage(() =>
    api.savings.subscriptions.detail({ id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  const t = await getTranslations("products.subscription");
  const tp = await getTranslations("products.period");
  const locale = await getLocale();
  const zone = timeZoneLabel(await getTimeZone(), locale);
  const amount = (value: string) => formatDecimalText(value, locale);
  return (
    <PageBody>
      <DetailHeader
        backHref="/products/subscriptions"
        backLabel={t("back")}
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink tabular-nums">
            {amount(s.amount)} {s.asset} · {s.productName}
          </h1>
        }
        badge={<SubscriptionStatusBadge status={s.status} />}
        waitingSince={null}
        now={new Date()}
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-2">
        <DetailCard shrinks title={t("card")}>
          <Facts
            rows={[
              [t("amount"), `${amount(s.amount)} ${s.asset}`],
              [t("annualRate"), `${s.annualRatePercent}%`],
              [
                t("interestPaid"),
                t("interestOf", {
                  paid: amount(s.interestPaid),
                  scheduled: amount(s.interestScheduled),
                  asset: s.asset,
                }),
              ],
              [t("valueDate"), s.valueDate],
              [t("maturity"), s.maturityDate],
              [t("payoutPeriod"), tp(s.payoutPeriod)],
              [
                t("earlyRedemption"),
                s.earlyRedemption === "PENALTY"
                  ? t("redemption.penaltyOf", { rate: s.penaltyRatePercent })
                  : t(`redemption.${s.earlyRedemption}`),
              ],
              ...(s.redeemed === null
                ? []
                : ([
                    [t("returned"), `${amount(s.redeemed)} ${s.asset}`],
                    [t("deducted"), `${amount(s.deduction ?? "0")} ${s.asset}`],
                  ] as const)),
              [t("subscribed"), <DateTime key="s" at={s.createdAt} />],
              [t("ended"), s.endedAt ? <DateTime key="e" at={s.endedAt} /> : "—"],
            ]}
          />
        </DetailCard>
        <DetailCard
          shrinks
          title={t("trader")}
          action={seesProfiles ? <ProfileLink userId={s.userId} /> : undefined}
        >
          <Facts
            rows={[
              [t("email"), s.email],
              [t("userId"), `#${s.userId}`],
              [
                t("product"),
                <Link
                  key="p"
                  href={`/products/subscriptions?product=${s.productId}`}
                  className="text-brand hover:text-brand-hover"
                >
                  {t("allOfProduct")}
                </Link>,
              ],
            ]}
          />
        </DetailCard>
      </div>
      <section aria-label={t("plan")} className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">{t("plan")}</h2>
        <DataTable
          caption={t("planCaption")}
          columns={[
            { header: t("seq"), align: "right" },
            { header: t("interestFrom") },
            { header: t("due") },
            { header: t("interest"), align: "right" },
            { header: t("principal"), align: "right" },
            { header: t("status") },
            { header: t("paid", { zone }) },
          ]}
          rows={s.plans.map((plan) => (
            <tr key={plan.seq} data-testid="plan-row" data-status={plan.status}>
              <td className="h-10 px-4 text-right text-ink-muted tabular-nums">{plan.seq}</td>
              <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
                {plan.periodStart}
              </td>
              <td className="px-4 whitespace-nowrap tabular-nums">{plan.dueDate}</td>
              <AmountCell value={plan.interest} unit={s.asset} />
              <AmountCell value={plan.principal} unit={s.asset} />
              <td className="px-4">
                <PlanStatusBadge status={plan.status} />
              </td>
              <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
                {plan.paidAt ? <DateTime at={plan.paidAt} format="dateTimeBare" /> : "—"}
                {plan.payoutRunId ? (
                  <span className="ml-1 text-xs text-ink-faint">
                    {t("run", { id: plan.payoutRunId })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
          empty={<p className="px-4 py-8 text-center text-[13px] text-ink-muted">{t("noPlans")}</p>}
        />
      </section>
    </PageBody>
  );
}

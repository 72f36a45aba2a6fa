"use client";

import type { SavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { useTimeZoneLabel } from "@exchange/ui/i18n";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useAmountText } from "@/components/wallet/amount-text";
import { PanelError, PanelLoading } from "@/components/wallet/panel-states";
import { WalletCard } from "@/components/wallet/wallet-card";
import { useTRPC } from "@/trpc/react";
import { RedeemEarly } from "./redeem-early";
import { SavingsDay } from "./savings-day";
import { PlanStatusBadge, SubscriptionStatusBadge } from "./subscription-status";

/** One subscription: its terms, what was paid and what is due, and early redemption. */
export function SubscriptionDetailScreen({ id }: { id: string }) {
  const t = useTranslations("earn.detail");
  const trpc = useTRPC();
  const detail = useQuery(trpc.savings.subscription.queryOptions({ id }));
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="text-[13px]">
        <Link
          href="/earn"
          className="inline-flex min-h-10 items-center text-ink-muted hover:text-ink sm:min-h-0"
        >
          {t("back")}
        </Link>
      </nav>
      {detail.isPending ? (
        <PanelLoading>{t("loading")}</PanelLoading>
      ) : detail.isError ? (
        <>
          <h1 className="sr-only">{t("pageTitle")}</h1>
          <PanelError error={detail.error} onRetry={() => void detail.refetch()} />
        </>
      ) : (
        <Detail subscription={detail.data} />
      )}
    </div>
  );
}

function Detail({ subscription: s }: { subscription: SavingsSubscriptionDetail }) {
  const t = useTranslations("earn.detail");
  const earn = useTranslations("earn");
  const amount = useAmountText();
  const unit = (value: string) => `${amount(value)} ${s.asset}`;
  return (
    <>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" translate="no">
          {s.productName}
        </h1>
        <SubscriptionStatusBadge status={s.status} />
      </header>
      <WalletCard title={t("summary")} testId="subscription-summary">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-[13px] max-sm:[&>dd]:text-right sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-ink-muted">{t("principal")}</dt>
          <dd className="tabular-nums" data-testid="detail-principal">
            {unit(s.amount)}
          </dd>
          <dt className="text-ink-muted">{t("annualRate")}</dt>
          <dd className="tabular-nums">{s.annualRatePercent}%</dd>
          <dt className="text-ink-muted">{t("interestPaid")}</dt>
          <dd className="tabular-nums" data-testid="detail-interest-paid">
            {unit(s.interestPaid)}
          </dd>
          <dt className="text-ink-muted">{t("interestScheduled")}</dt>
          <dd className="tabular-nums">{unit(s.interestScheduled)}</dd>
          <dt className="text-ink-muted">{t("interestFrom")}</dt>
          <dd>
            <SavingsDay day={s.valueDate} />
          </dd>
          <dt className="text-ink-muted">{t("maturity")}</dt>
          <dd>
            <SavingsDay day={s.maturityDate} />
          </dd>
          <dt className="text-ink-muted">{t("payout")}</dt>
          <dd>{earn(`payoutPeriod.${s.payoutPeriod}`)}</dd>
          <dt className="text-ink-muted">{t("earlyRedemption")}</dt>
          <dd>{earn(`earlyRedemption.${s.earlyRedemption}`, { penalty: s.penaltyRatePercent })}</dd>
          {s.redeemed !== null ? (
            <>
              <dt className="text-ink-muted">{t("returned")}</dt>
              <dd className="tabular-nums" data-testid="detail-redeemed">
                {unit(s.redeemed)}
              </dd>
              <dt className="text-ink-muted">{t("kept")}</dt>
              <dd className="tabular-nums" data-testid="detail-deduction">
                {unit(s.deduction ?? "0")}
              </dd>
            </>
          ) : null}
        </dl>
      </WalletCard>
      <WalletCard title={t("schedule")} testId="subscription-schedule">
        <Schedule subscription={s} />
      </WalletCard>
      {s.status === "ACTIVE" ? <RedeemEarly subscription={s} /> : null}
    </>
  );
}

function Schedule({ subscription: s }: { subscription: SavingsSubscriptionDetail }) {
  const t = useTranslations("earn.detail");
  const amount = useAmountText();
  const zone = useTimeZoneLabel();
  return (
    <>
      <ol className="flex flex-col divide-y divide-line sm:hidden" aria-label={t("scheduleLabel")}>
        {s.plans.map((plan) => (
          <li
            key={plan.seq}
            data-testid="plan-card"
            data-seq={plan.seq}
            className="flex flex-col gap-1 py-2.5 text-[13px]"
          >
            <span className="flex items-center gap-2">
              <span className="text-ink-muted tabular-nums">{plan.seq}</span>
              <span className="flex-1">
                <SavingsDay day={plan.dueDate} />
              </span>
              <PlanStatusBadge status={plan.status} />
            </span>
            <span className="flex justify-between text-xs text-ink-muted tabular-nums">
              <span>{t("planInterest", { amount: amount(plan.interest) })}</span>
              {plan.principal === "0" ? null : (
                <span>{t("planPrincipal", { amount: amount(plan.principal) })}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[520px] text-[13px]" aria-label={t("scheduleLabel")}>
          <thead>
            <tr className="text-left text-xs text-ink-muted">
              <th className="pb-2 pr-3 font-medium">#</th>
              <th className="px-3 pb-2 font-medium">{t("periodFrom", { zone })}</th>
              <th className="px-3 pb-2 font-medium">{t("paidOn", { zone })}</th>
              <th className="px-3 pb-2 text-right font-medium">{t("interest")}</th>
              <th className="px-3 pb-2 text-right font-medium">{t("principal")}</th>
              <th className="pl-3 pb-2 font-medium">{t("status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {s.plans.map((plan) => (
              <tr key={plan.seq} data-testid="plan-row" data-seq={plan.seq}>
                <td className="h-10 pr-3 text-ink-muted tabular-nums">{plan.seq}</td>
                <td className="px-3 whitespace-nowrap">
                  <SavingsDay day={plan.periodStart} zone={false} />
                </td>
                <td className="px-3 whitespace-nowrap">
                  <SavingsDay day={plan.dueDate} zone={false} />
                </td>
                <td className="px-3 text-right tabular-nums">{amount(plan.interest)}</td>
                <td className="px-3 text-right tabular-nums">
                  {plan.principal === "0" ? "—" : amount(plan.principal)}
                </td>
                <td className="pl-3">
                  <PlanStatusBadge status={plan.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

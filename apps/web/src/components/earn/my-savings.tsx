"use client";

import type { SavingsSubscription } from "@exchange/contracts/savings";
import { useTimeZoneLabel } from "@exchange/ui/i18n";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useAmountText } from "@/components/wallet/amount-text";
import { PanelError, PanelLoading } from "@/components/wallet/panel-states";
import { useTRPC } from "@/trpc/react";
import { SavingsDay } from "./savings-day";
import { SubscriptionStatusBadge } from "./subscription-status";

/** The trader's subscriptions, newest first: status, principal, rate, interest, maturity. */
export function MySavings() {
  const t = useTranslations("earn.mySavings");
  const trpc = useTRPC();
  const list = useQuery(trpc.savings.subscriptions.queryOptions({}));
  if (list.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (list.isError) {
    return <PanelError error={list.error} onRetry={() => void list.refetch()} />;
  }
  const items = list.data.items;
  if (items.length === 0) {
    return (
      <p className="text-[13px] text-ink-muted" data-testid="my-savings-empty">
        {t("empty")}
      </p>
    );
  }
  return (
    <>
      <SubscriptionCards items={items} />
      <SubscriptionTable items={items} />
    </>
  );
}

/** On a phone: one block per subscription. */
function SubscriptionCards({ items }: { items: SavingsSubscription[] }) {
  const t = useTranslations("earn.mySavings");
  const amount = useAmountText();
  return (
    <ul className="flex flex-col divide-y divide-line sm:hidden">
      {items.map((s) => (
        <li key={s.id} data-testid="my-subscription-card" data-subscription-id={s.id}>
          <Link href={`/earn/${s.id}`} className="flex flex-col gap-2 py-3">
            <span className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate font-medium text-ink" translate="no">
                {s.productName}
              </span>
              <SubscriptionStatusBadge status={s.status} />
            </span>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
              <dt className="text-ink-muted">{t("principal")}</dt>
              <dd className="text-right tabular-nums">
                {amount(s.amount)} {s.asset}
              </dd>
              <dt className="text-ink-muted">{t("rate")}</dt>
              <dd className="text-right tabular-nums">{s.annualRatePercent}%</dd>
              <dt className="text-ink-muted">{t("interest")}</dt>
              <dd className="text-right tabular-nums">
                {amount(s.interestPaid)} / {amount(s.interestScheduled)}
              </dd>
              <dt className="text-ink-muted">{t("maturity")}</dt>
              <dd className="text-right">
                <SavingsDay day={s.maturityDate} />
              </dd>
            </dl>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function SubscriptionTable({ items }: { items: SavingsSubscription[] }) {
  const t = useTranslations("earn.mySavings");
  const amount = useAmountText();
  const zone = useTimeZoneLabel();
  return (
    <div className="hidden overflow-x-auto sm:block">
      <table className="w-full min-w-[720px] text-[13px]" aria-label={t("title")}>
        <thead>
          <tr className="text-left text-xs text-ink-muted">
            <th className="pb-2 pr-4 font-medium">{t("product")}</th>
            <th className="px-4 pb-2 font-medium">{t("status")}</th>
            <th className="px-4 pb-2 text-right font-medium">{t("principal")}</th>
            <th className="px-4 pb-2 text-right font-medium">{t("rate")}</th>
            <th className="px-4 pb-2 text-right font-medium">{t("interest")}</th>
            <th className="px-4 pb-2 font-medium">{t("maturityIn", { zone })}</th>
            <th className="pb-2">
              <span className="sr-only">{t("details")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((s) => (
            <tr key={s.id} data-testid="my-subscription" data-subscription-id={s.id}>
              <td className="h-12 pr-4 font-medium text-ink" translate="no">
                {s.productName}
              </td>
              <td className="px-4">
                <SubscriptionStatusBadge status={s.status} />
              </td>
              <td className="px-4 text-right tabular-nums" data-testid="subscription-principal">
                {amount(s.amount)} {s.asset}
              </td>
              <td className="px-4 text-right tabular-nums">{s.annualRatePercent}%</td>
              <td className="px-4 text-right tabular-nums" data-testid="subscription-interest">
                {amount(s.interestPaid)} / {amount(s.interestScheduled)} {s.asset}
              </td>
              <td className="px-4 whitespace-nowrap">
                <SavingsDay day={s.maturityDate} zone={false} />
              </td>
              <td className="pl-4 text-right">
                <Link
                  href={`/earn/${s.id}`}
                  className="inline-flex min-h-10 items-center font-medium text-brand hover:underline"
                  aria-label={t("detailsOf", { name: s.productName })}
                >
                  {t("details")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

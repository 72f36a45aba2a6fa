"use client";

import type { SavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { Spinner } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatAmount } from "@/components/trade/format";
import { WalletCard } from "@/components/wallet/wallet-card";
import { useTRPC } from "@/trpc/react";
import { RedeemEarly } from "./redeem-early";
import { dayWords, earlyRedemptionWords, PAYOUT_PERIOD_WORDS } from "./savings-words";
import { PlanStatusBadge, SubscriptionStatusBadge } from "./subscription-status";

/** One subscription: its terms, what was paid and what is due, and early redemption. */
export function SubscriptionDetailScreen({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.savings.subscription.queryOptions({ id }));
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-[13px]">
        <Link href="/earn" className="text-ink-muted hover:text-ink">
          ← Earn
        </Link>
      </nav>
      {detail.isPending ? (
        <p className="flex items-center gap-2 text-[13px] text-ink-muted">
          <Spinner /> Loading…
        </p>
      ) : detail.isError ? (
        <p role="alert" className="text-[13px] text-down">
          {detail.error.message}
        </p>
      ) : (
        <Detail subscription={detail.data} />
      )}
    </div>
  );
}

function Detail({ subscription: s }: { subscription: SavingsSubscriptionDetail }) {
  const unit = (value: string) => `${formatAmount(value)} ${s.asset}`;
  return (
    <>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{s.productName}</h1>
        <SubscriptionStatusBadge status={s.status} />
      </header>
      <WalletCard title="Summary" testId="subscription-summary">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-[13px] max-sm:[&>dd]:text-right sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-ink-faint">Principal</dt>
          <dd className="tabular-nums" data-testid="detail-principal">
            {unit(s.amount)}
          </dd>
          <dt className="text-ink-faint">Annual rate</dt>
          <dd className="tabular-nums">{s.annualRatePercent}%</dd>
          <dt className="text-ink-faint">Interest paid</dt>
          <dd className="tabular-nums" data-testid="detail-interest-paid">
            {unit(s.interestPaid)}
          </dd>
          <dt className="text-ink-faint">Interest scheduled</dt>
          <dd className="tabular-nums">{unit(s.interestScheduled)}</dd>
          <dt className="text-ink-faint">Interest from</dt>
          <dd>{dayWords(s.valueDate)}</dd>
          <dt className="text-ink-faint">Maturity</dt>
          <dd>{dayWords(s.maturityDate)}</dd>
          <dt className="text-ink-faint">Payout</dt>
          <dd>{PAYOUT_PERIOD_WORDS[s.payoutPeriod]}</dd>
          <dt className="text-ink-faint">Early redemption</dt>
          <dd>{earlyRedemptionWords(s.earlyRedemption, s.penaltyRatePercent)}</dd>
          {s.redeemed !== null ? (
            <>
              <dt className="text-ink-faint">Returned on redemption</dt>
              <dd className="tabular-nums" data-testid="detail-redeemed">
                {unit(s.redeemed)}
              </dd>
              <dt className="text-ink-faint">Kept from the principal</dt>
              <dd className="tabular-nums" data-testid="detail-deduction">
                {unit(s.deduction ?? "0")}
              </dd>
            </>
          ) : null}
        </dl>
      </WalletCard>
      <WalletCard title="Schedule" testId="subscription-schedule">
        <Schedule subscription={s} />
      </WalletCard>
      {s.status === "ACTIVE" ? <RedeemEarly subscription={s} /> : null}
    </>
  );
}

function Schedule({ subscription: s }: { subscription: SavingsSubscriptionDetail }) {
  return (
    <>
      <ol className="flex flex-col divide-y divide-line sm:hidden" aria-label="Payment schedule">
        {s.plans.map((plan) => (
          <li
            key={plan.seq}
            data-testid="plan-card"
            data-seq={plan.seq}
            className="flex flex-col gap-1 py-2.5 text-[13px]"
          >
            <span className="flex items-center gap-2">
              <span className="text-ink-faint tabular-nums">{plan.seq}</span>
              <span className="flex-1">{dayWords(plan.dueDate)}</span>
              <PlanStatusBadge status={plan.status} />
            </span>
            <span className="flex justify-between text-xs text-ink-muted tabular-nums">
              <span>Interest {formatAmount(plan.interest)}</span>
              {plan.principal === "0" ? null : (
                <span>Principal {formatAmount(plan.principal)}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[520px] text-[13px]" aria-label="Payment schedule">
          <thead>
            <tr className="text-left text-xs text-ink-faint">
              <th className="pb-2 pr-3 font-medium">#</th>
              <th className="px-3 pb-2 font-medium">Period from</th>
              <th className="px-3 pb-2 font-medium">Paid on</th>
              <th className="px-3 pb-2 text-right font-medium">Interest</th>
              <th className="px-3 pb-2 text-right font-medium">Principal</th>
              <th className="pl-3 pb-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {s.plans.map((plan) => (
              <tr key={plan.seq} data-testid="plan-row" data-seq={plan.seq}>
                <td className="h-10 pr-3 text-ink-faint tabular-nums">{plan.seq}</td>
                <td className="px-3 whitespace-nowrap">{dayWords(plan.periodStart)}</td>
                <td className="px-3 whitespace-nowrap">{dayWords(plan.dueDate)}</td>
                <td className="px-3 text-right tabular-nums">{formatAmount(plan.interest)}</td>
                <td className="px-3 text-right tabular-nums">
                  {plan.principal === "0" ? "—" : formatAmount(plan.principal)}
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

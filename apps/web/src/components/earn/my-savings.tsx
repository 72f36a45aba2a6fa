"use client";

import type { SavingsSubscription } from "@exchange/contracts/savings";
import { Spinner } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatAmount } from "@/components/trade/format";
import { useTRPC } from "@/trpc/react";
import { dayWords } from "./savings-words";
import { SubscriptionStatusBadge } from "./subscription-status";

/** The trader's subscriptions, newest first: status, principal, rate, interest, maturity. */
export function MySavings() {
  const trpc = useTRPC();
  const list = useQuery(trpc.savings.subscriptions.queryOptions({}));
  if (list.isPending) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-ink-muted">
        <Spinner /> Loading your savings…
      </p>
    );
  }
  if (list.isError) {
    return (
      <p role="alert" className="text-[13px] text-down">
        {list.error.message}
      </p>
    );
  }
  const items = list.data.items;
  if (items.length === 0) {
    return (
      <p className="text-[13px] text-ink-muted" data-testid="my-savings-empty">
        Nothing saved yet. Pick an offer above to start earning.
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

function interestLine(s: SavingsSubscription): string {
  return `${formatAmount(s.interestPaid)} / ${formatAmount(s.interestScheduled)}`;
}

/** On a phone: one block per subscription. */
function SubscriptionCards({ items }: { items: SavingsSubscription[] }) {
  return (
    <ul className="flex flex-col divide-y divide-line sm:hidden">
      {items.map((s) => (
        <li key={s.id} data-testid="my-subscription-card" data-subscription-id={s.id}>
          <Link href={`/earn/${s.id}`} className="flex flex-col gap-2 py-3">
            <span className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate font-medium text-ink">{s.productName}</span>
              <SubscriptionStatusBadge status={s.status} />
            </span>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
              <dt className="text-ink-faint">Principal</dt>
              <dd className="text-right tabular-nums">
                {formatAmount(s.amount)} {s.asset}
              </dd>
              <dt className="text-ink-faint">Rate</dt>
              <dd className="text-right tabular-nums">{s.annualRatePercent}%</dd>
              <dt className="text-ink-faint">Interest paid / scheduled</dt>
              <dd className="text-right tabular-nums">{interestLine(s)}</dd>
              <dt className="text-ink-faint">Maturity</dt>
              <dd className="text-right">{dayWords(s.maturityDate)}</dd>
            </dl>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function SubscriptionTable({ items }: { items: SavingsSubscription[] }) {
  return (
    <div className="hidden overflow-x-auto sm:block">
      <table className="w-full min-w-[720px] text-[13px]" aria-label="My savings">
        <thead>
          <tr className="text-left text-xs text-ink-faint">
            <th className="pb-2 pr-4 font-medium">Product</th>
            <th className="px-4 pb-2 font-medium">Status</th>
            <th className="px-4 pb-2 text-right font-medium">Principal</th>
            <th className="px-4 pb-2 text-right font-medium">Rate</th>
            <th className="px-4 pb-2 text-right font-medium">Interest paid / scheduled</th>
            <th className="px-4 pb-2 font-medium">Maturity</th>
            <th className="pb-2">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((s) => (
            <tr key={s.id} data-testid="my-subscription" data-subscription-id={s.id}>
              <td className="h-12 pr-4 font-medium text-ink">{s.productName}</td>
              <td className="px-4">
                <SubscriptionStatusBadge status={s.status} />
              </td>
              <td className="px-4 text-right tabular-nums" data-testid="subscription-principal">
                {formatAmount(s.amount)} {s.asset}
              </td>
              <td className="px-4 text-right tabular-nums">{s.annualRatePercent}%</td>
              <td className="px-4 text-right tabular-nums" data-testid="subscription-interest">
                {interestLine(s)} {s.asset}
              </td>
              <td className="px-4 whitespace-nowrap">{dayWords(s.maturityDate)}</td>
              <td className="pl-4 text-right">
                <Link
                  href={`/earn/${s.id}`}
                  className="font-medium text-brand hover:underline"
                  aria-label={`Details of ${s.productName}`}
                >
                  Details
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

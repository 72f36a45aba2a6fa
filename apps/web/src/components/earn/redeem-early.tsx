"use client";

import type { SavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatAmount } from "@/components/trade/format";
import { WalletCard } from "@/components/wallet/wallet-card";
import { useTRPC } from "@/trpc/react";

/**
 * "Redeem early": the quote first (principal, what is kept, what comes back, the interest given
 * up), then a confirm. A product that does not allow it says so instead.
 */
export function RedeemEarly({ subscription: s }: { subscription: SavingsSubscriptionDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const quote = useQuery({
    ...trpc.savings.redemptionQuote.queryOptions({ id: s.id }),
    enabled: asking,
    retry: false,
  });
  const redeem = useMutation(trpc.savings.redeem.mutationOptions());
  const [failure, setFailure] = useState<string>();

  if (s.earlyRedemption === "NOT_ALLOWED") {
    return (
      <WalletCard title="Early redemption">
        <p className="text-[13px] text-ink-muted">
          This product cannot be redeemed early: the principal returns with the last payment on its
          maturity day.
        </p>
      </WalletCard>
    );
  }

  async function confirm() {
    if (redeem.isPending) return;
    setFailure(undefined);
    try {
      const updated = await redeem.mutateAsync({ id: s.id });
      queryClient.setQueryData(trpc.savings.subscription.queryKey({ id: s.id }), updated);
      for (const filter of [
        trpc.savings.subscriptions.pathFilter(),
        trpc.trading.balances.pathFilter(),
        trpc.wallet.balances.pathFilter(),
      ]) {
        void queryClient.invalidateQueries(filter);
      }
      setAsking(false);
    } catch (error) {
      setFailure((error as Error).message);
      void queryClient.invalidateQueries(trpc.savings.subscription.pathFilter());
    }
  }

  const unit = (value: string) => `${formatAmount(value)} ${s.asset}`;
  return (
    <WalletCard title="Early redemption" testId="redeem-early">
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {!asking ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-[13px] text-ink-muted">
            Take the principal back now. The remaining payments are cancelled.
          </p>
          <button
            type="button"
            onClick={() => setAsking(true)}
            className={`${buttonClasses("secondary", "md")} w-full sm:w-auto`}
          >
            Redeem early
          </button>
        </div>
      ) : quote.isPending ? (
        <p className="flex items-center gap-2 text-[13px] text-ink-muted">
          <Spinner /> Working out what you would get back…
        </p>
      ) : quote.isError ? (
        <FormAlert>{quote.error.message}</FormAlert>
      ) : (
        <div className="flex flex-col gap-4">
          <dl
            data-testid="redemption-quote"
            className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 rounded-md bg-raised px-4 py-3 text-[13px] ring-1 ring-line ring-inset"
          >
            <dt className="text-ink-muted">Principal</dt>
            <dd className="text-right tabular-nums">{unit(quote.data.principal)}</dd>
            <dt className="text-ink-muted">
              {s.earlyRedemption === "PENALTY"
                ? `Penalty (${s.penaltyRatePercent}%)`
                : "Interest paid, taken back"}
            </dt>
            <dd className="text-right text-down tabular-nums" data-testid="quote-deduction">
              −{unit(quote.data.deduction)}
            </dd>
            <dt className="font-medium text-ink">Returned to your balance</dt>
            <dd className="text-right font-medium tabular-nums" data-testid="quote-returned">
              {unit(quote.data.returned)}
            </dd>
            <dt className="text-ink-muted">Interest you give up</dt>
            <dd className="text-right tabular-nums" data-testid="quote-forgone">
              {unit(quote.data.interestForgone)}
            </dd>
          </dl>
          <p className="text-[13px] text-warn">
            Redeeming cannot be undone: the remaining payments are cancelled.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button
              type="button"
              onClick={confirm}
              disabled={redeem.isPending}
              className={`${buttonClasses("primary", "md")} w-full sm:w-auto`}
            >
              {redeem.isPending ? <Spinner /> : null}
              {redeem.isPending ? "Redeeming…" : "Confirm redemption"}
            </button>
            <button
              type="button"
              onClick={() => setAsking(false)}
              disabled={redeem.isPending}
              className={`${buttonClasses("ghost", "md")} w-full sm:w-auto`}
            >
              Keep earning
            </button>
          </div>
        </div>
      )}
    </WalletCard>
  );
}

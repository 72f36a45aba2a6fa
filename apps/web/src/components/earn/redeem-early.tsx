"use client";

import type { SavingsSubscriptionDetail } from "@exchange/contracts/savings";
import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { type ApiErrorLike, useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAmountText } from "@/components/wallet/amount-text";
import { PanelError, PanelLoading } from "@/components/wallet/panel-states";
import { WalletCard } from "@/components/wallet/wallet-card";
import { useTRPC } from "@/trpc/react";

/**
 * "Redeem early": the quote first (principal, what is kept, what comes back, the interest given
 * up), then a confirm. A product that does not allow it says so instead.
 */
export function RedeemEarly({ subscription: s }: { subscription: SavingsSubscriptionDetail }) {
  const t = useTranslations("earn.redeem");
  const amount = useAmountText();
  const errorText = useErrorText();
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
      <WalletCard title={t("title")}>
        <p className="text-[13px] text-ink-muted">{t("notAllowed")}</p>
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
      setFailure(errorText(error as ApiErrorLike));
      void queryClient.invalidateQueries(trpc.savings.subscription.pathFilter());
    }
  }

  const unit = (value: string) => `${amount(value)} ${s.asset}`;
  return (
    <WalletCard title={t("title")} testId="redeem-early">
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {!asking ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-[13px] text-ink-muted">{t("intro")}</p>
          <button
            type="button"
            onClick={() => setAsking(true)}
            className={`${buttonClasses("secondary", "md")} w-full sm:w-auto`}
          >
            {t("start")}
          </button>
        </div>
      ) : quote.isPending ? (
        <PanelLoading>{t("quoting")}</PanelLoading>
      ) : quote.isError ? (
        <PanelError error={quote.error} onRetry={() => void quote.refetch()} />
      ) : (
        <div className="flex flex-col gap-4">
          <dl
            data-testid="redemption-quote"
            className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 rounded-md bg-raised px-4 py-3 text-[13px] ring-1 ring-line ring-inset"
          >
            <dt className="text-ink-muted">{t("principal")}</dt>
            <dd className="text-right tabular-nums">{unit(quote.data.principal)}</dd>
            <dt className="text-ink-muted">
              {s.earlyRedemption === "PENALTY"
                ? t("penalty", { penalty: s.penaltyRatePercent })
                : t("forfeit")}
            </dt>
            <dd className="text-right text-down tabular-nums" data-testid="quote-deduction">
              −{unit(quote.data.deduction)}
            </dd>
            <dt className="font-medium text-ink">{t("returned")}</dt>
            <dd className="text-right font-medium tabular-nums" data-testid="quote-returned">
              {unit(quote.data.returned)}
            </dd>
            <dt className="text-ink-muted">{t("forgone")}</dt>
            <dd className="text-right tabular-nums" data-testid="quote-forgone">
              {unit(quote.data.interestForgone)}
            </dd>
          </dl>
          <p className="text-[13px] text-warn">{t("warning")}</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button
              type="button"
              onClick={confirm}
              disabled={redeem.isPending}
              className={`${buttonClasses("primary", "md")} w-full sm:w-auto`}
            >
              {redeem.isPending ? <Spinner /> : null}
              {redeem.isPending ? t("redeeming") : t("confirm")}
            </button>
            <button
              type="button"
              onClick={() => setAsking(false)}
              disabled={redeem.isPending}
              className={`${buttonClasses("ghost", "md")} w-full sm:w-auto`}
            >
              {t("keep")}
            </button>
          </div>
        </div>
      )}
    </WalletCard>
  );
}

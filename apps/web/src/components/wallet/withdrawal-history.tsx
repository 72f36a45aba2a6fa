"use client";

import type { Withdrawal } from "@exchange/contracts/wallet";
import { buttonClasses, Spinner } from "@exchange/ui";
import { DateTime, useErrorText } from "@exchange/ui/i18n";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { useAmountText } from "./amount-text";
import { PanelError, PanelLoading, TOUCH } from "./panel-states";
import { useWalletPollInterval } from "./use-wallet-live";
import { WalletCard } from "./wallet-card";
import { WithdrawalStatusBadge } from "./withdrawal-status";

/**
 * The trader's withdrawals with their live state (`@wallet` pushes; a poll without a stream):
 * when each was asked for and ended, the transaction hash once sent, finance's reason for a
 * rejection, and Cancel while one waits for approval. Needs a <StreamProvider> above it and
 * the page's <WalletLive />.
 */
export function WithdrawalHistory({ asset, limit = 20 }: { asset?: string; limit?: number }) {
  const t = useTranslations("wallet.withdrawals");
  const trpc = useTRPC();
  const pollMs = useWalletPollInterval();
  const list = useQuery({
    ...trpc.wallet.withdrawals.list.queryOptions(asset ? { asset, limit } : { limit }),
    refetchInterval: pollMs,
  });
  return (
    <WalletCard title={t("title")} testId="withdrawal-history">
      {list.isPending ? (
        <PanelLoading>{t("loading")}</PanelLoading>
      ) : list.isError ? (
        <PanelError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="text-[13px] text-ink-muted" data-testid="no-withdrawals">
          {t("empty")}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {list.data.map((w) => (
            <WithdrawalRow key={w.id} withdrawal={w} />
          ))}
        </ul>
      )}
    </WalletCard>
  );
}

function WithdrawalRow({ withdrawal: w }: { withdrawal: Withdrawal }) {
  const t = useTranslations("wallet.withdrawals");
  const format = useFormatter();
  const amount = useAmountText();
  return (
    <li data-testid="withdrawal-row" data-id={w.id} className="flex flex-col gap-1.5 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium text-ink tabular-nums">
          {amount(w.amount)} {w.asset}
        </span>
        <WithdrawalStatusBadge status={w.status} />
        <span className="ml-auto text-xs text-ink-muted tabular-nums">
          <DateTime at={w.createdAt} format="dateTime" />
        </span>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-muted">
        <span translate="no" className="min-w-0 max-w-full truncate font-mono">
          {t("to", { address: w.address })}
        </span>
        <span className="tabular-nums">{t("fee", { fee: amount(w.fee), asset: w.asset })}</span>
        <span>{w.network}</span>
      </div>
      {w.status === "BROADCAST" ? (
        <p className="text-xs text-ink-muted tabular-nums">
          {t("confirmations", { done: w.confirmations, required: w.confirmationsRequired })}
        </p>
      ) : null}
      {w.txHash ? (
        <p translate="no" className="min-w-0 truncate font-mono text-xs text-ink-muted">
          {t("transaction")} <span data-testid="withdrawal-tx">{w.txHash}</span>
        </p>
      ) : null}
      {w.rejectReason ? (
        <p className="text-xs text-down" data-testid="withdrawal-reason">
          {t("rejected", { reason: w.rejectReason })}
        </p>
      ) : null}
      {w.status === "FAILED" ? (
        <p className="text-xs text-down">
          {w.failureReason ? t("failedBecause", { reason: w.failureReason }) : t("failed")}
        </p>
      ) : null}
      {w.endedAt && w.status !== "FAILED" ? (
        <p className="text-xs text-ink-muted tabular-nums">
          {t("ended", { at: format.dateTime(w.endedAt, "dateTime") })}
        </p>
      ) : null}
      {w.status === "PENDING_APPROVAL" ? <CancelButton id={w.id} /> : null}
    </li>
  );
}

function CancelButton({ id }: { id: string }) {
  const t = useTranslations("wallet.withdrawals");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.wallet.withdrawals.cancel.mutationOptions({
      onSettled: () => {
        void queryClient.invalidateQueries(trpc.wallet.withdrawals.list.pathFilter());
        void queryClient.invalidateQueries(trpc.trading.balances.pathFilter());
        void queryClient.invalidateQueries(trpc.wallet.withdrawals.quote.pathFilter());
      },
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate({ id })}
        className={`${buttonClasses("secondary", "sm")} ${TOUCH}`}
      >
        {cancel.isPending ? <Spinner /> : null}
        {t("cancel")}
      </button>
      {cancel.isError ? (
        <span role="alert" className="text-xs text-down">
          {errorText(cancel.error)}
        </span>
      ) : null}
    </div>
  );
}

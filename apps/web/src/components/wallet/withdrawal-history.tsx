"use client";

import type { Withdrawal } from "@exchange/contracts/wallet";
import { buttonClasses, FormAlert, Spinner } from "@exchange/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { useWalletPollInterval } from "./use-wallet-live";
import { WalletCard } from "./wallet-card";
import { WithdrawalStatusBadge } from "./withdrawal-status";

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * The trader's withdrawals with their live state (`@wallet` pushes; a poll without a stream):
 * when each was asked for and ended, the transaction hash once sent, finance's reason for a
 * rejection, and Cancel while one waits for approval. Needs a <StreamProvider> above it and
 * the page's <WalletLive />.
 */
export function WithdrawalHistory({ asset, limit = 20 }: { asset?: string; limit?: number }) {
  const trpc = useTRPC();
  const pollMs = useWalletPollInterval();
  const list = useQuery({
    ...trpc.wallet.withdrawals.list.queryOptions(asset ? { asset, limit } : { limit }),
    refetchInterval: pollMs,
  });
  return (
    <WalletCard title="Withdrawals" testId="withdrawal-history">
      {list.isPending ? (
        <p className="flex items-center gap-2 text-[13px] text-ink-muted">
          <Spinner /> Loading withdrawals…
        </p>
      ) : list.isError ? (
        <FormAlert>{list.error.message}</FormAlert>
      ) : list.data.length === 0 ? (
        <p className="text-[13px] text-ink-muted">No withdrawals yet.</p>
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
  return (
    <li data-testid="withdrawal-row" data-id={w.id} className="flex flex-col gap-1.5 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium text-ink tabular-nums">
          {w.amount} {w.asset}
        </span>
        <WithdrawalStatusBadge status={w.status} />
        <span className="ml-auto text-xs text-ink-faint tabular-nums">
          {TIME.format(w.createdAt)}
        </span>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-muted">
        <span className="min-w-0 truncate font-mono" title={w.address}>
          To {w.address}
        </span>
        <span className="tabular-nums">
          Fee {w.fee} {w.asset}
        </span>
        <span>{w.network}</span>
      </div>
      {w.status === "BROADCAST" ? (
        <p className="text-xs text-ink-muted tabular-nums">
          {w.confirmations} of {w.confirmationsRequired} confirmations
        </p>
      ) : null}
      {w.txHash ? (
        <p className="min-w-0 truncate font-mono text-xs text-ink-faint" title={w.txHash}>
          Transaction <span data-testid="withdrawal-tx">{w.txHash}</span>
        </p>
      ) : null}
      {w.rejectReason ? (
        <p className="text-xs text-down" data-testid="withdrawal-reason">
          Rejected: {w.rejectReason}
        </p>
      ) : null}
      {w.status === "FAILED" ? (
        <p className="text-xs text-down">
          The network did not take it ({w.failureReason ?? "failed"}); the funds are back in your
          balance.
        </p>
      ) : null}
      {w.endedAt && w.status !== "FAILED" ? (
        <p className="text-xs text-ink-faint tabular-nums">Ended {TIME.format(w.endedAt)}</p>
      ) : null}
      {w.status === "PENDING_APPROVAL" ? <CancelButton id={w.id} /> : null}
    </li>
  );
}

function CancelButton({ id }: { id: string }) {
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
        className={buttonClasses("secondary", "sm")}
      >
        {cancel.isPending ? <Spinner /> : null}
        Cancel withdrawal
      </button>
      {cancel.isError ? <span className="text-xs text-down">{cancel.error.message}</span> : null}
    </div>
  );
}

"use client";

import type { Deposit } from "@exchange/contracts/wallet";
import { Spinner } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import { formatAmount, formatDateTime } from "@/components/trade/format";
import { useTRPC } from "@/trpc/react";
import { DepositStatusBadge } from "./deposit-status";

/** The trader's deposits (of one asset when given), newest first, live from `@wallet`. */
export function DepositHistory({ asset, limit = 20 }: { asset?: string; limit?: number }) {
  const trpc = useTRPC();
  const deposits = useQuery(
    trpc.wallet.deposits.list.queryOptions(asset ? { asset, limit } : { limit }),
  );
  if (deposits.isPending) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-ink-muted">
        <Spinner /> Loading deposits…
      </p>
    );
  }
  if (deposits.isError) {
    return (
      <p role="alert" className="text-[13px] text-down">
        {deposits.error.message}
      </p>
    );
  }
  const rows = deposits.data.deposits;
  if (rows.length === 0) {
    return (
      <p className="text-[13px] text-ink-muted" data-testid="no-deposits">
        No deposits yet. They appear here as soon as the network sees them.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-line" data-testid="deposit-history">
      {rows.map((deposit) => (
        <DepositRow key={deposit.id} deposit={deposit} />
      ))}
    </ul>
  );
}

function DepositRow({ deposit }: { deposit: Deposit }) {
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3"
      data-testid="deposit-row"
      data-tx={deposit.txHash}
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="font-medium tabular-nums text-ink">
          +{formatAmount(deposit.amount)} {deposit.asset}
        </span>
        <span className="truncate font-mono text-xs text-ink-faint" title={deposit.txHash}>
          {shortHash(deposit.txHash)} · {formatDateTime(deposit.createdAt)}
        </span>
      </div>
      <DepositStatusBadge deposit={deposit} />
    </li>
  );
}

const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

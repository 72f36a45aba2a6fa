"use client";

import { buttonClasses, Spinner } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { AssetIcon } from "@/components/markets/asset-icon";
import { formatAmount } from "@/components/trade/format";
import { StreamProvider } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";
import { DepositHistory } from "./deposit-history";
import { WalletLive } from "./use-wallet-live";
import { WalletCard } from "./wallet-card";
import { WithdrawalHistory } from "./withdrawal-history";

/** The Wallet page: balances per asset with deposit and withdraw actions, and the histories. */
export function WalletScreen({ streamUrl }: { streamUrl: string }) {
  return (
    <StreamProvider url={streamUrl} authenticated>
      <WalletLive />
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6">
        <header className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Wallet</h1>
          <p className="text-[13px] text-ink-muted">
            Your funds on the exchange. Deposits are credited once the network has confirmed them.
          </p>
        </header>
        <WalletCard title="Balances" testId="wallet-balances">
          <Balances />
        </WalletCard>
        <div className="grid gap-6 lg:grid-cols-2">
          <WalletCard
            title="Deposits"
            actions={
              <Link href="/wallet/deposit" className={buttonClasses("ghost", "sm")}>
                New deposit
              </Link>
            }
          >
            <DepositHistory />
          </WalletCard>
          <WithdrawalHistory />
        </div>
      </div>
    </StreamProvider>
  );
}

const COLUMNS = ["Available", "In orders", "Pending withdrawal", "Total"] as const;

function Balances() {
  const trpc = useTRPC();
  const balances = useQuery(trpc.wallet.balances.queryOptions());
  if (balances.isPending) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-ink-muted">
        <Spinner /> Loading balances…
      </p>
    );
  }
  if (balances.isError) {
    return (
      <p role="alert" className="text-[13px] text-down">
        {balances.error.message}
      </p>
    );
  }
  const rows = balances.data.balances;
  return (
    <>
      <BalanceCards balances={rows} />
      <BalanceTable balances={rows} />
    </>
  );
}

/** One asset's line, as `wallet.balances` answers it (decimal strings). */
interface Balance {
  asset: string;
  available: string;
  inOrders: string;
  pendingWithdrawal: string;
  total: string;
  onChain: boolean;
}

/** On a phone: one block per asset, its figures in two columns, its actions below. */
function BalanceCards({ balances }: { balances: Balance[] }) {
  return (
    <ul className="flex flex-col divide-y divide-line sm:hidden">
      {balances.map((b) => (
        <li key={b.asset} className="flex flex-col gap-3 py-3" data-testid="wallet-balance-card">
          <span className="flex items-center gap-2 font-medium">
            <AssetIcon code={b.asset} />
            {b.asset}
            <span className="ml-auto tabular-nums">{formatAmount(b.total)}</span>
          </span>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
            <dt className="text-ink-faint">Available</dt>
            <dd className="text-right tabular-nums">{formatAmount(b.available)}</dd>
            <dt className="text-ink-faint">In orders</dt>
            <dd className="text-right tabular-nums">{formatAmount(b.inOrders)}</dd>
            <dt className="text-ink-faint">Pending withdrawal</dt>
            <dd className="text-right tabular-nums">{formatAmount(b.pendingWithdrawal)}</dd>
          </dl>
          <BalanceActions asset={b.asset} onChain={b.onChain} />
        </li>
      ))}
    </ul>
  );
}

function BalanceActions({ asset, onChain }: { asset: string; onChain: boolean }) {
  if (!onChain) {
    return <span className="text-xs text-ink-faint sm:text-right">Not on this network yet</span>;
  }
  return (
    <span className="flex gap-1.5 sm:justify-end">
      <Link href={`/wallet/deposit?asset=${asset}`} className={buttonClasses("secondary", "sm")}>
        Deposit
      </Link>
      <Link href={`/wallet/withdraw?asset=${asset}`} className={buttonClasses("ghost", "sm")}>
        Withdraw
      </Link>
    </span>
  );
}

function BalanceTable({ balances }: { balances: Balance[] }) {
  return (
    <div className="hidden overflow-x-auto sm:block">
      <table className="w-full min-w-[640px] text-[13px]">
        <thead>
          <tr className="text-left text-xs text-ink-faint">
            <th className="pb-2 pr-4 font-medium">Asset</th>
            {COLUMNS.map((column) => (
              <th key={column} className="px-4 pb-2 text-right font-medium">
                {column}
              </th>
            ))}
            <th className="pb-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {balances.map((b) => (
            <tr key={b.asset} data-testid="wallet-balance" data-asset={b.asset}>
              <td className="h-12 pr-4">
                <span className="flex items-center gap-2 font-medium">
                  <AssetIcon code={b.asset} />
                  {b.asset}
                </span>
              </td>
              <Amount value={b.available} testId="balance-available" />
              <Amount value={b.inOrders} />
              <Amount value={b.pendingWithdrawal} />
              <Amount value={b.total} testId="balance-total" />
              <td className="pl-4">
                <BalanceActions asset={b.asset} onChain={b.onChain} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Amount({ value, testId }: { value: string; testId?: string }) {
  return (
    <td
      data-testid={testId}
      className={`px-4 text-right tabular-nums ${value === "0" ? "text-ink-faint" : "text-ink"}`}
    >
      {formatAmount(value)}
    </td>
  );
}

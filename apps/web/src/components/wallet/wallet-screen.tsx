"use client";

import { parseDecimal } from "@exchange/contracts/money";
import { buttonClasses } from "@exchange/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AssetIcon } from "@/components/markets/asset-icon";
import { StreamProvider } from "@/components/trade/stream-provider";
import { useTRPC } from "@/trpc/react";
import { useAmountText } from "./amount-text";
import { DepositHistory } from "./deposit-history";
import { FUNDING_ASSET, isUnfunded } from "./funding";
import { PanelError, PanelLoading, TOUCH } from "./panel-states";
import { WalletLive } from "./use-wallet-live";
import { WalletCard } from "./wallet-card";
import { WithdrawalHistory } from "./withdrawal-history";

/** The Wallet page: balances per asset with deposit and withdraw actions, and the histories. */
export function WalletScreen({ streamUrl }: { streamUrl: string }) {
  const t = useTranslations("wallet");
  return (
    <StreamProvider url={streamUrl} authenticated>
      <WalletLive />
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6">
        <header className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-[13px] text-ink-muted">{t("intro")}</p>
        </header>
        <WalletCard title={t("balances.title")} testId="wallet-balances">
          <Balances />
        </WalletCard>
        <div className="grid gap-6 lg:grid-cols-2">
          <WalletCard
            title={t("deposits.title")}
            actions={
              <Link href="/wallet/deposit" className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}>
                {t("deposits.new")}
              </Link>
            }
          >
            <Deposits />
          </WalletCard>
          <WithdrawalHistory />
        </div>
      </div>
    </StreamProvider>
  );
}

/** The deposit history; while the account holds nothing, its empty state is a first deposit. */
function Deposits() {
  const trpc = useTRPC();
  const balances = useQuery(trpc.wallet.balances.queryOptions());
  const unfunded = balances.data ? isUnfunded(balances.data.balances) : false;
  return <DepositHistory emptyHint={unfunded ? "fund" : "wait"} />;
}

function Balances() {
  const t = useTranslations("wallet.balances");
  const trpc = useTRPC();
  const balances = useQuery(trpc.wallet.balances.queryOptions());
  if (balances.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (balances.isError) {
    return <PanelError error={balances.error} onRetry={() => void balances.refetch()} />;
  }
  const rows = balances.data.balances;
  const fundable = rows.some((b) => b.asset === FUNDING_ASSET && b.onChain);
  return (
    <>
      {isUnfunded(rows) ? <FundingHint canDeposit={fundable} /> : null}
      {rows.length === 0 ? (
        <p className="text-[13px] text-ink-muted">{t("none")}</p>
      ) : (
        <>
          <BalanceCards balances={rows} />
          <BalanceTable balances={rows} />
        </>
      )}
    </>
  );
}

/** For a trader with nothing on the exchange yet: how to put money in, and a way straight there. */
function FundingHint({ canDeposit }: { canDeposit: boolean }) {
  const t = useTranslations("wallet.funding");
  return (
    <div
      data-testid="funding-hint"
      className="flex flex-col gap-3 rounded-lg bg-brand/10 px-4 py-3 ring-1 ring-brand/30 ring-inset sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex flex-col gap-0.5">
        <p className="text-sm font-semibold text-ink">{t("title")}</p>
        <p className="text-[13px] text-ink-muted">
          {canDeposit ? t("body", { asset: FUNDING_ASSET }) : t("unavailable")}
        </p>
      </div>
      {canDeposit ? (
        <Link
          href={`/wallet/deposit?asset=${FUNDING_ASSET}`}
          className={`${buttonClasses("primary", "md")} shrink-0`}
        >
          {t("action", { asset: FUNDING_ASSET })}
        </Link>
      ) : null}
    </div>
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
  const t = useTranslations("wallet.balances");
  const amount = useAmountText();
  return (
    <ul className="flex flex-col divide-y divide-line sm:hidden">
      {balances.map((b) => (
        <li
          key={b.asset}
          className="flex flex-col gap-3 py-3"
          data-testid="wallet-balance-card"
          data-asset={b.asset}
        >
          <span className="flex items-center gap-2 font-medium">
            <AssetIcon code={b.asset} />
            {b.asset}
            <span className="ml-auto tabular-nums" data-testid="balance-card-total">
              {amount(b.total)}
            </span>
          </span>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
            <dt className="text-ink-muted">{t("available")}</dt>
            <dd className="text-right tabular-nums">{amount(b.available)}</dd>
            <dt className="text-ink-muted">{t("inOrders")}</dt>
            <dd className="text-right tabular-nums">{amount(b.inOrders)}</dd>
            <dt className="text-ink-muted">{t("pendingWithdrawal")}</dt>
            <dd className="text-right tabular-nums">{amount(b.pendingWithdrawal)}</dd>
          </dl>
          <BalanceActions asset={b.asset} onChain={b.onChain} />
        </li>
      ))}
    </ul>
  );
}

function BalanceActions({ asset, onChain }: { asset: string; onChain: boolean }) {
  const t = useTranslations("wallet.balances");
  if (!onChain) {
    return <span className="text-xs text-ink-muted sm:text-right">{t("notOnChain")}</span>;
  }
  return (
    <span className="flex gap-1.5 max-sm:[&>a]:flex-1 sm:justify-end">
      <Link
        href={`/wallet/deposit?asset=${asset}`}
        className={`${buttonClasses("secondary", "sm")} ${TOUCH}`}
      >
        {t("deposit")}
      </Link>
      <Link
        href={`/wallet/withdraw?asset=${asset}`}
        className={`${buttonClasses("ghost", "sm")} ${TOUCH}`}
      >
        {t("withdraw")}
      </Link>
    </span>
  );
}

function BalanceTable({ balances }: { balances: Balance[] }) {
  const t = useTranslations("wallet.balances");
  const columns = [t("available"), t("inOrders"), t("pendingWithdrawal"), t("total")] as const;
  return (
    <div className="hidden overflow-x-auto sm:block">
      <table className="w-full min-w-[640px] text-[13px]">
        <thead>
          <tr className="text-left text-xs text-ink-muted">
            <th className="pb-2 pr-4 font-medium">{t("asset")}</th>
            {columns.map((column) => (
              <th key={column} className="px-4 pb-2 text-right font-medium">
                {column}
              </th>
            ))}
            <th className="pb-2">
              <span className="sr-only">{t("actions")}</span>
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
  const amount = useAmountText();
  const zero = parseDecimal(value)?.units === 0n;
  return (
    <td
      data-testid={testId}
      className={`px-4 text-right tabular-nums ${zero ? "text-ink-muted" : "text-ink"}`}
    >
      {amount(value)}
    </td>
  );
}

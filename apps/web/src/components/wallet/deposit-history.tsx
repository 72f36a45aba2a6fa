"use client";

import type { Deposit } from "@exchange/contracts/wallet";
import { buttonClasses } from "@exchange/ui";
import { DateTime } from "@exchange/ui/i18n";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { useAmountText } from "./amount-text";
import { DepositStatusBadge } from "./deposit-status";
import { FUNDING_ASSET } from "./funding";
import { PanelError, PanelLoading, TOUCH } from "./panel-states";

/**
 * The trader's deposits (of one asset when given), newest first, live from `@wallet`. With no
 * deposit at all, `emptyHint="fund"` points a newcomer to their first deposit.
 */
export function DepositHistory({
  asset,
  limit = 20,
  emptyHint = "wait",
}: {
  asset?: string;
  limit?: number;
  emptyHint?: "fund" | "wait";
}) {
  const t = useTranslations("wallet.deposits");
  const trpc = useTRPC();
  const deposits = useQuery(
    trpc.wallet.deposits.list.queryOptions(asset ? { asset, limit } : { limit }),
  );
  if (deposits.isPending) return <PanelLoading>{t("loading")}</PanelLoading>;
  if (deposits.isError) {
    return <PanelError error={deposits.error} onRetry={() => void deposits.refetch()} />;
  }
  const rows = deposits.data.deposits;
  if (rows.length === 0) {
    return emptyHint === "fund" ? (
      <div className="flex flex-col items-start gap-3" data-testid="no-deposits">
        <p className="text-[13px] text-ink-muted">{t("emptyFund", { asset: FUNDING_ASSET })}</p>
        <Link
          href={`/wallet/deposit?asset=${FUNDING_ASSET}`}
          className={`${buttonClasses("secondary", "sm")} ${TOUCH}`}
        >
          {t("depositAsset", { asset: FUNDING_ASSET })}
        </Link>
      </div>
    ) : (
      <p className="text-[13px] text-ink-muted" data-testid="no-deposits">
        {t("empty")}
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
  const t = useTranslations("wallet.deposits");
  const amount = useAmountText();
  return (
    <li
      className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-3"
      data-testid="deposit-row"
      data-tx={deposit.txHash}
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="font-medium tabular-nums text-ink">
          +{amount(deposit.amount)} {deposit.asset}
        </span>
        <span className="text-xs text-ink-muted tabular-nums">
          <DateTime at={deposit.createdAt} format="dateTime" />
        </span>
        <span translate="no" className="truncate font-mono text-xs text-ink-muted">
          <span className="sr-only">{t("transaction")} </span>
          <span aria-hidden="true">{shortHash(deposit.txHash)}</span>
          <span className="sr-only">{deposit.txHash}</span>
        </span>
      </div>
      <DepositStatusBadge deposit={deposit} />
    </li>
  );
}

const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

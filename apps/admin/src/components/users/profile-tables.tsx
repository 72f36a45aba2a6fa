import { DateTime } from "@exchange/ui/i18n";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { CountryName } from "@/components/kyc/country-name";
import { KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import type { adminApi } from "@/server/admin-api";

type Profile = Awaited<ReturnType<Awaited<ReturnType<typeof adminApi>>["users"]["profile"]>>;

function Empty({ children }: { children: ReactNode }) {
  return <p className="px-4 py-6 text-center text-[13px] text-ink-muted">{children}</p>;
}

/** The trader's identity submissions, newest first, with who decided each and when. */
export function KycHistoryTable({
  submissions,
  zone,
}: {
  submissions: Profile["kycSubmissions"];
  zone: string;
}) {
  const t = useTranslations("users");
  const columns = [
    { header: t("kycColumns.submission") },
    { header: t("kycColumns.status") },
    { header: t("kycColumns.name") },
    { header: t("kycColumns.country") },
    { header: t("kycColumns.submitted", { zone }) },
    { header: t("kycColumns.decided") },
  ];
  return (
    <DataTable
      caption={t("kycHistory")}
      columns={columns}
      rows={submissions.map((s) => (
        <tr key={s.id} data-testid="profile-kyc-row">
          <td className="h-10 px-4">
            <Link href={`/kyc/${s.id}`} className="text-brand tabular-nums">
              #{s.id}
            </Link>
          </td>
          <td className="px-4">
            <KycStatusBadge status={s.status} />
          </td>
          <td className="px-4 text-ink">{s.legalName ?? t("complianceOnly")}</td>
          <td className="px-4 text-ink-muted">
            <CountryName code={s.country} />
          </td>
          <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
            <DateTime at={s.createdAt} format="dateTimeBare" />
          </td>
          <td className="max-w-96 px-4 text-ink-muted">
            {s.reviewedAt ? (
              <span>
                {s.reviewedBy?.name ?? "—"}, <DateTime at={s.reviewedAt} format="dateTime" />
                {s.rejectReason ? <span className="block text-xs">“{s.rejectReason}”</span> : null}
              </span>
            ) : (
              "—"
            )}
          </td>
        </tr>
      ))}
      empty={<Empty>{t("noSubmissions")}</Empty>}
    />
  );
}

/** True when a decimal string is not zero (no `number` in between). */
const nonZero = (amount: string) => /[1-9]/.test(amount);

/** What the trader holds, each asset at its precision. */
export function BalancesTable({ balances }: { balances: Profile["balances"] }) {
  const t = useTranslations("users");
  const held = balances.filter((b) => nonZero(b.total));
  const columns = [
    { header: t("balanceColumns.asset") },
    { header: t("balanceColumns.available"), align: "right" },
    { header: t("balanceColumns.inOrders"), align: "right" },
    { header: t("balanceColumns.total"), align: "right" },
  ] as const;
  return (
    <DataTable
      caption={t("balances")}
      minWidth="min-w-[560px]"
      columns={columns}
      rows={held.map((b) => (
        <tr key={b.asset} data-testid="profile-balance-row">
          <th scope="row" className="h-10 px-4 text-left font-medium text-ink">
            {b.asset}
          </th>
          <AmountCell value={b.available} decimals={b.precision} />
          <AmountCell value={b.frozen} decimals={b.precision} />
          <AmountCell value={b.total} decimals={b.precision} />
        </tr>
      ))}
      empty={<Empty>{t("noBalances")}</Empty>}
    />
  );
}

/**
 * The trader's latest orders. A limit order shows its limit; every order shows what it filled
 * at (the average of its fills), so a market order's stored protection price never passes for
 * the price it traded at.
 */
export function OrdersTable({ orders, zone }: { orders: Profile["orders"]; zone: string }) {
  const t = useTranslations("users");
  const columns = [
    { header: t("orderColumns.order") },
    { header: t("orderColumns.market") },
    { header: t("orderColumns.side") },
    { header: t("orderColumns.limitPrice"), align: "right" },
    { header: t("orderColumns.averagePrice"), align: "right" },
    { header: t("orderColumns.quantity"), align: "right" },
    { header: t("orderColumns.filled"), align: "right" },
    { header: t("orderColumns.status") },
    { header: t("orderColumns.placed", { zone }) },
  ] as const;
  return (
    <DataTable
      caption={t("recentOrders")}
      minWidth="min-w-[900px]"
      columns={columns}
      rows={orders.map((o) => <OrderRow key={o.orderId} order={o} />)}
      empty={<Empty>{t("noOrders")}</Empty>}
    />
  );
}

function OrderRow({ order: o }: { order: Profile["orders"][number] }) {
  const t = useTranslations("users");
  const dash = (label: string) => (
    <td className="px-4 text-right text-ink-faint">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </td>
  );
  return (
    <tr data-testid="profile-order-row" data-order-id={o.orderId}>
      <td className="h-10 px-4 text-ink-muted tabular-nums">#{o.orderId}</td>
      <td className="px-4 whitespace-nowrap text-ink">
        {o.baseAsset}/{o.quoteAsset}
      </td>
      <td className="px-4 whitespace-nowrap">
        {/* The side in words and an arrow, never by colour alone. */}
        <span className={`font-medium ${o.side === "buy" ? "text-up" : "text-down"}`}>
          <span aria-hidden="true">{o.side === "buy" ? "↑ " : "↓ "}</span>
          {t(`side.${o.side}`)}
        </span>
        <span className="text-ink-muted"> · {t(`orderType.${o.type}`)}</span>
      </td>
      {o.limitPrice === null ? (
        dash(t("marketOrderNoLimit"))
      ) : (
        <AmountCell value={o.limitPrice} decimals={o.priceDecimals} />
      )}
      {o.averageFillPrice === null ? (
        dash(t("notFilled"))
      ) : (
        <AmountCell value={o.averageFillPrice} decimals={o.priceDecimals} />
      )}
      {o.quantity !== null ? (
        <AmountCell value={o.quantity} decimals={o.quantityDecimals} unit={o.baseAsset} />
      ) : o.quoteAmount !== null ? (
        <AmountCell value={o.quoteAmount} decimals={o.quoteDecimals} unit={o.quoteAsset} />
      ) : (
        dash("")
      )}
      <AmountCell value={o.filledQuantity} decimals={o.quantityDecimals} unit={o.baseAsset} />
      <td className="px-4 text-xs whitespace-nowrap text-ink-muted">
        {t(`orderStatus.${o.status}`)}
      </td>
      <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
        <DateTime at={o.createdAt} format="dateTimeBare" />
      </td>
    </tr>
  );
}

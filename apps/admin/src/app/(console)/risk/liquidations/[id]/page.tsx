import { DateTime, formatDecimalText } from "@exchange/ui/i18n";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { PageBody } from "@/components/page-body";
import { DetailCard, DetailHeader, Facts } from "@/components/review/detail-parts";
import { SideBadge, SignedAmountCell } from "@/components/risk/risk-parts";
import type { RiskLiquidationDetail } from "@/components/risk/risk-types";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("risk.liquidation");
  return { title: t("title") };
}

/** One liquidation: what was taken over, its close's book fills, deleveraging, the fund. */
export default async function LiquidationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSection("risk", `/risk/liquidations/${id}`);
  if (!/^\d{1,18}$/.test(id)) notFound();
  const api = await adminApi();
  const detail = await loadForPage(() =>
    api.derivatives.risk.liquidation({ id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  const t = await getTranslations("risk.liquidation");
  const locale = await getLocale();
  const l = detail.liquidation;
  const amount = (value: string) => `${formatDecimalText(value, locale)} ${l.settleAsset}`;
  return (
    <PageBody>
      <DetailHeader
        backHref="/risk/liquidations"
        backLabel={t("back")}
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink tabular-nums">
            {t("heading", { size: formatDecimalText(l.size, locale), symbol: l.symbol })}
          </h1>
        }
        badge={<SideBadge side={l.side} />}
        waitingSince={null}
        now={new Date()}
      />
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
        <DetailCard shrinks title={t("figures")}>
          <Facts
            rows={[
              [t("at"), <DateTime key="at" at={l.at} />],
              [t("mark"), amount(l.markPrice)],
              [t("bankruptcy"), amount(l.bankruptcyPrice)],
              [t("book"), formatDecimalText(l.bookSize, locale)],
              [t("adl"), formatDecimalText(l.deleveragedSize, locale)],
              [
                t("insurance"),
                <span key="i" data-testid="detail-insurance" className="tabular-nums">
                  {insuranceWords(l.insurance, amount, t)}
                </span>,
              ],
            ]}
          />
        </DetailCard>
        <DetailCard shrinks title={t("trader")}>
          <Facts
            rows={[
              [
                t("email"),
                <span key="e" translate="no">
                  {l.email}
                </span>,
              ],
              [t("userId"), `#${l.userId}`],
            ]}
          />
        </DetailCard>
      </div>
      <FillsTable detail={detail} />
      {detail.deleveraging.length > 0 ? <DeleverageTable detail={detail} /> : null}
    </PageBody>
  );
}

type Text = Awaited<ReturnType<typeof getTranslations<"risk.liquidation">>>;

/** What the fund got or paid, in words: "99.5 USDT to the fund" / "12 USDT covered by the fund". */
function insuranceWords(value: string, amount: (v: string) => string, t: Text): string {
  if (/^-?0(\.0+)?$/.test(value)) return t("insuranceNone");
  return value.startsWith("-")
    ? t("insuranceCovered", { amount: amount(value.slice(1)) })
    : t("insuranceTaken", { amount: amount(value) });
}

async function FillsTable({ detail }: { detail: RiskLiquidationDetail }) {
  const t = await getTranslations("risk.liquidation.fills");
  const asset = detail.liquidation.settleAsset;
  const right = "right" as const;
  return (
    <section aria-labelledby="liquidation-fills" className="flex flex-col gap-3">
      <h2 id="liquidation-fills" className="text-[15px] font-semibold text-ink">
        {t("title")}
      </h2>
      <DataTable
        caption={t("caption")}
        columns={[
          { header: t("trade") },
          { header: t("at") },
          { header: t("price"), align: right },
          { header: t("quantity"), align: right },
          { header: t("quote"), align: right },
          { header: t("counterparty"), align: right },
        ]}
        minWidth="min-w-[720px]"
        empty={<p className="px-4 py-6 text-center text-[13px] text-ink-muted">{t("none")}</p>}
        rows={detail.fills.map((f) => (
          <tr key={f.tradeId} data-testid="liquidation-fill">
            <td className="h-11 px-4 tabular-nums">#{f.tradeId}</td>
            <td className="px-4 whitespace-nowrap tabular-nums">
              <DateTime at={f.executedAt} />
            </td>
            <AmountCell value={f.price} unit={asset} />
            <AmountCell value={f.quantity} />
            <AmountCell value={f.quoteAmount} unit={asset} />
            <td className="px-4 text-right tabular-nums">#{f.counterpartyUserId}</td>
          </tr>
        ))}
      />
    </section>
  );
}

async function DeleverageTable({ detail }: { detail: RiskLiquidationDetail }) {
  const t = await getTranslations("risk.liquidation.adlLines");
  const asset = detail.liquidation.settleAsset;
  const right = "right" as const;
  return (
    <section aria-labelledby="liquidation-adl" className="flex flex-col gap-3">
      <h2 id="liquidation-adl" className="text-[15px] font-semibold text-ink">
        {t("title")}
      </h2>
      <DataTable
        caption={t("caption")}
        columns={[
          { header: t("trader") },
          { header: t("quantity"), align: right },
          { header: t("price"), align: right },
          { header: t("realised"), align: right },
        ]}
        minWidth="min-w-[640px]"
        rows={detail.deleveraging.map((d) => (
          <tr key={d.userId} data-testid="liquidation-adl">
            <td className="h-11 px-4" title={`${d.email} (#${d.userId})`}>
              <span className="block max-w-48 truncate" translate="no">
                {d.email}
              </span>
            </td>
            <AmountCell value={d.quantity} />
            {d.price === null ? (
              <td className="px-4 text-right">—</td>
            ) : (
              <AmountCell value={d.price} unit={asset} />
            )}
            <SignedAmountCell value={d.realisedPnl} unit={asset} />
          </tr>
        ))}
      />
    </section>
  );
}

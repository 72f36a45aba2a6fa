import { DateTime, formatDecimalText } from "@exchange/ui/i18n";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { ApproveBelowBankruptcy } from "@/components/lending/approve-below-bankruptcy";
import { LineDistance, LoanStatusBadge, LtvText } from "@/components/lending/loan-book-parts";
import type { StaffLoanDetail } from "@/components/lending/loan-book-types";
import { PageBody } from "@/components/page-body";
import { DetailCard, DetailHeader, Facts, ProfileLink } from "@/components/review/detail-parts";
import { ppmPercent } from "@/lib/ppm-percent";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("lending.loan");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One loan for operations: its figures and terms, the approval, the liquidation, its history. */
export default async function LoanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireSection("products", `/products/loan-book/${id}`);
  // A trader's full profile is compliance's section (ADMIN opens every section).
  const seesProfiles = staff.roles.includes("ADMIN") || staff.roles.includes("COMPLIANCE");
  if (!UUID.test(id)) notFound();
  const api = await adminApi();
  const detail = await loadForPage(() =>
    api.lending.loans.detail({ loanId: id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  const t = await getTranslations("lending.loan");
  const locale = await getLocale();
  const { loan } = detail;
  const amount = (value: string, asset: string) => `${formatDecimalText(value, locale)} ${asset}`;
  return (
    <PageBody>
      <DetailHeader
        backHref="/products/loan-book"
        backLabel={t("back")}
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink tabular-nums">
            {t("heading", {
              debt: amount(loan.debt, loan.loanAsset),
              collateral: amount(loan.collateral, loan.collateralAsset),
            })}
          </h1>
        }
        badge={<LoanStatusBadge status={loan.status} />}
        waitingSince={null}
        now={new Date()}
      />
      {loan.status === "LIQUIDATING" ? <ApprovalCard detail={detail} /> : null}
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-2">
        <DetailCard shrinks title={t("figures")}>
          <Facts
            rows={[
              [t("ltv"), <LtvText key="l" loan={loan} />],
              [
                t("index"),
                loan.indexPrice === null ? (
                  t("noIndex")
                ) : (
                  <span key="i" className="tabular-nums">
                    {amount(loan.indexPrice, loan.loanAsset)}
                    {loan.indexAt ? (
                      <span className="block text-xs text-ink-faint">
                        <DateTime at={loan.indexAt} />
                      </span>
                    ) : null}
                  </span>
                ),
              ],
              [t("principal"), amount(loan.principal, loan.loanAsset)],
              [t("interest"), amount(loan.interest, loan.loanAsset)],
              [t("debt"), amount(loan.debt, loan.loanAsset)],
              [t("proceeds"), amount(loan.proceeds, loan.loanAsset)],
              [t("collateral"), amount(loan.collateral, loan.collateralAsset)],
              [
                t("warning", { ltv: ppmPercent(loan.warningLtvPpm, "up") }),
                <LineDistance
                  key="w"
                  price={loan.warningPrice}
                  distancePpm={loan.warningDistancePpm}
                  asset={loan.loanAsset}
                  testId="loan-to-warning"
                  align="start"
                />,
              ],
              [
                t("liquidation", { ltv: ppmPercent(loan.liquidationLtvPpm, "up") }),
                <LineDistance
                  key="q"
                  price={loan.liquidationPrice}
                  distancePpm={loan.liquidationDistancePpm}
                  asset={loan.loanAsset}
                  testId="loan-to-liquidation"
                  align="start"
                />,
              ],
              [t("bankruptcy"), amount(loan.bankruptcyPrice, loan.loanAsset)],
            ]}
          />
        </DetailCard>
        <div className="flex min-w-0 flex-col gap-4">
          <DetailCard shrinks title={t("terms")}>
            <Facts
              rows={[
                [
                  t("product"),
                  <span key="p" translate="no">
                    {loan.productName}
                  </span>,
                ],
                [t("version"), t("versionOf", { version: loan.productVersion })],
                [t("initialLtv"), `${ppmPercent(loan.initialLtvPpm, "up")} %`],
                [t("liquidationFee"), `${ppmPercent(loan.liquidationFeePpm, "up")} %`],
                [t("opened"), <DateTime key="o" at={loan.openedAt} />],
                [
                  t("matures"),
                  loan.maturesAt ? <DateTime key="m" at={loan.maturesAt} /> : t("openEnded"),
                ],
                [t("closed"), loan.closedAt ? <DateTime key="c" at={loan.closedAt} /> : "—"],
              ]}
            />
          </DetailCard>
          <DetailCard
            shrinks
            title={t("borrower")}
            action={seesProfiles ? <ProfileLink userId={loan.userId} /> : undefined}
          >
            <Facts
              rows={[
                [
                  t("email"),
                  <span key="e" translate="no">
                    {loan.email}
                  </span>,
                ],
                [t("userId"), `#${loan.userId}`],
              ]}
            />
          </DetailCard>
        </div>
      </div>
      {detail.settlement ? <SettlementCard detail={detail} /> : null}
      {detail.slices.length > 0 ? <SlicesTable detail={detail} /> : null}
      <HistoryTable detail={detail} />
    </PageBody>
  );
}

async function ApprovalCard({ detail }: { detail: StaffLoanDetail }) {
  const t = await getTranslations("lending.loan.approval");
  const locale = await getLocale();
  const { loan, approval } = detail;
  return (
    <section
      aria-label={t("title")}
      data-testid="loan-approval"
      className="flex flex-col gap-2 rounded-lg border border-warn/40 bg-warn/5 p-4"
    >
      <h2 className="text-[13px] font-semibold text-ink">{t("title")}</h2>
      <p className="text-[13px] text-ink-muted">
        {t("explain", {
          price: `${formatDecimalText(loan.bankruptcyPrice, locale)} ${loan.loanAsset}`,
        })}
      </p>
      {approval ? (
        <p className="text-[13px] text-warn" data-testid="loan-approved">
          {t("approved")} <span translate="no">{approval.approvedBy ?? "—"}</span> ·{" "}
          <DateTime at={approval.approvedAt} />
        </p>
      ) : (
        <ApproveBelowBankruptcy loanId={loan.id} />
      )}
    </section>
  );
}

async function SettlementCard({ detail }: { detail: StaffLoanDetail }) {
  const t = await getTranslations("lending.loan.settlement");
  const locale = await getLocale();
  const s = detail.settlement;
  if (!s) return null;
  const { collateralAsset: c, loanAsset: l } = detail.loan;
  const amount = (value: string, asset: string) => `${formatDecimalText(value, locale)} ${asset}`;
  const short = s.shortfall !== "0";
  return (
    <DetailCard shrinks title={t("title")}>
      <div data-testid="loan-settlement">
        <Facts
          rows={[
            [t("sold"), amount(s.sold, c)],
            [t("proceeds"), amount(s.proceeds, l)],
            [t("tradingFees"), amount(s.tradingFees, l)],
            [t("debt"), amount(s.debt, l)],
            [
              t("fee"),
              t("feeOf", {
                paid: amount(s.liquidationFee, l),
                due: amount(s.liquidationFeeDue, l),
              }),
            ],
            [t("surplus"), amount(s.surplus, l)],
            [t("collateralReturned"), amount(s.collateralReturned, c)],
            [
              t("shortfall"),
              <span key="s" data-testid="loan-shortfall" className={short ? "text-down" : ""}>
                {amount(s.shortfall, l)}
              </span>,
            ],
          ]}
        />
      </div>
    </DetailCard>
  );
}

async function SlicesTable({ detail }: { detail: StaffLoanDetail }) {
  const t = await getTranslations("lending.loan.slices");
  const { collateralAsset: c, loanAsset: l } = detail.loan;
  const rows = detail.slices.flatMap((slice) => {
    const fills = slice.fills.length > 0 ? slice.fills : [null];
    return fills.map((fill, i) => (
      <tr
        key={`${slice.slice}-${fill?.tradeId ?? "none"}`}
        data-testid="slice-fill"
        data-slice={slice.slice}
      >
        <td className="h-10 px-4 text-right text-ink-muted tabular-nums">
          {i === 0 ? slice.slice : ""}
        </td>
        <td className="px-4 text-ink-muted tabular-nums">{i === 0 ? `#${slice.orderId}` : ""}</td>
        <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
          <DateTime at={fill?.executedAt ?? slice.at} format="dateTimeBare" />
        </td>
        {fill ? (
          <>
            <AmountCell value={fill.price} unit={l} />
            <AmountCell value={fill.quantity} unit={c} />
            <AmountCell value={fill.quoteAmount} unit={l} />
            <AmountCell value={fill.fee} unit={fill.feeAsset} />
          </>
        ) : (
          <td colSpan={4} className="px-4 text-ink-faint">
            {t("noFill")}
          </td>
        )}
      </tr>
    ));
  });
  return (
    <section aria-label={t("title")} className="flex flex-col gap-3">
      <h2 className="text-[13px] font-semibold text-ink">{t("title")}</h2>
      <DataTable
        caption={t("title")}
        columns={[
          { header: t("slice"), align: "right" },
          { header: t("order") },
          { header: t("time") },
          { header: t("price"), align: "right" },
          { header: t("quantity"), align: "right" },
          { header: t("amount"), align: "right" },
          { header: t("fee"), align: "right" },
        ]}
        minWidth="min-w-[760px]"
        rows={rows}
      />
    </section>
  );
}

async function HistoryTable({ detail }: { detail: StaffLoanDetail }) {
  const t = await getTranslations("lending.loan.history");
  const { collateralAsset: c, loanAsset: l } = detail.loan;
  return (
    <section aria-label={t("title")} className="flex flex-col gap-3">
      <h2 className="text-[13px] font-semibold text-ink">{t("title")}</h2>
      <DataTable
        caption={t("title")}
        columns={[
          { header: t("time") },
          { header: t("step") },
          { header: t("principal"), align: "right" },
          { header: t("interest"), align: "right" },
          { header: t("collateral"), align: "right" },
          { header: t("proceeds"), align: "right" },
        ]}
        minWidth="min-w-[760px]"
        rows={detail.history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history lines never reorder
          <tr key={i} data-testid="loan-history-row" data-kind={h.kind}>
            <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
              <DateTime at={h.at} format="dateTimeBare" />
            </td>
            <td className="px-4 whitespace-nowrap">{t(`kind.${h.kind}`)}</td>
            <AmountCell value={h.principalChange} unit={l} />
            <AmountCell value={h.interestChange} unit={l} />
            <AmountCell value={h.collateralChange} unit={c} />
            <AmountCell value={h.proceedsChange} unit={l} />
          </tr>
        ))}
      />
    </section>
  );
}

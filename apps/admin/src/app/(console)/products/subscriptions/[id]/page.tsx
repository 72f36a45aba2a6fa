import { groupThousands } from "@exchange/contracts/money";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { PageBody } from "@/components/page-body";
import { PlanStatusBadge, SubscriptionStatusBadge } from "@/components/products/savings-badges";
import { DetailCard, DetailHeader, Facts, ProfileLink } from "@/components/review/detail-parts";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Savings subscription" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PLAN_COLUMNS = [
  { header: "#", align: "right" },
  { header: "Interest from" },
  { header: "Due" },
  { header: "Interest", align: "right" },
  { header: "Principal", align: "right" },
  { header: "Status" },
  { header: "Paid (UTC)" },
] as const;

const REDEMPTION: Record<string, string> = {
  NOT_ALLOWED: "Not allowed",
  FORFEIT_INTEREST: "Allowed, interest paid is forfeited",
  PENALTY: "Allowed with a penalty",
};

export default async function SavingsSubscriptionPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const staff = await requireSection("products", `/products/subscriptions/${id}`);
  // A trader's full profile is compliance's section (ADMIN opens every section).
  const seesProfiles = staff.roles.includes("ADMIN") || staff.roles.includes("COMPLIANCE");
  if (!UUID.test(id)) notFound();
  const api = await adminApi();
  const s = await loadForPage(() =>
    api.savings.subscriptions.detail({ id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  return (
    <PageBody>
      <DetailHeader
        backHref="/products/subscriptions"
        backLabel="Subscriptions"
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink tabular-nums">
            {groupThousands(s.amount)} {s.asset} · {s.productName}
          </h1>
        }
        badge={<SubscriptionStatusBadge status={s.status} />}
        waitingSince={null}
        now={new Date()}
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-2">
        <DetailCard shrinks title="Subscription">
          <Facts
            rows={[
              ["Amount", `${groupThousands(s.amount)} ${s.asset}`],
              ["Annual rate", `${s.annualRatePercent} %`],
              ["Interest paid", `${s.interestPaid} of ${s.interestScheduled} ${s.asset}`],
              ["Value date", s.valueDate],
              ["Maturity", s.maturityDate],
              ["Payout period", s.payoutPeriod.replace("_", " ").toLowerCase()],
              [
                "Early redemption",
                s.earlyRedemption === "PENALTY"
                  ? `${REDEMPTION.PENALTY} of ${s.penaltyRatePercent} %`
                  : (REDEMPTION[s.earlyRedemption] ?? s.earlyRedemption),
              ],
              ...(s.redeemed === null
                ? []
                : ([
                    ["Returned", `${s.redeemed} ${s.asset}`],
                    ["Deducted", `${s.deduction ?? "0"} ${s.asset}`],
                  ] as const)),
              ["Subscribed", formatUtc(s.createdAt)],
              ["Ended", s.endedAt ? formatUtc(s.endedAt) : "—"],
            ]}
          />
        </DetailCard>
        <DetailCard
          shrinks
          title="Trader"
          action={seesProfiles ? <ProfileLink userId={s.userId} /> : undefined}
        >
          <Facts
            rows={[
              ["Email", s.email],
              ["User id", `#${s.userId}`],
              [
                "Product",
                <Link
                  key="p"
                  href={`/products/subscriptions?product=${s.productId}`}
                  className="text-brand hover:text-brand-hover"
                >
                  All subscriptions of this product
                </Link>,
              ],
            ]}
          />
        </DetailCard>
      </div>
      <section aria-label="Repayment plan" className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">Repayment plan</h2>
        <DataTable
          caption="The subscription's plans in their order"
          columns={PLAN_COLUMNS}
          rows={s.plans.map((plan) => (
            <tr key={plan.seq} data-testid="plan-row" data-status={plan.status}>
              <td className="h-10 px-4 text-right text-ink-muted tabular-nums">{plan.seq}</td>
              <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
                {plan.periodStart}
              </td>
              <td className="px-4 whitespace-nowrap tabular-nums">{plan.dueDate}</td>
              <AmountCell value={plan.interest} unit={s.asset} />
              <AmountCell value={plan.principal} unit={s.asset} />
              <td className="px-4">
                <PlanStatusBadge status={plan.status} />
              </td>
              <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
                {plan.paidAt ? formatUtc(plan.paidAt).replace(" UTC", "") : "—"}
                {plan.payoutRunId ? (
                  <span className="ml-1 text-xs text-ink-faint">run {plan.payoutRunId}</span>
                ) : null}
              </td>
            </tr>
          ))}
          empty={<p className="px-4 py-8 text-center text-[13px] text-ink-muted">No plans.</p>}
        />
      </section>
    </PageBody>
  );
}

import { groupThousands } from "@exchange/contracts/money";
import type { SavingsInstance, SavingsProductVersion } from "@exchange/contracts/savings";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { EditTerms, ProductStatusButton } from "@/components/products/product-actions";
import {
  PAYOUT_PERIOD_LABELS,
  ProductStatusBadge,
  termLabel,
} from "@/components/products/product-badges";
import { ProductsNav } from "@/components/products/products-nav";
import { QuotaBar } from "@/components/products/quota-bar";
import { DetailCard, DetailHeader, Facts } from "@/components/review/detail-parts";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Product" };

const EARLY_REDEMPTION: Record<SavingsProductVersion["earlyRedemption"], string> = {
  NOT_ALLOWED: "Not allowed",
  FORFEIT_INTEREST: "Allowed; interest paid so far is taken back",
  PENALTY: "Allowed with a penalty",
};

const INSTANCE_COLUMNS = [
  { header: "Day (UTC)" },
  { header: "Window (UTC)" },
  { header: "Value date" },
  { header: "Maturity" },
  { header: "Version", align: "right" },
  { header: "Quota used" },
  { header: "Remaining", align: "right" },
] as const;

const VERSION_COLUMNS = [
  { header: "Version" },
  { header: "Saved (UTC)" },
  { header: "By" },
  { header: "Name" },
  { header: "Rate", align: "right" },
  { header: "Term", align: "right" },
  { header: "Paid" },
  { header: "Daily quota", align: "right" },
  { header: "Min – max", align: "right" },
  { header: "KYC", align: "right" },
  { header: "Early redemption" },
] as const;

/** This month's first day and next month's last, UTC. */
function currentAndNextMonth(now: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: idText } = await params;
  await requireSection("products", `/products/${idText}`);
  const id = Number(idText);
  if (!/^\d{1,10}$/.test(idText) || id < 1 || id > 2_147_483_647) notFound();
  const api = await adminApi();
  const range = currentAndNextMonth(new Date());
  const [products, versions, instances] = await loadForPage(() =>
    Promise.all([
      api.savings.products.list(),
      api.savings.products.versions({ id }).catch((error: { code?: string }) => {
        if (error.code === "NOT_FOUND") notFound();
        throw error;
      }),
      api.savings.instances.list({ productId: id, ...range }),
    ]),
  );
  const product = products.find((p) => p.id === id);
  if (!product) notFound();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <PageBody>
      <ProductsNav current="products" />
      <DetailHeader
        backHref="/products"
        backLabel="Products"
        title={
          <h1 className="text-xl font-semibold tracking-tight text-ink" data-testid="product-name">
            {product.name}
          </h1>
        }
        badge={<ProductStatusBadge status={product.status} />}
        waitingSince={null}
        now={new Date()}
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <DetailCard
          title={`Current terms · version ${product.version}`}
          action={
            <span className="flex items-start gap-2">
              <ProductStatusButton product={product} />
            </span>
          }
        >
          <Facts
            rows={[
              ["Asset", product.asset],
              ["Annual rate", `${product.annualRatePercent}%`],
              ["Term", termLabel(product.termDays)],
              ["Interest paid", PAYOUT_PERIOD_LABELS[product.payoutPeriod]],
              ["Daily quota", `${groupThousands(product.dailyQuota)} ${product.asset}`],
              [
                "Per subscription",
                `${groupThousands(product.minAmount)} – ${groupThousands(product.maxAmount)} ${product.asset}`,
              ],
              ["KYC level", String(product.kycLevel)],
              [
                "Early redemption",
                product.earlyRedemption === "PENALTY"
                  ? `${EARLY_REDEMPTION.PENALTY} of ${product.penaltyRatePercent}% of the principal`
                  : EARLY_REDEMPTION[product.earlyRedemption],
              ],
              ["Created", formatUtc(product.createdAt)],
            ]}
          />
          <div className="mt-4">
            <EditTerms product={product} />
          </div>
        </DetailCard>
        <DetailCard title="Status">
          <p className="text-[13px] text-ink-muted">
            {product.status === "ACTIVE"
              ? "Active: the daily job generates an instance for every day of this month and the next."
              : "Paused: no new instances are generated. Instances already generated stay on offer until their day ends; resuming fills in this month and the next."}
          </p>
        </DetailCard>
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-sm font-semibold text-ink">
          Version history
        </h2>
        <DataTable
          caption="Versions"
          columns={VERSION_COLUMNS}
          minWidth="min-w-[1100px]"
          rows={versions.map((v) => (
            <VersionRow key={v.version} version={v} current={v.version === product.version} />
          ))}
          empty={<EmptyState section="products" title="No versions" hint="" />}
        />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="instances-heading">
        <h2 id="instances-heading" className="text-sm font-semibold text-ink">
          Instances, {range.from} to {range.to}
        </h2>
        <DataTable
          caption="Instances"
          columns={INSTANCE_COLUMNS}
          rows={instances.map((i) => <InstanceRow key={i.id} instance={i} today={today} />)}
          empty={
            <EmptyState
              section="products"
              title="No instances in this range"
              hint="Active products get one instance per day; the daily job generates this month and the next."
            />
          }
        />
      </section>
    </PageBody>
  );
}

function InstanceRow({ instance: i, today }: { instance: SavingsInstance; today: string }) {
  const isToday = i.day === today;
  return (
    <tr data-testid="instance-row" data-day={i.day} className={isToday ? "bg-brand/5" : ""}>
      <td className="px-4 py-1.5 whitespace-nowrap text-ink tabular-nums">
        {i.day}
        {isToday ? <span className="ml-2 text-[11px] font-medium text-brand">open now</span> : null}
      </td>
      <td className="px-4 text-xs whitespace-nowrap text-ink-muted tabular-nums">
        {formatUtc(i.windowStart).slice(0, 16)} → {formatUtc(i.windowEnd).slice(0, 16)}
      </td>
      <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">{i.valueDate}</td>
      <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">{i.maturityDate}</td>
      <td className="px-4 text-right text-ink-muted tabular-nums">v{i.version}</td>
      <td className="px-4 py-1.5">
        <QuotaBar quota={i.quota} subscribed={i.subscribed} asset={i.asset} />
      </td>
      <AmountCell value={i.remaining} unit={i.asset} />
    </tr>
  );
}

function VersionRow({ version: v, current }: { version: SavingsProductVersion; current: boolean }) {
  return (
    <tr data-testid="version-row" data-version={v.version}>
      <td className="px-4 py-1.5 whitespace-nowrap text-ink tabular-nums">
        v{v.version}
        {current ? <span className="ml-2 text-[11px] font-medium text-brand">current</span> : null}
      </td>
      <td className="px-4 text-xs whitespace-nowrap text-ink-muted tabular-nums">
        {formatUtc(v.createdAt)}
      </td>
      <td className="max-w-48 truncate px-4 text-ink-muted">{v.createdBy ?? "—"}</td>
      <td className="max-w-56 truncate px-4 text-ink">{v.name}</td>
      <td className="px-4 text-right text-ink tabular-nums">{v.annualRatePercent}%</td>
      <td className="px-4 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {termLabel(v.termDays)}
      </td>
      <td className="px-4 text-ink-muted">{PAYOUT_PERIOD_LABELS[v.payoutPeriod]}</td>
      <AmountCell value={v.dailyQuota} unit={v.asset} />
      <td className="px-4 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {groupThousands(v.minAmount)} – {groupThousands(v.maxAmount)}
      </td>
      <td className="px-4 text-right text-ink-muted tabular-nums">{v.kycLevel}</td>
      <td className="px-4 text-ink-muted">
        {v.earlyRedemption === "PENALTY"
          ? `Penalty ${v.penaltyRatePercent}%`
          : EARLY_REDEMPTION[v.earlyRedemption]}
      </td>
    </tr>
  );
}

import { countryName } from "@exchange/api/client";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import { KycLevelBadge, KycStatusBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import { SuspendUserForm } from "@/components/users/suspend-user-form";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "User profile" };

const KYC_COLUMNS = [
  { header: "Submission" },
  { header: "Status" },
  { header: "Name" },
  { header: "Country" },
  { header: "Submitted (UTC)" },
  { header: "Decided" },
] as const;

const BALANCE_COLUMNS = [
  { header: "Asset" },
  { header: "Available", align: "right" },
  { header: "In orders", align: "right" },
  { header: "Total", align: "right" },
] as const;

const ORDER_COLUMNS = [
  { header: "Order" },
  { header: "Market" },
  { header: "Side" },
  { header: "Type" },
  { header: "Price", align: "right" },
  { header: "Quantity", align: "right" },
  { header: "Filled", align: "right" },
  { header: "Status" },
  { header: "Placed (UTC)" },
] as const;

function Empty({ children }: { children: ReactNode }) {
  return <p className="px-4 py-6 text-center text-[13px] text-ink-muted">{children}</p>;
}

export default async function UserProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSection("users", `/users/${id}`);
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const api = await adminApi();
  const user = await loadForPage(() =>
    api.users.profile({ id: Number(id) }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  );
  const held = user.balances.filter((b) => Number(b.total) !== 0);
  return (
    <PageBody>
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/users" className="text-xs text-ink-muted hover:text-ink">
          ← Users
        </Link>
        <h1 className="text-xl font-semibold tracking-tight text-ink">{user.email}</h1>
        <span className="text-ink-faint tabular-nums">#{user.id}</span>
        <KycLevelBadge level={user.kycLevel} />
      </header>

      <section className="grid grid-cols-2 gap-3 lg:grid-cols-5" aria-label="Account">
        <Stat label="Status" value={user.status === "ACTIVE" ? "Active" : "Suspended"} />
        <Stat label="Email" value={user.emailVerified ? "Verified" : "Not verified"} />
        <Stat label="Two-factor" value={user.twoFactorEnabled ? "On" : "Off"} />
        <Stat label="KYC submissions" value={String(user.kycSubmissions.length)} />
        <Stat label="Registered (UTC)" value={formatUtc(user.createdAt).replace(" UTC", "")} />
      </section>
      {user.status === "ACTIVE" ? <SuspendUserForm userId={user.id} /> : null}

      <Section title="KYC history">
        <DataTable
          caption="KYC history"
          columns={KYC_COLUMNS}
          rows={user.kycSubmissions.map((s) => (
            <tr key={s.id} data-testid="profile-kyc-row">
              <td className="h-10 px-4">
                <Link href={`/kyc/${s.id}`} className="text-brand tabular-nums">
                  #{s.id}
                </Link>
              </td>
              <td className="px-4">
                <KycStatusBadge status={s.status} />
              </td>
              <td className="px-4 text-ink">{s.legalName ?? "Compliance only"}</td>
              <td className="px-4 text-ink-muted">{countryName(s.country)}</td>
              <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
                {formatUtc(s.createdAt).replace(" UTC", "")}
              </td>
              <td className="max-w-96 px-4 text-ink-muted">
                {s.reviewedAt ? (
                  <span>
                    {s.reviewedBy?.name ?? "—"}, {formatUtc(s.reviewedAt).slice(0, 16)}
                    {s.rejectReason ? (
                      <span className="block text-xs">“{s.rejectReason}”</span>
                    ) : null}
                  </span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
          empty={<Empty>No identity submissions.</Empty>}
        />
      </Section>

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[24rem_minmax(0,1fr)]">
        <Section title="Balances">
          <DataTable
            caption="Balances"
            minWidth="min-w-0"
            columns={BALANCE_COLUMNS}
            rows={held.map((b) => (
              <tr key={b.asset}>
                <td className="h-10 px-4 font-medium text-ink">{b.asset}</td>
                <td className="px-4 text-right text-ink tabular-nums">{b.available}</td>
                <td className="px-4 text-right text-ink-muted tabular-nums">{b.frozen}</td>
                <td className="px-4 text-right text-ink tabular-nums">{b.total}</td>
              </tr>
            ))}
            empty={<Empty>No balances.</Empty>}
          />
        </Section>
        <Section title="Recent orders">
          <DataTable
            caption="Recent orders"
            columns={ORDER_COLUMNS}
            rows={user.orders.map((o) => (
              <tr key={o.orderId}>
                <td className="h-10 px-4 text-ink-muted tabular-nums">#{o.orderId}</td>
                <td className="px-4 text-ink">{o.symbol}</td>
                <td className={`px-4 font-medium ${o.side === "buy" ? "text-up" : "text-down"}`}>
                  {o.side === "buy" ? "Buy" : "Sell"}
                </td>
                <td className="px-4 text-ink-muted capitalize">{o.type}</td>
                <td className="px-4 text-right text-ink tabular-nums">{o.price ?? "Market"}</td>
                <td className="px-4 text-right text-ink tabular-nums">
                  {o.quantity ?? o.quoteAmount ?? "—"}
                </td>
                <td className="px-4 text-right text-ink-muted tabular-nums">{o.filledQuantity}</td>
                <td className="px-4 text-xs text-ink-muted">
                  {o.status.replace("_", " ").toLowerCase()}
                </td>
                <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
                  {formatUtc(o.createdAt).replace(" UTC", "")}
                </td>
              </tr>
            ))}
            empty={<Empty>No orders yet.</Empty>}
          />
        </Section>
      </div>
    </PageBody>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border border-line bg-surface px-4 py-3">
      <span className="text-[11px] font-medium tracking-wide text-ink-faint uppercase">
        {label}
      </span>
      <span className="text-sm font-semibold text-ink tabular-nums">{value}</span>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-3">
      <h2 className="text-[13px] font-semibold text-ink">{title}</h2>
      {children}
    </section>
  );
}

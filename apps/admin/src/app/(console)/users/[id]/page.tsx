import { DateTime } from "@exchange/ui/i18n";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { KycLevelBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import { ApiKeysTable } from "@/components/users/api-keys-section";
import { BalancesTable, KycHistoryTable, OrdersTable } from "@/components/users/profile-tables";
import { RestrictionsSection } from "@/components/users/restrictions-section";
import { SuspendUserForm } from "@/components/users/suspend-user-form";
import { UserTimeline } from "@/components/users/user-timeline";
import { zoneLabel } from "@/lib/zone-label";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("profileTitle") };
}

export default async function UserProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSection("users", `/users/${id}`);
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  const api = await adminApi();
  const [user, apiKeys, restrictions, t, zone] = await Promise.all([
    loadForPage(() =>
      api.users.profile({ id: Number(id) }).catch((error: { code?: string }) => {
        if (error.code === "NOT_FOUND") notFound();
        throw error;
      }),
    ),
    loadForPage(() => api.users.apiKeys.list({ userId: Number(id) })),
    loadForPage(() => api.users.restrictions.list({ userId: Number(id) })),
    getTranslations("users"),
    zoneLabel(),
  ]);
  return (
    <PageBody>
      <header className="flex flex-wrap items-center gap-3">
        <Link
          href="/users"
          className="inline-flex min-h-10 items-center text-xs text-ink-muted hover:text-ink"
        >
          {t("back")}
        </Link>
        <h1 className="min-w-0 text-xl font-semibold tracking-tight break-all text-ink">
          {user.email}
        </h1>
        <span className="text-ink-faint tabular-nums">#{user.id}</span>
        <KycLevelBadge level={user.kycLevel} />
      </header>

      <section className="grid grid-cols-2 gap-3 lg:grid-cols-5" aria-label={t("account")}>
        <Stat label={t("stats.status")} value={t(`status.${user.status}`)} />
        <Stat
          label={t("stats.email")}
          value={user.emailVerified ? t("stats.emailVerified") : t("stats.emailNotVerified")}
        />
        <Stat
          label={t("stats.twoFactor")}
          value={user.twoFactorEnabled ? t("stats.on") : t("stats.off")}
        />
        <Stat label={t("stats.kycSubmissions")} value={String(user.kycSubmissions.length)} />
        <Stat
          label={t("stats.registered")}
          value={<DateTime at={user.createdAt} format="dateTime" />}
          testId="profile-registered"
        />
      </section>
      {user.status === "ACTIVE" ? <SuspendUserForm userId={user.id} /> : null}
      <Section title={t("restrictions.title")}>
        <RestrictionsSection userId={user.id} inForce={restrictions.restrictions} />
      </Section>

      <Section title={t("kycHistory")}>
        <KycHistoryTable submissions={user.kycSubmissions} zone={zone} />
      </Section>
      {/* Balances above orders, each the page's width: side by side, their columns were cut. */}
      <div className="max-w-3xl">
        <Section title={t("balances")}>
          <BalancesTable balances={user.balances} />
        </Section>
      </div>
      <Section title={t("recentOrders")}>
        <OrdersTable orders={user.orders} zone={zone} />
      </Section>
      <Section title={t("apiKeys.title")}>
        <ApiKeysTable userId={user.id} keys={apiKeys} />
      </Section>
      <Section title={t("timeline.title")}>
        <UserTimeline userId={user.id} />
      </Section>
    </PageBody>
  );
}

function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 rounded-lg border border-line bg-surface px-4 py-3">
      <span className="text-[11px] font-medium tracking-wide text-ink-faint uppercase">
        {label}
      </span>
      <span className="text-sm font-semibold text-ink tabular-nums" data-testid={testId}>
        {value}
      </span>
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

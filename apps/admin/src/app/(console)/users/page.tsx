import { DateTime } from "@exchange/ui/i18n";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput } from "@/components/filter-bar";
import { KycLevelBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { paramOf, type SearchParams } from "@/lib/search-params";
import { zoneLabel } from "@/lib/zone-label";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("users", "/users");
  const query = paramOf(await searchParams, "q").slice(0, 254);
  const api = await adminApi();
  const [result, t, nav, zone] = await Promise.all([
    loadForPage(() => api.users.search({ query })),
    getTranslations("users"),
    getTranslations("nav.sections.users"),
    zoneLabel(),
  ]);
  const columns = [
    { header: t("columns.id"), align: "right" },
    { header: t("columns.email") },
    { header: t("columns.kyc") },
    { header: t("columns.emailVerified") },
    { header: t("columns.status") },
    { header: t("columns.registered", { zone }) },
    { header: "" },
  ] as const;
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={nav("description")}
        aside={
          <span className="rounded-md bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset">
            <span className="font-semibold text-ink tabular-nums">{result.total}</span>{" "}
            {query ? t("matching") : t("users")}
            {result.total > result.rows.length
              ? ` ${t("firstShown", { count: result.rows.length })}`
              : ""}
          </span>
        }
      />
      <FilterBar action="/users" label={t("searchLabel")}>
        <FilterInput
          label={t("searchField")}
          name="q"
          type="search"
          value={query}
          placeholder={t("searchPlaceholder")}
          width="w-full sm:w-80"
        />
      </FilterBar>
      <DataTable
        caption={t("title")}
        columns={columns}
        rows={result.rows.map((user) => (
          <tr key={user.id} data-testid="user-row">
            <td className="h-10 px-4 text-right text-ink-muted tabular-nums">#{user.id}</td>
            <td className="px-4 text-ink">{user.email}</td>
            <td className="px-4">
              <KycLevelBadge level={user.kycLevel} />
            </td>
            <td className="px-4 text-ink-muted">
              {user.emailVerifiedAt ? (
                <span className="text-up">{t("yes")}</span>
              ) : (
                <span className="text-ink-faint">{t("no")}</span>
              )}
            </td>
            <td className="px-4 text-ink-muted">
              {user.status === "ACTIVE" ? (
                t("status.ACTIVE")
              ) : (
                <span className="text-down">{t("status.SUSPENDED")}</span>
              )}
            </td>
            <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
              <DateTime at={user.createdAt} format="dateTimeBare" />
            </td>
            <td className="px-4 text-right">
              <Link
                href={`/users/${user.id}`}
                className="inline-flex min-h-10 items-center text-xs font-medium text-brand hover:text-brand-hover"
              >
                {t("profileLink")}
              </Link>
            </td>
          </tr>
        ))}
        empty={<EmptyState section="users" title={nav("emptyTitle")} hint={nav("emptyHint")} />}
      />
    </PageBody>
  );
}

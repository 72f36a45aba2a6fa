import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput } from "@/components/filter-bar";
import { KycLevelBadge } from "@/components/kyc/kyc-status-badge";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { paramOf, type SearchParams } from "@/lib/search-params";
import { SECTION_PAGES } from "@/lib/section-pages";
import { formatUtc } from "@/lib/time-format";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Users" };

const COLUMNS = [
  { header: "ID", align: "right" },
  { header: "Email" },
  { header: "KYC" },
  { header: "Email verified" },
  { header: "Status" },
  { header: "Registered (UTC)" },
  { header: "" },
] as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("users", "/users");
  const query = paramOf(await searchParams, "q").slice(0, 254);
  const api = await adminApi();
  const result = await loadForPage(() => api.users.search({ query }));
  const section = SECTION_PAGES.users;
  return (
    <PageBody>
      <PageHeader
        title="Users"
        description={section.description}
        aside={
          <span className="rounded-md bg-raised px-2.5 py-1 text-xs text-ink-muted ring-1 ring-line ring-inset">
            <span className="font-semibold text-ink tabular-nums">{result.total}</span>{" "}
            {query ? "matching" : "users"}
            {result.total > result.rows.length ? ` · first ${result.rows.length} shown` : ""}
          </span>
        }
      />
      <FilterBar action="/users" label="Search users">
        <FilterInput
          label="Email or user id"
          name="q"
          type="search"
          value={query}
          placeholder="ada@example.com or #42"
          width="w-80"
        />
      </FilterBar>
      <DataTable
        caption="Users"
        columns={COLUMNS}
        rows={result.rows.map((user) => (
          <tr key={user.id} data-testid="user-row">
            <td className="h-10 px-4 text-right text-ink-muted tabular-nums">#{user.id}</td>
            <td className="px-4 text-ink">{user.email}</td>
            <td className="px-4">
              <KycLevelBadge level={user.kycLevel} />
            </td>
            <td className="px-4 text-ink-muted">
              {user.emailVerifiedAt ? (
                <span className="text-up">Yes</span>
              ) : (
                <span className="text-ink-faint">No</span>
              )}
            </td>
            <td className="px-4 text-ink-muted">
              {user.status === "ACTIVE" ? "Active" : <span className="text-down">Suspended</span>}
            </td>
            <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">
              {formatUtc(user.createdAt).replace(" UTC", "")}
            </td>
            <td className="px-4 text-right">
              <Link
                href={`/users/${user.id}`}
                className="text-xs font-medium text-brand hover:text-brand-hover"
              >
                Profile →
              </Link>
            </td>
          </tr>
        ))}
        empty={<EmptyState section="users" title={section.emptyTitle} hint={section.emptyHint} />}
      />
    </PageBody>
  );
}

import { buttonClasses } from "@exchange/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_COLUMNS_WITH_CHANGE, auditRows } from "@/components/audit-rows";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { hrefWith, paramOf, type SearchParams } from "@/lib/search-params";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Audit" };

const PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;
const ACTOR_TYPES = ["STAFF", "USER", "SYSTEM"] as const;

/** A `YYYY-MM-DD` day as the UTC midnight starting it, or undefined. */
function dayParam(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The page's filters from its URL; anything malformed is ignored rather than an error. */
function filtersOf(params: SearchParams) {
  const actorType = paramOf(params, "actorType");
  const before = paramOf(params, "before");
  return {
    actorType: ACTOR_TYPES.find((t) => t === actorType),
    actorId: /^\d{1,12}$/.test(paramOf(params, "actorId")) ? paramOf(params, "actorId") : "",
    action: paramOf(params, "action").slice(0, 64),
    targetType: paramOf(params, "targetType").slice(0, 64),
    targetId: paramOf(params, "targetId").slice(0, 64),
    from: paramOf(params, "from"),
    to: paramOf(params, "to"),
    before: /^[1-9]\d{0,18}$/.test(before) ? BigInt(before) : undefined,
  };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("audit", "/audit");
  const filters = filtersOf(await searchParams);
  const from = dayParam(filters.from);
  const toDay = dayParam(filters.to);
  const api = await adminApi();
  const [page, vocabulary] = await loadForPage(() =>
    Promise.all([
      api.audit.list({
        limit: PAGE_SIZE,
        before: filters.before,
        actorType: filters.actorType,
        actorId: filters.actorId || undefined,
        action: filters.action || undefined,
        targetType: filters.targetType || undefined,
        targetId: filters.targetId || undefined,
        from,
        // The "to" day is inclusive: entries before the next midnight.
        to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
      }),
      api.audit.vocabulary(),
    ]),
  );
  const query = { ...filters, actorType: filters.actorType ?? "", before: undefined };
  const section = SECTION_PAGES.audit;
  const filtered = Object.values(query).some((value) => value);
  return (
    <PageBody>
      <PageHeader title="Audit" description={section.description} />
      <FilterBar action="/audit" label="Filter the audit log">
        <FilterSelect
          label="Actor"
          name="actorType"
          value={filters.actorType ?? ""}
          options={[
            { value: "", label: "Anyone" },
            { value: "STAFF", label: "Staff" },
            { value: "USER", label: "Trader" },
            { value: "SYSTEM", label: "System" },
          ]}
        />
        <FilterInput
          label="Actor id"
          name="actorId"
          value={filters.actorId}
          placeholder="e.g. 2"
          width="w-24"
        />
        <FilterSelect
          label="Action"
          name="action"
          value={filters.action}
          options={[
            { value: "", label: "All actions" },
            ...families(vocabulary.actions).map((family) => ({
              value: family,
              label: `${family}*`,
            })),
            ...vocabulary.actions.map((action) => ({ value: action, label: action })),
          ]}
        />
        <FilterSelect
          label="Target"
          name="targetType"
          value={filters.targetType}
          options={[
            { value: "", label: "Any target" },
            ...vocabulary.targetTypes.map((type) => ({ value: type, label: type })),
          ]}
        />
        <FilterInput
          label="Target id"
          name="targetId"
          value={filters.targetId}
          placeholder="e.g. 17"
          width="w-24"
        />
        <FilterInput label="From (UTC)" name="from" type="date" value={filters.from} width="w-36" />
        <FilterInput label="To (UTC)" name="to" type="date" value={filters.to} width="w-36" />
      </FilterBar>
      <DataTable
        caption="Audit log"
        columns={AUDIT_COLUMNS_WITH_CHANGE}
        rows={auditRows(page.rows, { change: true })}
        empty={
          <EmptyState
            section="audit"
            title={filtered ? "No entries match these filters" : section.emptyTitle}
            hint={filtered ? "Widen the date range or clear a filter." : section.emptyHint}
          />
        }
      />
      <nav aria-label="Audit pages" className="flex items-center justify-end gap-2">
        {filters.before !== undefined ? (
          <Link href={hrefWith("/audit", query)} className={buttonClasses("ghost", "sm")}>
            Newest
          </Link>
        ) : null}
        {page.nextBefore !== undefined ? (
          <Link
            href={hrefWith("/audit", { ...query, before: page.nextBefore.toString() })}
            className={buttonClasses("secondary", "sm")}
          >
            Older entries
          </Link>
        ) : null}
      </nav>
    </PageBody>
  );
}

/** `kyc.` for `kyc.approve` and `kyc.reject`: whole families of actions, where there are several. */
function families(actions: readonly string[]): string[] {
  const prefixes = actions.flatMap((a) => (a.includes(".") ? [`${a.split(".")[0]}.`] : []));
  return [...new Set(prefixes)].filter(
    (prefix) => actions.filter((a) => a.startsWith(prefix)).length > 1,
  );
}

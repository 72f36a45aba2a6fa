import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { auditColumns, auditRows } from "@/components/audit-rows";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { hrefWith, paramOf, type SearchParams } from "@/lib/search-params";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

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

/**
 * The audit log: staff actions and traders' security events and orders, newest first, with the
 * address and device of each, narrowed by actor, action, target and day.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("audit", "/audit");
  const t = await getTranslations("audit");
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
  const filtered = Object.values(query).some((value) => value);
  const actionLabel = (action: string) => {
    const key = `actions.${action}` as Parameters<typeof t>[0];
    return t.has(key) && typeof t.raw(key) === "string" ? `${t(key)} · ${action}` : action;
  };
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar action="/audit" label={t("filter.label")}>
        <FilterSelect
          label={t("filter.actor")}
          name="actorType"
          value={filters.actorType ?? ""}
          options={[
            { value: "", label: t("filter.anyone") },
            ...ACTOR_TYPES.map((type) => ({ value: type, label: t(`actors.${type}`) })),
          ]}
        />
        <FilterInput
          label={t("filter.actorId")}
          name="actorId"
          value={filters.actorId}
          placeholder={t("filter.actorIdPlaceholder")}
          width="w-24"
        />
        <FilterSelect
          label={t("filter.action")}
          name="action"
          value={filters.action}
          options={[
            { value: "", label: t("filter.allActions") },
            ...families(vocabulary.actions).map((family) => ({
              value: family,
              label: t("filter.family", { family }),
              code: true,
            })),
            ...vocabulary.actions.map((action) => ({
              value: action,
              label: actionLabel(action),
              code: true,
            })),
          ]}
        />
        <FilterSelect
          label={t("filter.target")}
          name="targetType"
          value={filters.targetType}
          options={[
            { value: "", label: t("filter.anyTarget") },
            ...vocabulary.targetTypes.map((type) => {
              const key = `targetTypes.${type}` as Parameters<typeof t>[0];
              return t.has(key)
                ? { value: type, label: t(key) }
                : { value: type, label: type, code: true };
            }),
          ]}
        />
        <FilterInput
          label={t("filter.targetId")}
          name="targetId"
          value={filters.targetId}
          placeholder={t("filter.targetIdPlaceholder")}
          width="w-24"
        />
        <FilterInput
          label={t("filter.from")}
          name="from"
          type="date"
          value={filters.from}
          width="w-36"
        />
        <FilterInput label={t("filter.to")} name="to" type="date" value={filters.to} width="w-36" />
      </FilterBar>
      <DataTable
        caption={t("caption")}
        columns={auditColumns(t, { change: true })}
        rows={auditRows(page.rows, { change: true })}
        empty={
          <EmptyState
            section="audit"
            title={filtered ? t("noMatchTitle") : t("emptyTitle")}
            hint={filtered ? t("noMatchHint") : t("emptyHint")}
          />
        }
      />
      <nav aria-label={t("pages")} className="flex items-center justify-end gap-2">
        {filters.before !== undefined ? (
          <Link href={hrefWith("/audit", query)} className={buttonClasses("ghost", "sm")}>
            {t("newest")}
          </Link>
        ) : null}
        {page.nextBefore !== undefined ? (
          <Link
            href={hrefWith("/audit", { ...query, before: page.nextBefore.toString() })}
            className={buttonClasses("secondary", "sm")}
          >
            {t("older")}
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

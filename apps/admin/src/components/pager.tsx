import { buttonClasses } from "@exchange/ui";
import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links for an offset-paged list; `hrefOf(page)` keeps the list's filters. */
export function Pager({
  page,
  pageSize,
  total,
  hrefOf,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefOf: (page: number) => string;
  label: string;
}) {
  const t = useTranslations("common.pager");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 text-xs text-ink-muted">
      <span className="tabular-nums">{t("pageOf", { page, pages })}</span>
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className={buttonClasses("ghost", "sm")}>
          {t("previous")}
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={hrefOf(page + 1)} className={buttonClasses("secondary", "sm")}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}

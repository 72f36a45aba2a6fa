import { buttonClasses } from "@exchange/ui";
import Link from "next/link";

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
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 text-xs text-ink-muted">
      <span className="tabular-nums">
        Page {page} of {pages}
      </span>
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className={buttonClasses("ghost", "sm")}>
          ← Previous
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={hrefOf(page + 1)} className={buttonClasses("secondary", "sm")}>
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

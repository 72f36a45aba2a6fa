import Link from "next/link";

export interface SectionTab {
  key: string;
  href: string;
  label: string;
}

/** A section's pages as tabs under its header (Products, Futures risk): the current one marked. */
export function SectionTabs({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: readonly SectionTab[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="border-b border-line">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-10 items-center border-b-2 px-3 text-[13px] font-medium whitespace-nowrap transition-colors ${
                  active
                    ? "border-brand text-ink"
                    : "border-transparent text-ink-muted hover:border-line-strong hover:text-ink"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

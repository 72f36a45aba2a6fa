import type { StaffSection } from "@exchange/api/client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { SECTION_PAGES } from "@/lib/section-pages";
import type { SectionSummary } from "@/server/section-summaries";
import { SectionIcon } from "./section-icon";

/** A dashboard tile: the section, its headline figure, and a way in. */
export function SectionCard({
  section,
  summary,
}: {
  section: StaffSection;
  summary: SectionSummary;
}) {
  const t = useTranslations("nav");
  return (
    <Link
      href={SECTION_PAGES[section].href}
      data-testid={`section-card-${section}`}
      className="group flex min-w-0 flex-col gap-4 rounded-lg border border-line bg-surface p-4 transition-colors hover:border-line-strong hover:bg-raised/50 focus-visible:outline-2 focus-visible:outline-brand"
    >
      <div className="flex items-center justify-between">
        <span className="flex items-center gap-2 text-[13px] font-medium text-ink-muted group-hover:text-ink">
          <SectionIcon section={section} />
          {t(`sections.${section}.title`)}
        </span>
        <span
          aria-hidden="true"
          className="text-ink-faint transition-transform group-hover:translate-x-0.5"
        >
          →
        </span>
      </div>
      <div className="flex flex-col gap-0.5">
        <span className="text-2xl font-semibold tracking-tight text-ink tabular-nums">
          {summary.figure}
        </span>
        <span className="truncate text-xs text-ink-faint" title={summary.caption}>
          {summary.caption}
        </span>
      </div>
    </Link>
  );
}

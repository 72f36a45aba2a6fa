import type { StaffSection } from "@exchange/api/client";
import { SectionIcon } from "./section-icon";

/** What an empty table says: that nothing is wrong, and what would appear here. */
export function EmptyState({
  section,
  title,
  hint,
}: {
  section: StaffSection;
  title: string;
  hint: string;
}) {
  return (
    <div
      className="flex flex-col items-center gap-3 px-6 py-16 text-center"
      data-testid="empty-state"
    >
      <span className="grid size-11 place-items-center rounded-full bg-raised text-ink-faint ring-1 ring-line-strong">
        <SectionIcon section={section} className="size-5" />
      </span>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-ink">{title}</p>
        <p className="max-w-sm text-[13px] text-ink-muted">{hint}</p>
      </div>
    </div>
  );
}

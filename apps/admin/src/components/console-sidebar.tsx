import { canOpenSection } from "@exchange/api/client";
import { BrandMark } from "@exchange/ui";
import { SECTION_ORDER, SECTION_PAGES, sectionTitle } from "@/lib/section-pages";
import type { StaffRole } from "@/lib/staff-roles";
import { SectionIcon } from "./section-icon";
import { SidebarLink } from "./sidebar-link";

/**
 * The console's navigation: only the sections these roles may open, from the same table the
 * API enforces. Hiding is a courtesy; the pages and procedures refuse on their own.
 */
export function ConsoleSidebar({ roles }: { roles: readonly StaffRole[] }) {
  const sections = SECTION_ORDER.filter((section) => canOpenSection(roles, section));
  return (
    <aside className="border-b border-line bg-surface lg:sticky lg:top-0 lg:flex lg:h-dvh lg:flex-col lg:border-r lg:border-b-0">
      <div className="flex h-14 items-center px-4 lg:px-5">
        <BrandMark href="/" label="Admin console home" tag="Admin" />
      </div>
      <nav aria-label="Sections" className="overflow-x-auto px-3 pb-3 lg:flex-1 lg:pt-2">
        <p className="mb-2 hidden px-3 text-[11px] font-semibold tracking-wider text-ink-faint uppercase lg:block">
          Console
        </p>
        <ul className="flex gap-1 lg:flex-col">
          <li>
            <SidebarLink href="/">
              <SectionIcon section="dashboard" />
              Dashboard
            </SidebarLink>
          </li>
          {sections.map((section) => (
            <li key={section}>
              <SidebarLink href={SECTION_PAGES[section].href}>
                <SectionIcon section={section} />
                {sectionTitle(section)}
              </SidebarLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="hidden border-t border-line px-5 py-3 text-[11px] text-ink-faint lg:block">
        Every action here is recorded in the audit log.
      </p>
    </aside>
  );
}

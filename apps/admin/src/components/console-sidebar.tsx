import { canOpenSection } from "@exchange/api/client";
import { BrandMark } from "@exchange/ui";
import { useTranslations } from "next-intl";
import { SECTION_ORDER, SECTION_PAGES } from "@/lib/section-pages";
import type { StaffRole } from "@/lib/staff-roles";
import { SectionIcon } from "./section-icon";
import { SidebarLink } from "./sidebar-link";
import { SidebarMenu } from "./sidebar-menu";

/**
 * The console's navigation: only the sections these roles may open, from the same table the
 * API enforces. Hiding is a courtesy; the pages and procedures refuse on their own. Below the
 * desktop width it folds into a menu button, so a phone shows the page, not ten links.
 */
export function ConsoleSidebar({ roles }: { roles: readonly StaffRole[] }) {
  const t = useTranslations("nav");
  const sections = SECTION_ORDER.filter((section) => canOpenSection(roles, section));
  return (
    <aside className="border-b border-line bg-surface lg:sticky lg:top-0 lg:flex lg:h-dvh lg:flex-col lg:border-r lg:border-b-0">
      <SidebarMenu
        brand={
          // The tag's leading space keeps the wordmark and the tag two words for assistive
          // technology (the link's visible text "Exchange Admin" is then part of its name);
          // at the start of its box the space takes no room on screen.
          <BrandMark href="/" label={t("brandLabel")} tag={t("brandTag")} />
        }
        menuLabel={t("menu")}
        openLabel={t("openMenu")}
        closeLabel={t("closeMenu")}
      >
        <nav aria-label={t("sectionsLabel")} className="px-3 pb-3 lg:flex-1 lg:pt-2">
          <p className="mb-2 hidden px-3 text-[11px] font-semibold tracking-wider text-ink-faint uppercase lg:block">
            {t("console")}
          </p>
          <ul className="grid grid-cols-2 gap-1 sm:grid-cols-3 lg:flex lg:flex-col">
            <li>
              <SidebarLink href="/">
                <SectionIcon section="dashboard" />
                {t("dashboard")}
              </SidebarLink>
            </li>
            {sections.map((section) => (
              <li key={section}>
                <SidebarLink href={SECTION_PAGES[section].href}>
                  <SectionIcon section={section} />
                  {t(`sections.${section}.title`)}
                </SidebarLink>
              </li>
            ))}
          </ul>
        </nav>
        <p className="hidden border-t border-line px-5 py-3 text-[11px] text-ink-faint lg:block">
          {t("auditNote")}
        </p>
      </SidebarMenu>
    </aside>
  );
}

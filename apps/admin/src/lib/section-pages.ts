import { STAFF_SECTIONS, type StaffSection } from "@exchange/api/client";

/**
 * Where each admin section lives. What it is called and what its page says, in the viewer's
 * language, is in the `nav` catalog: `nav.sections.<section>.{title, description, emptyTitle,
 * emptyHint}` (`useTranslations("nav")`, or `getTranslations("nav")` in an async page).
 */
export const SECTION_PAGES: Record<StaffSection, { href: `/${string}` }> = {
  kyc: { href: "/kyc" },
  users: { href: "/users" },
  withdrawals: { href: "/withdrawals" },
  deposits: { href: "/deposits" },
  treasury: { href: "/treasury" },
  products: { href: "/products" },
  markets: { href: "/markets" },
  risk: { href: "/risk" },
  fees: { href: "/fees" },
  feeIncome: { href: "/fee-income" },
  announcements: { href: "/announcements" },
  reconciliation: { href: "/reconciliation" },
  audit: { href: "/audit" },
  system: { href: "/system" },
  staff: { href: "/staff" },
};

/** Sections in navigation order. */
export const SECTION_ORDER = Object.keys(STAFF_SECTIONS) as StaffSection[];

import { STAFF_SECTIONS, type StaffSection } from "@exchange/api/client";

/**
 * Where each admin section lives. What it is called and what its page says, in the viewer's
 * language, is in the `nav` catalog: `nav.sections.<section>.{title, description, emptyTitle,
 * emptyHint}` (`useTranslations("nav")`, or `getTranslations("nav")` in an async page).
 *
 * The English fields below are kept for pages not yet reading the catalog; they are the same
 * words as the English catalog and go once the last page has moved.
 */
export const SECTION_PAGES: Record<
  StaffSection,
  {
    href: `/${string}`;
    /** @deprecated read `nav.sections.<section>.description` */
    description: string;
    /** @deprecated read `nav.sections.<section>.emptyTitle` */
    emptyTitle: string;
    /** @deprecated read `nav.sections.<section>.emptyHint` */
    emptyHint: string;
  }
> = {
  kyc: {
    href: "/kyc",
    description: "Identity submissions waiting for a compliance decision.",
    emptyTitle: "No submissions to review",
    emptyHint: "When traders send their identity documents, they queue here for review.",
  },
  users: {
    href: "/users",
    description: "Find a trader by email or id: identity history, balances and recent orders.",
    emptyTitle: "No users match",
    emptyHint: "Search by part of an email address, or by a user id such as 42 or #42.",
  },
  withdrawals: {
    href: "/withdrawals",
    description: "Withdrawals above the automatic limit, waiting for finance approval.",
    emptyTitle: "No withdrawals awaiting approval",
    emptyHint: "Withdrawals that need a finance decision appear here, oldest first.",
  },
  deposits: {
    href: "/deposits",
    description:
      "Deposits found on chain. Held ones (large amount, blocklisted sender) wait for finance to clear or refuse; credited ones whose block was reorganised away need acknowledging.",
    emptyTitle: "No deposits match",
    emptyHint: "Deposits appear here as the chain watcher finds them, newest first.",
  },
  treasury: {
    href: "/treasury",
    description:
      "The hot wallet's balance of each asset against its warning and low lines, sweeps from deposit addresses, and finance's alerts.",
    emptyTitle: "Nothing here yet",
    emptyHint: "Sweeps and alerts appear here as the signer and the hot-wallet check record them.",
  },
  products: {
    href: "/products",
    description:
      "Savings products (templates) and the day-by-day instances traders subscribe to. Editing terms saves a new version; instances already generated keep theirs.",
    emptyTitle: "No savings products yet",
    emptyHint: "Create one below: it is offered to traders from today.",
  },
  markets: {
    href: "/markets",
    description: "Spot markets and the trading rules the engine enforces.",
    emptyTitle: "No markets listed",
    emptyHint: "Markets appear here once they are configured.",
  },
  reconciliation: {
    href: "/reconciliation",
    description:
      "Proof that the books balance: ledger postings sum to zero per asset, every projected balance equals its postings and the engine's own state, and the chain holds what users are owed.",
    emptyTitle: "No reconciliation has run yet",
    emptyHint: "The worker reconciles the books periodically; its reports appear here.",
  },
  audit: {
    href: "/audit",
    description: "Every staff action and sign-in, newest first. Entries cannot be changed.",
    emptyTitle: "The audit log is empty",
    emptyHint: "Staff sign-ins and actions are recorded here as they happen.",
  },
  staff: {
    href: "/staff",
    description:
      "Staff accounts. A new member sets up two-factor only through a one-time link an administrator creates here.",
    emptyTitle: "No staff accounts",
    emptyHint: "Staff accounts are created by the operator.",
  },
};

/** Sections in navigation order. */
export const SECTION_ORDER = Object.keys(STAFF_SECTIONS) as StaffSection[];

/** The English title; @deprecated read `nav.sections.<section>.title` in the viewer's language. */
export function sectionTitle(section: StaffSection): string {
  return STAFF_SECTIONS[section].title;
}

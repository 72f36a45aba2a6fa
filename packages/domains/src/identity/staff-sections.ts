import type { StaffRole } from "./identity-enums";

/**
 * The admin console's sections and the roles that may open each. The API enforces this on
 * every staff procedure; the admin app uses the same table for its navigation and page guards.
 * ADMIN may open everything.
 */
export const STAFF_SECTIONS = {
  kyc: { title: "KYC", roles: ["COMPLIANCE"] },
  users: { title: "Users", roles: ["COMPLIANCE"] },
  withdrawals: { title: "Withdrawals", roles: ["FINANCE"] },
  deposits: { title: "Deposits", roles: ["FINANCE"] },
  /** The hot wallet: balances against their lines, sweeps and finance's alerts. */
  treasury: { title: "Hot wallet", roles: ["FINANCE"] },
  products: { title: "Products", roles: ["OPERATIONS"] },
  markets: { title: "Markets", roles: ["OPERATIONS"] },
  /**
   * The futures risk view (read-only): positions by margin ratio, open interest, liquidations,
   * the insurance fund and funding. Operations run the contracts; finance answer for the fund.
   */
  risk: { title: "Futures risk", roles: ["OPERATIONS", "FINANCE"] },
  /** The fee schedule and traders' fee overrides. */
  fees: { title: "Fees", roles: ["OPERATIONS"] },
  /** Fees earned and rebates paid per market and day. */
  feeIncome: { title: "Fee income", roles: ["FINANCE", "OPERATIONS"] },
  /** Announcements to every trader (banner and list in the web app). */
  announcements: { title: "Announcements", roles: ["OPERATIONS"] },
  reconciliation: { title: "Reconciliation", roles: ["FINANCE"] },
  audit: { title: "Audit", roles: ["COMPLIANCE"] },
  /**
   * Processes, consumer lags, the last reconciliation, the alert center's alerts and the venue's
   * figures: those who run the venue. Finance and compliance have their own sections for money
   * and people; internal errors and process names are not theirs to act on.
   */
  system: { title: "System", roles: ["OPERATIONS"] },
  /** Staff accounts and their two-factor set-up links: administrators only. */
  staff: { title: "Staff", roles: [] },
} as const satisfies Record<string, { title: string; roles: readonly StaffRole[] }>;

export type StaffSection = keyof typeof STAFF_SECTIONS;

export function canOpenSection(roles: readonly StaffRole[], section: StaffSection): boolean {
  return hasAnyRole(roles, STAFF_SECTIONS[section].roles);
}

export function hasAnyRole(roles: readonly StaffRole[], allowed: readonly StaffRole[]): boolean {
  return roles.includes("ADMIN") || roles.some((role) => allowed.includes(role));
}

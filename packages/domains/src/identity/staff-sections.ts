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
  /** Announcements to every trader (banner and list in the web app). */
  announcements: { title: "Announcements", roles: ["OPERATIONS"] },
  reconciliation: { title: "Reconciliation", roles: ["FINANCE"] },
  audit: { title: "Audit", roles: ["COMPLIANCE"] },
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

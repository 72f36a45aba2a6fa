/**
 * Identity's enums as the rest of the code sees them, mirroring the Prisma schema's enums of the
 * same names (identity-enums.test.ts asserts they match), so services and UI code never import
 * Prisma types. Add a value in the schema and here together.
 */

/** What a staff member may do in the admin console (identity/staff-sections.ts). */
export const STAFF_ROLES = [
  /** Everything, including staff management. */
  "ADMIN",
  /** KYC review and user history. */
  "COMPLIANCE",
  /** Withdrawal approval, balances and reconciliation. */
  "FINANCE",
  /** Markets, assets, savings products, fee schedules. */
  "OPERATIONS",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who holds a session or two-factor secret: a trader or a staff member. */
export const PRINCIPAL_TYPES = [
  /** A trader of the web app. */
  "USER",
  /** A staff member of the admin console. */
  "STAFF",
] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Why a single-use token was mailed. */
export const AUTH_TOKEN_PURPOSES = [
  /** Proves the trader owns the email address. */
  "VERIFY_EMAIL",
  /** Lets the trader choose a new password. */
  "RESET_PASSWORD",
] as const;
export type AuthTokenPurpose = (typeof AUTH_TOKEN_PURPOSES)[number];

/** Whether a trader may log in. */
export const USER_STATUSES = [
  /** May log in and trade. */
  "ACTIVE",
  /** Blocked by staff; may not log in. */
  "SUSPENDED",
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

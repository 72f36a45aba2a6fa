import type { StaffDto } from "@exchange/api";
import type { canOpenSection } from "@exchange/api/client";

/** A staff role, as the API's section table types it. */
export type StaffRole = Parameters<typeof canOpenSection>[0][number];

/** Role names as people say them. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: "Admin",
  COMPLIANCE: "Compliance",
  FINANCE: "Finance",
  OPERATIONS: "Operations",
};

/** The logged-in staff member, loaded from the database for each request (see `currentStaff`). */
export type SessionStaff = StaffDto & { sessionId: string };

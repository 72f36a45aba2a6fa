import type { canOpenSection } from "@exchange/api/client";
import { z } from "zod";

/** A staff role, as the API's section table types it. */
export type StaffRole = Parameters<typeof canOpenSection>[0][number];

export const STAFF_ROLES = [
  "ADMIN",
  "COMPLIANCE",
  "FINANCE",
  "OPERATIONS",
] as const satisfies readonly StaffRole[];

/** Role names as people say them. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  ADMIN: "Admin",
  COMPLIANCE: "Compliance",
  FINANCE: "Finance",
  OPERATIONS: "Operations",
};

/** Who a staff session belongs to: what the JWT carries and pages check. */
export const ZSessionStaff = z.object({
  id: z.coerce.number().int().positive(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
});
export type SessionStaff = z.infer<typeof ZSessionStaff>;

import { hasNoNul, NO_NUL_MESSAGE, ZRowId } from "@exchange/domains/input-bounds";
import { z } from "zod";
import { ZEmail } from "../../trader/auth/register.types";

export const ZStaffRole = z.enum(["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"]);

/** One to four roles, each once: a member with no role would see an empty console. */
export const ZStaffRoles = z
  .array(ZStaffRole)
  .min(1, "Give at least one role.")
  .max(4)
  .refine((roles) => new Set(roles).size === roles.length, "Give each role once.");

export const ZStaffListOutput = z.array(
  z.object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    roles: z.array(ZStaffRole),
    active: z.boolean(),
    /** INVITED: has not chosen a password yet; INACTIVE: deactivated. */
    status: z.enum(["INVITED", "ACTIVE", "INACTIVE"]),
    twoFactorEnabled: z.boolean(),
    /** When the member's open invitation or set-up link expires; null when none is open. */
    linkExpiresAt: z.date().nullable(),
  }),
);

export const ZCreateEnrolmentLinkInput = z.object({ staffId: ZRowId });

export const ZCreateEnrolmentLinkOutput = z.object({
  /** Shown once to the administrator, who hands it over; only its hash is stored. */
  token: z.string(),
  expiresAt: z.date(),
});

/** A person's name as the console shows it: printable, no NUL, 1–100 characters. */
const ZStaffName = z
  .string()
  .trim()
  .min(1, "Enter the member's name.")
  .max(100, "Use at most 100 characters.")
  .refine(hasNoNul, NO_NUL_MESSAGE)
  .refine((name) => !/[\p{Cc}]/u.test(name), "Remove the control characters from the name.");

export const ZInviteStaffInput = z.object({ email: ZEmail, name: ZStaffName, roles: ZStaffRoles });
export const ZInviteStaffOutput = z.object({ staffId: z.number().int(), expiresAt: z.date() });

export const ZStaffIdInput = z.object({ staffId: ZRowId });
export const ZExpiresAtOutput = z.object({ expiresAt: z.date() });

export const ZSetStaffRolesInput = z.object({ staffId: ZRowId, roles: ZStaffRoles });
export const ZSetStaffRolesOutput = z.object({ roles: z.array(ZStaffRole) });

export const ZSetStaffActiveInput = z.object({ staffId: ZRowId, active: z.boolean() });
export const ZSetStaffActiveOutput = z.object({ active: z.boolean() });

export const ZRequestTwoFactorResetInput = z.object({
  staffId: ZRowId,
  /** Why: how the member proved who they are. Kept in the request and the audit log. */
  reason: z
    .string()
    .trim()
    .min(3, "Say why, in a few words.")
    .max(500, "Use at most 500 characters.")
    .refine(hasNoNul, NO_NUL_MESSAGE),
});
export const ZRequestTwoFactorResetOutput = z.object({ id: z.number().int() });

export const ZTwoFactorResetIdInput = z.object({ id: ZRowId });

export const ZTwoFactorResetsOutput = z.array(
  z.object({
    id: z.number().int(),
    staffId: z.number().int(),
    staffName: z.string(),
    staffEmail: z.string(),
    requestedById: z.number().int(),
    requestedByName: z.string(),
    reason: z.string(),
    createdAt: z.date(),
  }),
);

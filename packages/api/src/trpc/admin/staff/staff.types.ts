import { z } from "zod";

export const ZStaffListOutput = z.array(
  z.object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(["ADMIN", "COMPLIANCE", "FINANCE", "OPERATIONS"])),
    active: z.boolean(),
    twoFactorEnabled: z.boolean(),
  }),
);

export const ZCreateEnrolmentLinkInput = z.object({
  staffId: z.number().int().positive().max(2_147_483_647),
});

export const ZCreateEnrolmentLinkOutput = z.object({
  /** Shown once to the administrator, who hands it over; only its hash is stored. */
  token: z.string(),
  expiresAt: z.date(),
});

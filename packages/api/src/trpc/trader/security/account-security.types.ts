import { z } from "zod";
import { ZPassword } from "../auth/register.types";
import { ZSecondFactorCode } from "./two-factor.types";

/**
 * Changing the password while logged in: the current one (any text up to the policy's
 * maximum; it is checked, not judged), a new one under the registration's rules, and a code
 * where two-factor is on.
 */
export const ZChangePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, "Enter your current password.")
    .max(128, "Enter your current password."),
  newPassword: ZPassword,
  code: ZSecondFactorCode.optional(),
});
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZChangePasswordOutput = z.object({
  /** How many other sessions of the account were logged out. */
  otherSessionsEnded: z.number().int().min(0),
});

/** A browser and system by product name ("Chrome", "macOS"); null parts were not recognised. */
export const ZDevice = z.object({ browser: z.string().nullable(), os: z.string().nullable() });

export const ZSessionView = z.object({
  handle: z.string(),
  createdAt: z.date(),
  ip: z.string().nullable(),
  device: ZDevice.nullable(),
  current: z.boolean(),
});
export const ZListSessionsOutput = z.array(ZSessionView);

/** A session's handle as the list gave it (22 base64url characters), never its id. */
export const ZRevokeSessionInput = z.object({
  handle: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "That session is not in your list."),
});

export const ZRevokeOtherSessionsOutput = z.object({ revoked: z.number().int().min(0) });

/** No audit id: ids are global, and their gaps would tell a trader how busy the venue is. */
export const ZLogInView = z.object({
  at: z.date(),
  ip: z.string().nullable(),
  device: ZDevice.nullable(),
  result: z.enum(["success", "wrong-password", "wrong-code"]),
});
export const ZRecentLogInsOutput = z.array(ZLogInView);

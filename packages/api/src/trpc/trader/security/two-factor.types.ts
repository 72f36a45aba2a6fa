import { z } from "zod";

/** A 6-digit TOTP code or a recovery code (`K7QX2-MN4PA`), as typed. */
export const ZSecondFactorCode = z
  .string()
  .trim()
  .min(6, "Enter the 6-digit code from your app, or a recovery code.")
  .max(20, "Enter the 6-digit code from your app, or a recovery code.");

/** Enrolment accepts only an app code: it proves the app holds the new secret. */
export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your app.");

export const ZTwoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.date().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export const ZTwoFactorEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
});
export const ZConfirmTwoFactorInput = z.object({ code: ZTotpCode });
export const ZConfirmTwoFactorOutput = z.object({ recoveryCodes: z.array(z.string()) });

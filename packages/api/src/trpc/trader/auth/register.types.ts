import { z } from "zod";

/**
 * Password policy: 10–128 characters with at least one letter and one digit. Length is what
 * resists guessing; the character rule only refuses the most common trivial choices.
 */
export const ZPassword = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(128, "Use at most 128 characters.")
  .regex(/\p{L}/u, "Include at least one letter.")
  .regex(/\d/, "Include at least one digit.");

export const ZEmail = z
  .string()
  .trim()
  .max(254, "This email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const ZRegisterInput = z.object({ email: ZEmail, password: ZPassword });
export type RegisterInput = z.infer<typeof ZRegisterInput>;

/** Only the address back: the same answer whether or not it already had an account. */
export const ZRegisterOutput = z.object({ email: z.string() });

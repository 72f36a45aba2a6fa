import { z } from "zod";
import { ZEmail, ZPassword } from "./register.types";

/** A token from a mailed link: 43 base64url characters (256 bits). */
export const ZLinkToken = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{20,100}$/,
    "This link is not valid. Please check it or ask for a new one.",
  );

export const ZEmailOnlyInput = z.object({ email: ZEmail });
export const ZVerifyEmailInput = z.object({ token: ZLinkToken });
export const ZVerifyEmailOutput = z.object({ email: z.string(), alreadyVerified: z.boolean() });
export const ZResetPasswordInput = z.object({ token: ZLinkToken, password: ZPassword });
export const ZResetPasswordOutput = z.object({ email: z.string() });
/** What mail requests answer: nothing that says whether the account exists. */
export const ZAcceptedOutput = z.object({ accepted: z.literal(true) });

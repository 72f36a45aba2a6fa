import { z } from "zod";

/** What the staff log-in form sends; the API decides whether it matches an account. */
export const ZLogInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

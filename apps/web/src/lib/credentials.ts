import { z } from "zod";

/**
 * What the log-in form sends. Deliberately looser than registration's rules: a log-in only
 * needs something to compare, and a stricter check here would reveal the password policy's
 * history to anyone probing accounts.
 */
export const ZLogInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

import { z } from "zod";

/**
 * What a log-in form sends, checked before any account lookup. Deliberately looser than
 * registration's rules: a log-in only needs something to compare, and a stricter check here
 * would reveal the password policy's history to anyone probing accounts.
 */
export const ZLogInInput = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export type LogInInput = z.infer<typeof ZLogInInput>;

/** What a log-in attempt answers the form with (success redirects instead). */
export interface LogInState {
  /** What went wrong, in words fit for the person; never which of email or password. */
  error?: string;
  /** The email typed, so a failed attempt does not make them type it again. */
  email?: string | undefined;
  /** The password was right but the email is not verified yet: offer to resend the link. */
  unverified?: boolean;
  /** The log-in in progress is gone (expired challenge): offer to start again. */
  restart?: boolean;
}

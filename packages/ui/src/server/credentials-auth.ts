import { CredentialsSignin, type NextAuthConfig, type Session, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authCookieNames } from "./auth-cookies";

export interface CredentialsAuthOptions {
  /** Signs and encrypts this app's sessions; never shared with the other app. */
  secret: string;
  /** Prefix of this app's cookie names (see `authCookieNames`). */
  cookiePrefix: string;
  sessionMaxAgeS: number;
  /**
   * Redeems a sign-in ticket: the single-use token the API's log-in steps issue once password
   * and second factor have passed. The account's `id` becomes the session's.
   */
  authenticate(ticket: string, request: Request): Promise<User>;
  /** Whether `authenticate` refused the ticket (expired or used): an ordinary answer. */
  isWrongCredentials(error: unknown): boolean;
}

const ZTicket = z.object({ ticket: z.string().min(20).max(100) });

/**
 * The Auth.js setup both apps share: a session in an encrypted JWT cookie (no session table)
 * that names only the account, as `session.user.id`. Auth.js checks no password itself: the
 * app's log-in actions run the API's steps (password, rate limits, verified email, two-factor)
 * and hand Auth.js a one-minute ticket, never a password, so no route of Auth.js's own can
 * bypass a step. Auth.js never shows its own (unstyled) pages.
 */
export function credentialsAuthConfig(options: CredentialsAuthOptions): NextAuthConfig {
  return {
    secret: options.secret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: options.sessionMaxAgeS },
    cookies: authCookieNames(options.cookiePrefix),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { ticket: {} },
        async authorize(raw, request) {
          const input = ZTicket.safeParse(raw);
          if (!input.success) return null;
          try {
            return await options.authenticate(input.data.ticket, request);
          } catch (error) {
            if (options.isWrongCredentials(error)) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // When the session began, fixed at sign-in. Not the JWT's `iat`, which Auth.js renews
      // whenever it re-issues the cookie: a password reset must end sessions begun before it.
      jwt({ token, user }) {
        if (user) token.signedInAtMs = Date.now();
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.signedInAtMs === "number") {
          (session as SessionWithSignIn).signedInAtMs = token.signedInAtMs;
        }
        return session;
      },
    },
    logger: {
      // A failed log-in is expected traffic, not a server error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(error);
      },
    },
  };
}

type SessionWithSignIn = Session & { signedInAtMs?: number };

/** When the session's sign-in happened (ms since epoch), or null for sessions from before. */
export function sessionSignedInAtMs(session: Session | null): number | null {
  const value = (session as SessionWithSignIn | null)?.signedInAtMs;
  return typeof value === "number" ? value : null;
}

/** The account id a session names, or null (no session, or not one this code wrote). */
export function sessionAccountId(session: Session | null): number | null {
  const id = Number(session?.user?.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

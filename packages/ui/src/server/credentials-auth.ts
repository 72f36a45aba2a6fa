import { createLogger } from "@exchange/protocol/log";
import { CredentialsSignin, type NextAuthConfig, type Session, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authCookieConfig } from "./auth-cookies";
import { requestClient } from "./client-ip";

const log = createLogger("auth");

export interface CredentialsAuthOptions {
  /** Signs and encrypts this app's sessions; never shared with the other app. */
  secret: string;
  /** Prefix of this app's cookie names (see `authCookieConfig`). */
  cookiePrefix: string;
  /** Whether the browser reached the app over HTTPS (`requestIsHttps`): prefixed, Secure cookies. */
  secureCookies: boolean;
  sessionMaxAgeS: number;
  /**
   * Redeems a sign-in ticket: the single-use token the API's log-in steps issue once password
   * and second factor have passed. The account's `id` and the server-side session the API
   * opened for it become the cookie's. `client` is where the browser signs in from (its address
   * and user agent), which the session and the audit log keep.
   */
  authenticate(ticket: string, client: SignInClient): Promise<User & { sessionId: string }>;
  /** Log-out: ends the server-side session, so a copy of the cookie is refused from then on. */
  endSession(sessionId: string): Promise<void>;
  /** Whether `authenticate` refused the ticket (expired or used): an ordinary answer. */
  isWrongCredentials(error: unknown): boolean;
}

/** The signing-in browser's address and user agent, from the sign-in request's headers. */
export interface SignInClient {
  ip: string | undefined;
  userAgent: string | undefined;
}

const ZTicket = z.object({ ticket: z.string().min(20).max(100) });

/**
 * The Auth.js setup both apps share: an encrypted JWT cookie that names the account
 * (`session.user.id`) and its server-side session (`sessionIdOf`), which each request checks
 * and log-out revokes. Auth.js checks no password itself: the
 * app's log-in actions run the API's steps (password, rate limits, verified email, two-factor)
 * and hand Auth.js a one-minute ticket, never a password, so no route of Auth.js's own can
 * bypass a step. Auth.js never shows its own (unstyled) pages.
 */
export function credentialsAuthConfig(options: CredentialsAuthOptions): NextAuthConfig {
  return {
    secret: options.secret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: options.sessionMaxAgeS },
    ...authCookieConfig(options.cookiePrefix, options.secureCookies),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { ticket: {} },
        async authorize(raw, request) {
          const input = ZTicket.safeParse(raw);
          if (!input.success) return null;
          try {
            return await options.authenticate(input.data.ticket, requestClient(request.headers));
          } catch (error) {
            if (options.isWrongCredentials(error)) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === "string") (session as SessionWithId).sessionId = token.sid;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await options.endSession(sid);
      },
    },
    logger: {
      // A failed log-in is expected traffic, not a server error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        log.error("auth failed", { error });
      },
    },
  };
}

type SessionWithId = Session & { sessionId?: string };

/** The server-side session a cookie names, or null for cookies without one (refused). */
export function sessionIdOf(session: Session | null): string | null {
  const value = (session as SessionWithId | null)?.sessionId;
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The account id a session names, or null (no session, or not one this code wrote). */
export function sessionAccountId(session: Session | null): number | null {
  const id = Number(session?.user?.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

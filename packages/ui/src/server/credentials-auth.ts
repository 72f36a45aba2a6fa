import { CredentialsSignin, type NextAuthConfig, type Session, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { type LogInInput, ZLogInInput } from "../lib/credentials";
import { authCookieNames } from "./auth-cookies";

export interface CredentialsAuthOptions {
  /** Signs and encrypts this app's sessions; never shared with the other app. */
  secret: string;
  /** Prefix of this app's cookie names (see `authCookieNames`). */
  cookiePrefix: string;
  sessionMaxAgeS: number;
  /** Checks a well-formed email and password; the account's `id` becomes the session's. */
  authenticate(credentials: LogInInput, request: Request): Promise<User>;
  /** Whether `authenticate` failed because of a wrong email or password: an ordinary answer. */
  isWrongCredentials(error: unknown): boolean;
}

/**
 * The Auth.js setup both apps share: email and password, checked by the app; a session in an
 * encrypted JWT cookie (no session table) that names only the account, as `session.user.id`.
 * Auth.js never shows its own (unstyled) pages: sign-in and its errors land on the app's.
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
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const input = ZLogInInput.safeParse(raw);
          if (!input.success) return null;
          try {
            return await options.authenticate(input.data, request);
          } catch (error) {
            if (options.isWrongCredentials(error)) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
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

/** The account id a session names, or null (no session, or not one this code wrote). */
export function sessionAccountId(session: Session | null): number | null {
  const id = Number(session?.user?.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

import { AppError, AppErrorCode, authenticateUser } from "@exchange/api";
import { ZLogInInput } from "@exchange/ui";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { webEnv } from "@/env";
import { authCookieNames } from "@/server/auth-cookies";
import { getServices } from "@/server/services";

const SESSION_MAX_AGE_S = 24 * 60 * 60;

/**
 * Trader sessions: email + password checked by the API's `authenticateUser`, kept in an
 * encrypted JWT cookie (no session table). The token's `sub` is the user id.
 *
 * The config is a function so the environment is read on first use, not when `next build`
 * imports this module.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: webEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  cookies: authCookieNames("exchange-web"),
  // Auth.js never shows its own (unstyled) pages: sign-in and its errors land on ours.
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const input = ZLogInInput.safeParse(raw);
        if (!input.success) return null;
        try {
          const { db } = await getServices();
          const user = await authenticateUser(db, input.data);
          return { id: String(user.id), email: user.email };
        } catch (error) {
          // A wrong email or password is an ordinary answer; anything else is a real failure.
          if (error instanceof AppError && error.code === AppErrorCode.INVALID_CREDENTIALS) {
            return null;
          }
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
}));

/** The logged-in trader, or null. */
export async function currentTrader(): Promise<{ id: number; email: string } | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  const email = session?.user?.email;
  if (!Number.isSafeInteger(id) || id <= 0 || !email) return null;
  return { id, email };
}

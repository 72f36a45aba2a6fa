import { AppError, AppErrorCode, authenticateStaff, findStaff } from "@exchange/api";
import { ZLogInInput } from "@exchange/ui";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { adminEnv } from "@/env";
import type { SessionStaff } from "@/lib/staff-roles";
import { authCookieNames } from "@/server/auth-cookies";
import { clientIp } from "@/server/client-ip";
import { getServices } from "@/server/services";

/**
 * A working shift, not a week: a stolen staff cookie is worth less the sooner it expires. Roles
 * and deactivation do not wait for it: `currentStaff` reads them afresh on every request.
 */
const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Staff sessions, separate from traders' in every way: own secret (ADMIN_AUTH_SECRET), own
 * cookie names (`exchange-admin.*`), staff accounts checked by `authenticateStaff`, which
 * also writes the audit row of each log-in. The session holds only who logged in (the staff id
 * as the token's `sub`), never what they may do.
 *
 * The config is a function so the environment is read on first use, not at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: adminEnv().ADMIN_AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  cookies: authCookieNames("exchange-admin"),
  // Auth.js never shows its own (unstyled) pages: sign-in and its errors land on ours.
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const input = ZLogInInput.safeParse(raw);
        if (!input.success) return null;
        try {
          const { db } = await getServices();
          const staff = await authenticateStaff(db, {
            ...input.data,
            ip: clientIp(request.headers),
          });
          // Auth.js wants a string id, and keeps it in the token as `sub`.
          return { id: String(staff.id), name: staff.name, email: staff.email };
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

/**
 * The logged-in staff member as the database has them now: current roles, and null once they
 * are deactivated or deleted, whatever the session cookie says. Cached per server render, so
 * the layout, the page guard and the API context of one request share a single lookup.
 */
export const currentStaff = cache(async (): Promise<SessionStaff | null> => {
  const session = await auth();
  const staffId = Number(session?.user?.id);
  if (!Number.isSafeInteger(staffId) || staffId <= 0) return null;
  const { db } = await getServices();
  try {
    return await findStaff(db, staffId);
  } catch (error) {
    // An inactive or unknown staff member is logged out, not an error.
    if (error instanceof AppError && error.code === AppErrorCode.UNAUTHENTICATED) return null;
    throw error;
  }
});

import { AppError, AppErrorCode, authenticateStaff } from "@exchange/api";
import { ZLogInInput } from "@exchange/ui";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { adminEnv } from "@/env";
import { type SessionStaff, ZSessionStaff } from "@/lib/staff-roles";
import { authCookieNames } from "@/server/auth-cookies";
import { clientIp } from "@/server/client-ip";
import { getServices } from "@/server/services";

/**
 * A working shift, not a week: a staff session holds powerful roles, and the roles in it are
 * the ones read at log-in, so a revoked role lapses at the latest when the session does.
 */
const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Staff sessions, separate from traders' in every way: own secret (ADMIN_AUTH_SECRET), own
 * cookie names (`exchange-admin.*`), staff accounts checked by `authenticateStaff`, which
 * also writes the audit row of each log-in.
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
          // Auth.js wants a string id; the roles ride along to the `jwt` callback below.
          return { ...staff, id: String(staff.id) };
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
    jwt({ token, user }) {
      // `user` is present only at log-in: copy the staff member's identity into the token.
      if (user) token.staff = ZSessionStaff.parse(user);
      return token;
    },
    session({ session, token }) {
      return Object.assign(session, { staff: token.staff });
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

/** The logged-in staff member, or null. The token is ours, but its shape is still checked. */
export async function currentStaff(): Promise<SessionStaff | null> {
  const session = await auth();
  const parsed = ZSessionStaff.safeParse(session && "staff" in session ? session.staff : null);
  return parsed.success ? parsed.data : null;
}

import { AppError, AppErrorCode, findStaff, redeemSignInTicket } from "@exchange/api";
import { credentialsAuthConfig, sessionAccountId } from "@exchange/ui/server";
import NextAuth from "next-auth";
import { cache } from "react";
import { adminEnv } from "@/env";
import type { SessionStaff } from "@/lib/staff-roles";
import { getServices } from "@/server/services";

/**
 * A working shift, not a week: a stolen staff cookie is worth less the sooner it expires. Roles
 * and deactivation do not wait for it: `currentStaff` reads them afresh on every request.
 */
const SESSION_MAX_AGE_S = 8 * 60 * 60;

/**
 * Staff sessions, separate from traders' in every way: own secret (ADMIN_AUTH_SECRET), own
 * cookie names (`exchange-admin.*`), staff accounts only. The log-in actions run the API's
 * steps — password, rate limits, then a TOTP code, or enrolment for staff without two-factor —
 * which audit the log-in and hand Auth.js a single-use ticket. The session holds only who
 * logged in (the staff id), never what they may do.
 *
 * The config is a function so the environment is read on first use, not at build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  credentialsAuthConfig({
    secret: adminEnv().ADMIN_AUTH_SECRET,
    cookiePrefix: "exchange-admin",
    sessionMaxAgeS: SESSION_MAX_AGE_S,
    async authenticate(ticket) {
      const services = await getServices();
      const { id } = await redeemSignInTicket(services, { kind: "staff", ticket });
      const staff = await findStaff(services.db, id);
      return { id: String(staff.id), name: staff.name, email: staff.email };
    },
    isWrongCredentials: (error) =>
      error instanceof AppError &&
      (error.code === AppErrorCode.INVALID_CREDENTIALS ||
        error.code === AppErrorCode.UNAUTHENTICATED),
  }),
);

/**
 * The logged-in staff member as the database has them now: current roles, and null once they
 * are deactivated or deleted, whatever the session cookie says. Cached per server render, so
 * the layout, the page guard and the API calls of one page share a single lookup.
 */
export const currentStaff = cache(async (): Promise<SessionStaff | null> => {
  const staffId = sessionAccountId(await auth());
  if (staffId === null) return null;
  const { db } = await getServices();
  try {
    return await findStaff(db, staffId);
  } catch (error) {
    // An inactive or unknown staff member is logged out, not an error.
    if (error instanceof AppError && error.code === AppErrorCode.UNAUTHENTICATED) return null;
    throw error;
  }
});

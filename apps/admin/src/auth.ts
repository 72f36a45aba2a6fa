import {
  AppError,
  AppErrorCode,
  endSession,
  findStaff,
  redeemSignInTicket,
  sessionStands,
} from "@exchange/api";
import {
  credentialsAuthConfig,
  requestIsHttps,
  sessionAccountId,
  sessionIdOf,
} from "@exchange/ui/server";
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
 * The server-side session the API opens on redeeming the ticket is checked on every request
 * and revoked at log-out.
 *
 * The config is a function so the environment is read on first use, not at build time, and so
 * the cookies follow the request's scheme.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) =>
  credentialsAuthConfig({
    secret: adminEnv().ADMIN_AUTH_SECRET,
    cookiePrefix: "exchange-admin",
    secureCookies: await requestIsHttps(request),
    sessionMaxAgeS: SESSION_MAX_AGE_S,
    async authenticate(ticket, client) {
      const services = await getServices();
      const { id, sessionId } = await redeemSignInTicket(services, {
        kind: "staff",
        ticket,
        sessionMaxAgeS: SESSION_MAX_AGE_S,
        client,
      });
      const staff = await findStaff(services, id);
      return { id: String(staff.id), name: staff.name, email: staff.email, sessionId };
    },
    endSession: async (sessionId) => endSession(await getServices(), sessionId),
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
  const session = await auth();
  const staffId = sessionAccountId(session);
  const sessionId = sessionIdOf(session);
  if (staffId === null || sessionId === null) return null;
  const services = await getServices();
  // A session ended on the server (log-out) is over, whatever the cookie says.
  if (!(await sessionStands(services, { type: "STAFF", id: staffId }, sessionId))) return null;
  try {
    return { ...(await findStaff(services, staffId)), sessionId };
  } catch (error) {
    // An inactive or unknown staff member is logged out, not an error.
    if (error instanceof AppError && error.code === AppErrorCode.UNAUTHENTICATED) return null;
    throw error;
  }
});

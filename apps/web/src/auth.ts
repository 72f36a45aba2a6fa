import {
  AppError,
  AppErrorCode,
  currentSessionUser,
  endSession,
  findUser,
  redeemSignInTicket,
} from "@exchange/api";
import {
  credentialsAuthConfig,
  requestIsHttps,
  sessionAccountId,
  sessionIdOf,
} from "@exchange/ui/server";
import NextAuth from "next-auth";
import { cache } from "react";
import { webEnv } from "@/env";
import { getServices } from "@/server/services";
import { SESSION_COOKIE_PREFIX, SESSION_MAX_AGE_S } from "@/server/session-cookie";

/**
 * Trader sessions. The log-in actions (app/actions/session-actions.ts) run the API's steps —
 * password, rate limits, verified email, two-factor — and hand Auth.js a single-use ticket;
 * the session's account id is the user id the ticket names, and its server-side session the
 * one the API opened on redeeming it (log-out revokes it).
 *
 * The config is a function so the environment is read on first use, not when `next build`
 * imports this module, and so the cookies follow the request's scheme.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) =>
  credentialsAuthConfig({
    secret: webEnv().AUTH_SECRET,
    cookiePrefix: SESSION_COOKIE_PREFIX,
    secureCookies: await requestIsHttps(request),
    sessionMaxAgeS: SESSION_MAX_AGE_S,
    async authenticate(ticket, client) {
      const services = await getServices();
      const { id, sessionId } = await redeemSignInTicket(services, {
        kind: "user",
        ticket,
        sessionMaxAgeS: SESSION_MAX_AGE_S,
        client,
      });
      const user = await findUser(services, id);
      return { id: String(user.id), email: user.email, sessionId };
    },
    endSession: async (sessionId) => endSession(await getServices(), sessionId),
    isWrongCredentials: (error) =>
      error instanceof AppError && error.code === AppErrorCode.INVALID_CREDENTIALS,
  }),
);

/**
 * The logged-in trader, or null: no session, a suspended account, or a session ended on the
 * server (log-out, password reset). Cached per server render (header, page and API context
 * share one lookup).
 */
export const currentTrader = cache(
  async (): Promise<{ id: number; email: string; sessionId: string } | null> => {
    const session = await auth();
    const userId = sessionAccountId(session);
    const sessionId = sessionIdOf(session);
    if (userId === null || sessionId === null) return null;
    const services = await getServices();
    const user = await currentSessionUser(services, { userId, sessionId });
    return user ? { ...user, sessionId } : null;
  },
);

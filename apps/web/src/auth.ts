import {
  AppError,
  AppErrorCode,
  currentSessionUser,
  findUser,
  redeemSignInTicket,
} from "@exchange/api";
import { credentialsAuthConfig, sessionAccountId, sessionSignedInAtMs } from "@exchange/ui/server";
import NextAuth from "next-auth";
import { cache } from "react";
import { webEnv } from "@/env";
import { getServices } from "@/server/services";

const SESSION_MAX_AGE_S = 24 * 60 * 60;

/**
 * Trader sessions. The log-in actions (app/actions/session-actions.ts) run the API's steps —
 * password, rate limits, verified email, two-factor — and hand Auth.js a single-use ticket;
 * the session's account id is the user id the ticket names.
 *
 * The config is a function so the environment is read on first use, not when `next build`
 * imports this module.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  credentialsAuthConfig({
    secret: webEnv().AUTH_SECRET,
    cookiePrefix: "exchange-web",
    sessionMaxAgeS: SESSION_MAX_AGE_S,
    async authenticate(ticket) {
      const services = await getServices();
      const { id } = await redeemSignInTicket(services, { kind: "user", ticket });
      const user = await findUser(services.db, id);
      return { id: String(user.id), email: user.email };
    },
    isWrongCredentials: (error) =>
      error instanceof AppError && error.code === AppErrorCode.INVALID_CREDENTIALS,
  }),
);

/**
 * The logged-in trader, or null: no session, a suspended account, or a session begun before
 * the password was last reset. Cached per server render (header, page and API context share
 * one lookup).
 */
export const currentTrader = cache(async (): Promise<{ id: number; email: string } | null> => {
  const session = await auth();
  const userId = sessionAccountId(session);
  if (userId === null) return null;
  const { db } = await getServices();
  return currentSessionUser(db, { userId, signedInAtMs: sessionSignedInAtMs(session) });
});

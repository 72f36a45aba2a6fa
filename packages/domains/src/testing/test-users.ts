import { type Db, hashPassword } from "@exchange/db";
import { issueTicket, redeemSignInTicket } from "../identity/log-in";
import type { Services } from "../services";

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

/**
 * A trader straight in the database, unique per call. By default as trading needs them: email
 * verified and identity verified (KYC level 1); pass `kycLevel: 0` or `emailVerified: false`
 * for the earlier states.
 */
export async function createTestUser(
  db: Db,
  options: { tag?: string; kycLevel?: number; emailVerified?: boolean } = {},
): Promise<TestUser> {
  const email = `${options.tag ?? "user"}-${crypto.randomUUID()}@example.test`;
  const password = "test-user-pass-123";
  const user = await db.user.create({
    data: {
      email,
      passwordHash: await hashPassword(password),
      emailVerifiedAt: options.emailVerified === false ? null : new Date(),
      kycLevel: options.kycLevel ?? 1,
    },
    select: { id: true },
  });
  return { id: user.id, email, password };
}

/**
 * The trader signed in as the web app does it: a log-in ticket redeemed into a server-side
 * session. The actor carries the session, as the app's request context does.
 */
export async function signInTestUser(
  services: Services,
  userId: number,
): Promise<{ kind: "user"; userId: number; sessionId: string }> {
  const ticket = await issueTicket(services, "user", userId);
  const { sessionId } = await redeemSignInTicket(services, {
    kind: "user",
    ticket,
    sessionMaxAgeS: 3600,
  });
  return { kind: "user", userId, sessionId };
}

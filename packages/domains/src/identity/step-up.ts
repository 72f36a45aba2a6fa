import { verifyPassword } from "@exchange/db/password";
import { clockDate } from "@exchange/protocol";
import { AppError, AppErrorCode } from "../errors";
import type { Services } from "../services";
import { checkRateLimit, countRateEvent, RATE_LIMITS } from "./rate-limit";
import { findSession, markSessionSteppedUp, type SessionPrincipal } from "./session-repository";
import { type Principal, verifySecondFactor } from "./two-factor";
import { findPasswordFactors } from "./two-factor-repository";

/**
 * Step-up: proving the factors again, inside a session, before a sensitive action (turning
 * two-factor off; withdrawals and API keys to come). The proof is the password and, where
 * two-factor is on, a current code; it is recorded on the server-side session, and an action
 * guarded by `requireRecentStepUp` runs only within `STEP_UP_WINDOW_MS` of it. Signing in counts
 * as a proof (it asked for the same factors). A stolen session cookie alone therefore cannot
 * do any of these actions once the window has passed.
 */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

export interface StepUpProof {
  password: string;
  /** A TOTP or recovery code; required when the account has two-factor on. */
  code?: string | undefined;
}

export interface StepUpSession {
  principal: SessionPrincipal;
  sessionId: string | undefined;
}

const WRONG_PROOF = "That password is not right.";
const TOO_MANY = "Too many failed confirmations.";

/**
 * Checks the proof and records it on the session. Refused up front while the account is over
 * its limit (5 failures / 15 min); a wrong password or code counts against it.
 */
export async function proveStepUp(
  services: Services,
  session: StepUpSession,
  proof: StepUpProof & { ip: string | undefined },
): Promise<void> {
  const sessionId = requireSessionId(session);
  const subject = stepUpSubject(session.principal);
  const { redis, redisPrefix } = services;
  await checkRateLimit(redis, redisPrefix, RATE_LIMITS.stepUpAccount, subject, TOO_MANY);
  try {
    await verifyFactors(services, session.principal, proof);
  } catch (error) {
    if (isWrongProof(error)) {
      await countRateEvent(redis, redisPrefix, RATE_LIMITS.stepUpAccount, subject);
    }
    throw error;
  }
  const { principal } = session;
  const now = clockDate(services.clock);
  const stands = await markSessionSteppedUp(services.db, { id: sessionId, principal, now });
  if (!stands) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
}

/** Throws STEP_UP_REQUIRED unless the session proved its factors within the window. */
export async function requireRecentStepUp(
  services: Services,
  session: StepUpSession,
  nowMs = services.clock.now(),
): Promise<void> {
  const sessionId = requireSessionId(session);
  const row = await findSession(services.db, sessionId);
  const recent =
    row !== null &&
    row.revokedAt === null &&
    row.expiresAt.getTime() > nowMs &&
    row.principalType === session.principal.type &&
    row.principalId === session.principal.id &&
    nowMs - row.steppedUpAt.getTime() <= STEP_UP_WINDOW_MS;
  if (!recent) {
    throw new AppError(
      AppErrorCode.STEP_UP_REQUIRED,
      "Please confirm with your password (and your two-factor code) to continue.",
    );
  }
}

function requireSessionId(session: StepUpSession): string {
  if (!session.sessionId) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  return session.sessionId;
}

async function verifyFactors(
  services: Services,
  principal: Principal,
  proof: StepUpProof & { ip: string | undefined },
): Promise<void> {
  const account = await findPasswordFactors(services.db, principal);
  if (!account) throw new AppError(AppErrorCode.UNAUTHENTICATED, "Please log in.");
  const passwordOk = await verifyPassword(account.passwordHash, proof.password);
  if (!passwordOk) {
    throw new AppError(AppErrorCode.WRONG_PASSWORD, WRONG_PROOF, { password: [WRONG_PROOF] });
  }
  if (account.totpEnabledAt === null) return;
  if (!proof.code) {
    throw new AppError(AppErrorCode.INVALID_TWO_FACTOR_CODE, "Enter your two-factor code too.", {
      code: ["Enter the 6-digit code from your app, or a recovery code."],
    });
  }
  await verifySecondFactor(services, principal, { code: proof.code, ip: proof.ip });
}

function isWrongProof(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === AppErrorCode.WRONG_PASSWORD ||
      error.code === AppErrorCode.INVALID_TWO_FACTOR_CODE)
  );
}

function stepUpSubject(principal: Principal): string {
  return `${principal.type === "USER" ? "user" : "staff"}:${principal.id}`;
}

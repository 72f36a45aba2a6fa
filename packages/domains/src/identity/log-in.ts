import { createHmac } from "node:crypto";
import { decoyPasswordHash, verifyPassword } from "@exchange/db/password";
import { clockDate } from "@exchange/protocol";
import { type RequestClient, recordAudit } from "../audit/audit-repository";
import { AppError, AppErrorCode } from "../errors";
import type { Services, Store, Tx } from "../services";
import { ipSubject } from "./identity-config";
import { hashToken, newToken } from "./one-time-token";
import {
  accountSubject,
  checkRateLimit,
  clearRateLimit,
  countRateEvent,
  RATE_LIMITS,
} from "./rate-limit";
import { openSession } from "./sessions";
import { checkStaffEnrolmentLink } from "./staff-enrolment";
import { findStaffCredentials, useStaffEnrolmentLink } from "./staff-repository";
import {
  beginTwoFactorEnrolment,
  confirmTwoFactorEnrolment,
  type Principal,
  type TwoFactorEnrolment,
  verifySecondFactor,
} from "./two-factor";
import { type CredentialsRow, findUserCredentials } from "./user-repository";
import { normalizeEmail } from "./users";

/**
 * Log-in in steps. The password step answers one of: signed in (a ticket), "enter your code"
 * or, for staff without two-factor, "set it up first" (a challenge). A challenge is a random
 * token kept in Redis for five minutes that stands for "this password was right"; it allows
 * five wrong codes. A ticket is a one-minute, single-use token the app's Auth.js turns into a
 * session: every check happens here, and Auth.js only redeems the outcome.
 */
export type AccountKind = "user" | "staff";

export type PasswordStepResult =
  | { next: "signed-in"; ticket: string }
  | { next: "code"; challenge: string }
  | { next: "enrol"; challenge: string };

interface Challenge {
  kind: AccountKind;
  id: number;
  email: string;
  step: "code" | "enrol";
  attempts: number;
  /** Staff enrolment: the administrator's set-up link that opened it (identity/staff-enrolment.ts). */
  enrolmentLinkId?: number;
}

const CHALLENGE_TTL_S = 5 * 60;
const CHALLENGE_MAX_ATTEMPTS = 5;
const TICKET_TTL_S = 60;
const WRONG_CREDENTIALS = "Incorrect email or password.";

type Account = CredentialsRow;

function findAccount(db: Store, kind: AccountKind, email: string): Promise<Account | null> {
  return kind === "user" ? findUserCredentials(db, email) : findStaffCredentials(db, email);
}

/**
 * The password step. Refused up front while the account (10 failures / 15 min) or the address
 * (30 / 15 min) is over its limit; a wrong password counts against both. The same answer and
 * the same work for an unknown email as for a wrong password. An unverified email is told so
 * only after the right password, so the message reveals nothing to a stranger. Staff without
 * two-factor enrol only with an administrator's set-up link (`enrolmentToken`).
 */
export async function logInWithPassword(
  services: Services,
  input: {
    kind: AccountKind;
    email: string;
    password: string;
    ip: string | undefined;
    /** The browser's user agent, for the audit of a failed attempt. */
    userAgent?: string | undefined;
    enrolmentToken?: string | undefined;
  },
): Promise<PasswordStepResult> {
  const email = normalizeEmail(input.email);
  await assertLogInAllowed(services, input.kind, email, input.ip);
  const account = await findAccount(services.db, input.kind, email);
  const valid = await verifyPassword(
    account?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!account || !valid || !account.active) {
    await countLogInFailure(services, input.kind, email, input.ip);
    await auditLogInFailure(
      services,
      { kind: input.kind, email, account },
      "wrong-password",
      input,
    );
    throw new AppError(AppErrorCode.INVALID_CREDENTIALS, WRONG_CREDENTIALS);
  }
  if (!account.emailVerified) {
    throw new AppError(
      AppErrorCode.EMAIL_NOT_VERIFIED,
      "Please verify your email first: follow the link we sent you.",
    );
  }
  if (account.twoFactorOn)
    return { next: "code", challenge: await openChallenge(services, account, input.kind, "code") };
  if (input.kind === "staff") {
    const enrolmentLinkId = await checkStaffEnrolmentLink(services.db, {
      staffId: account.id,
      token: input.enrolmentToken,
      now: clockDate(services.clock),
    });
    return {
      next: "enrol",
      challenge: await openChallenge(services, account, input.kind, "enrol", enrolmentLinkId),
    };
  }
  await clearLogInFailures(services, input.kind, email);
  return {
    next: "signed-in",
    ticket: await issueTicket(services, input.kind, account.id, "password"),
  };
}

/** The code step: a TOTP or recovery code for the challenge's account. */
export async function logInWithCode(
  services: Services,
  input: {
    challenge: string;
    code: string;
    ip: string | undefined;
    userAgent?: string | undefined;
  },
): Promise<{ ticket: string }> {
  const challenge = await readChallenge(services, input.challenge, "code");
  await assertLogInAllowed(services, challenge.kind, challenge.email, input.ip);
  const principal = principalOf(challenge);
  let method: "totp" | "recovery-code";
  try {
    method = await verifySecondFactor(services, principal, input);
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.INVALID_TWO_FACTOR_CODE) {
      await countCodeFailure(services, input.challenge, challenge, input.ip);
      await auditLogInFailure(services, challenge, "wrong-code", input);
    }
    throw error;
  }
  return finishLogIn(services, input.challenge, challenge, method, input.ip);
}

/** Staff without two-factor, between password and console: the secret to enrol. */
export async function beginLogInEnrolment(
  services: Services,
  input: { challenge: string },
): Promise<TwoFactorEnrolment & { email: string }> {
  const challenge = await readChallenge(services, input.challenge, "enrol");
  const enrolment = await beginTwoFactorEnrolment(services, principalOf(challenge));
  return { ...enrolment, email: challenge.email };
}

/** Confirms the enrolment with a code; signs in and returns the recovery codes to show once. */
export async function confirmLogInEnrolment(
  services: Services,
  input: { challenge: string; code: string; ip: string | undefined },
): Promise<{ ticket: string; recoveryCodes: string[] }> {
  const challenge = await readChallenge(services, input.challenge, "enrol");
  let recoveryCodes: string[];
  try {
    ({ recoveryCodes } = await confirmTwoFactorEnrolment(services, principalOf(challenge), {
      ...input,
      claim: (tx) => claimEnrolmentLink(tx, challenge, clockDate(services.clock)),
    }));
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.INVALID_TWO_FACTOR_CODE) {
      await countCodeFailure(services, input.challenge, challenge, input.ip);
    }
    throw error;
  }
  const { ticket } = await finishLogIn(services, input.challenge, challenge, "enrolment", input.ip);
  return { ticket, recoveryCodes };
}

/**
 * Auth.js's side: the account a ticket names, once, and the server-side session opened for it
 * (identity/sessions.ts), which the cookie then names.
 */
export async function redeemSignInTicket(
  services: Services,
  input: {
    kind: AccountKind;
    ticket: string;
    sessionMaxAgeS: number;
    /** Where the browser signs in from: kept on the session and in the audit log. */
    client?: RequestClient;
  },
): Promise<{ id: number; sessionId: string }> {
  const stored = await services.redis.getdel(ticketKey(services, input.ticket));
  const parsed = stored ? (JSON.parse(stored) as StoredTicket) : null;
  if (!parsed || parsed.kind !== input.kind) {
    throw new AppError(
      AppErrorCode.INVALID_CREDENTIALS,
      "Your log-in expired. Please log in again.",
    );
  }
  const principal = { type: parsed.kind === "user" ? "USER" : "STAFF", id: parsed.id } as const;
  const now = clockDate(services.clock);
  const client = input.client ?? {};
  const sessionId = await openSession(services.db, principal, input.sessionMaxAgeS, now, client);
  if (principal.type === "USER") {
    await recordAudit(services.db, {
      actor: { kind: "user", userId: parsed.id },
      action: "user.logged_in",
      target: { type: "user", id: String(parsed.id) },
      ...(parsed.method ? { after: { secondFactor: parsed.method } } : {}),
      ip: client.ip,
      userAgent: client.userAgent,
    });
  }
  return { id: parsed.id, sessionId };
}

/** What a sign-in ticket stands for in Redis: the account, and how its log-in was proved. */
interface StoredTicket {
  kind: AccountKind;
  id: number;
  method?: LogInMethod;
}

/** The factor that completed a log-in, as the `user.logged_in` entry records it. */
type LogInMethod = "password" | "totp" | "recovery-code" | "enrolment";

/**
 * A failed log-in in the audit log, with the address and browser it came from. Whoever typed the
 * password is unknown, so the actor is SYSTEM, never the account holder; the account, when the
 * email names one, is the target (its owner sees the attempt among their recent log-ins). For an
 * unknown email the entry keeps only a keyed digest of what was typed, and only when it looks
 * like an email: never the email itself, and never a password pasted into the email field.
 */
async function auditLogInFailure(
  services: Services,
  attempt: { kind: AccountKind; email: string; account?: Account | null; id?: number },
  reason: "wrong-password" | "wrong-code",
  client: RequestClient,
): Promise<void> {
  const accountId = attempt.account ? attempt.account.id : attempt.id;
  await recordAudit(services.db, {
    actor: { kind: "system" },
    action: `${attempt.kind}.login_failed`,
    ...(accountId === undefined ? {} : { target: { type: attempt.kind, id: String(accountId) } }),
    after:
      accountId === undefined
        ? { reason: "unknown-email", emailDigest: emailDigest(services, attempt.email) }
        : { reason },
    ip: client.ip,
    userAgent: client.userAgent,
  });
}

/**
 * 64 bits of an HMAC of the typed email under a key derived from the server's two-factor key:
 * repeated attempts at one address line up, but staff cannot confirm a guessed address without
 * the key. Nothing is kept for text that is not an email (a password in the wrong field), nor
 * where the process has no key.
 */
function emailDigest(services: Services, typed: string): string | null {
  if (!services.twoFactorKey || !LOOKS_LIKE_EMAIL.test(typed)) return null;
  const key = createHmac("sha256", services.twoFactorKey).update("audit:email-digest").digest();
  return createHmac("sha256", key)
    .update(typed.trim().toLowerCase(), "utf8")
    .digest("hex")
    .slice(0, 16);
}

const LOOKS_LIKE_EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** A ticket for an account whose checks passed elsewhere (tests and benchmarks sign in this way). */
export async function issueTicket(
  services: Services,
  kind: AccountKind,
  id: number,
  method?: LogInMethod,
): Promise<string> {
  const ticket = newToken();
  const stored: StoredTicket = { kind, id, ...(method ? { method } : {}) };
  await services.redis.set(ticketKey(services, ticket), JSON.stringify(stored), "EX", TICKET_TTL_S);
  return ticket;
}

async function finishLogIn(
  services: Services,
  challengeToken: string,
  challenge: Challenge,
  method: "totp" | "recovery-code" | "enrolment",
  ip: string | undefined,
): Promise<{ ticket: string }> {
  await services.redis.del(challengeKey(services, challengeToken));
  await clearLogInFailures(services, challenge.kind, challenge.email);
  if (challenge.kind === "staff") {
    await recordAudit(services.db, {
      actor: { kind: "staff", staffId: challenge.id },
      action: "staff.login",
      after: { secondFactor: method },
      ip,
    });
  }
  return { ticket: await issueTicket(services, challenge.kind, challenge.id, method) };
}

/** Uses up the set-up link with the enrolment it opened, in the same transaction. */
async function claimEnrolmentLink(tx: Tx, challenge: Challenge, now: Date) {
  if (challenge.kind !== "staff") return;
  const claimed =
    challenge.enrolmentLinkId !== undefined &&
    (await useStaffEnrolmentLink(tx, challenge.enrolmentLinkId, now));
  if (!claimed) {
    throw new AppError(
      AppErrorCode.TWO_FACTOR_STATE,
      "This set-up link has already been used or has expired. Ask an administrator for a new one.",
    );
  }
}

function principalOf(challenge: Challenge): Principal {
  return { type: challenge.kind === "user" ? "USER" : "STAFF", id: challenge.id };
}

async function openChallenge(
  services: Services,
  account: Account,
  kind: AccountKind,
  step: Challenge["step"],
  enrolmentLinkId?: number,
): Promise<string> {
  const token = newToken();
  const challenge: Challenge = {
    kind,
    id: account.id,
    email: account.email,
    step,
    attempts: 0,
    ...(enrolmentLinkId === undefined ? {} : { enrolmentLinkId }),
  };
  await services.redis.set(
    challengeKey(services, token),
    JSON.stringify(challenge),
    "EX",
    CHALLENGE_TTL_S,
  );
  return token;
}

async function readChallenge(
  services: Services,
  token: string,
  step: Challenge["step"],
): Promise<Challenge> {
  const stored = await services.redis.get(challengeKey(services, token));
  const challenge = stored ? (JSON.parse(stored) as Challenge) : null;
  if (!challenge || challenge.step !== step) {
    throw new AppError(
      AppErrorCode.TOKEN_EXPIRED,
      "Your log-in took too long or was interrupted. Please log in again.",
    );
  }
  return challenge;
}

/** A wrong code counts as a failed log-in, and a challenge dies after five of them. */
async function countCodeFailure(
  services: Services,
  token: string,
  challenge: Challenge,
  ip: string | undefined,
): Promise<void> {
  await countLogInFailure(services, challenge.kind, challenge.email, ip);
  const key = challengeKey(services, token);
  const attempts = challenge.attempts + 1;
  if (attempts >= CHALLENGE_MAX_ATTEMPTS) await services.redis.del(key);
  else await services.redis.set(key, JSON.stringify({ ...challenge, attempts }), "KEEPTTL");
}

async function assertLogInAllowed(
  services: Services,
  kind: AccountKind,
  email: string,
  ip: string | undefined,
): Promise<void> {
  const { redis, redisPrefix: prefix } = services;
  const what = "Too many failed log-in attempts.";
  await checkRateLimit(redis, prefix, RATE_LIMITS.logInAccount, accountSubject(kind, email), what);
  await checkRateLimit(redis, prefix, RATE_LIMITS.logInIp, `${kind}:${ipSubject(ip)}`, what);
}

async function countLogInFailure(
  services: Services,
  kind: AccountKind,
  email: string,
  ip: string | undefined,
): Promise<void> {
  const { redis, redisPrefix: prefix } = services;
  await countRateEvent(redis, prefix, RATE_LIMITS.logInAccount, accountSubject(kind, email));
  await countRateEvent(redis, prefix, RATE_LIMITS.logInIp, `${kind}:${ipSubject(ip)}`);
}

async function clearLogInFailures(
  services: Services,
  kind: AccountKind,
  email: string,
): Promise<void> {
  await clearRateLimit(
    services.redis,
    services.redisPrefix,
    RATE_LIMITS.logInAccount,
    accountSubject(kind, email),
  );
}

function challengeKey(services: Services, token: string): string {
  return `${services.redisPrefix}login:challenge:${hashToken(token)}`;
}

function ticketKey(services: Services, token: string): string {
  return `${services.redisPrefix}login:ticket:${hashToken(token)}`;
}

import { createLogger } from "@exchange/protocol/log";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { type LogInState, ZLogInInput } from "../lib/credentials";
import { safeRedirectPath } from "../lib/safe-redirect";

/** Failures of the auth library itself (a failed password is not one). */
const log = createLogger("auth");

/**
 * The log-in steps of both apps, as form actions: the password, then (when the API asks) a
 * two-factor code or, for staff without it, enrolment. The API decides each step; these
 * functions carry its answers between pages and turn its final ticket into a session.
 *
 * Typed by shape, so this package needs no dependency on the API.
 */

/** The API's answer to the password step (packages/api identity/log-in.ts). */
export type PasswordStepAnswer =
  | { next: "signed-in"; ticket: string }
  | { next: "code"; challenge: string }
  | { next: "enrol"; challenge: string };

/** The app's Auth.js `signIn`, as a ticket sign-in calls it. */
export type TicketSignIn = (
  provider: "credentials",
  options: { ticket: string; redirectTo?: string; redirect?: boolean },
) => Promise<unknown>;

export interface LogInFlow {
  signIn: TicketSignIn;
  /** Where a finished log-in goes when the form names no safe `next`. */
  landingPath: string;
  /** Cookie that carries the challenge from the password step to the next (httpOnly). */
  challengeCookie: string;
  /** The code step's page, and (staff) the enrolment page. */
  codePath: string;
  enrolPath?: string;
}

/** Error codes whose message is written for the person (packages/api AppErrorCode). */
const SPOKEN_CODES = new Set([
  "INVALID_CREDENTIALS",
  "EMAIL_NOT_VERIFIED",
  "RATE_LIMITED",
  "TOKEN_EXPIRED",
  "TOKEN_INVALID",
  "TOKEN_USED",
  "INVALID_TWO_FACTOR_CODE",
  "TWO_FACTOR_STATE",
  "INVALID_INPUT",
]);

/** The API error's code when it is one to show the person, else undefined. */
export function spokenErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && SPOKEN_CODES.has(code) ? code : undefined;
}

const CHALLENGE_MAX_AGE_S = 5 * 60;

/** The password step's form action. */
export async function logInFromForm(
  form: FormData,
  flow: LogInFlow & {
    checkPassword(credentials: { email: string; password: string }): Promise<PasswordStepAnswer>;
  },
): Promise<LogInState> {
  const email = String(form.get("email") ?? "");
  const input = ZLogInInput.safeParse({ email, password: String(form.get("password") ?? "") });
  if (!email.trim() || !input.success) return { email, error: "Enter your email and password." };
  const next = safeRedirectPath(form.get("next"), flow.landingPath);
  let answer: PasswordStepAnswer;
  try {
    answer = await flow.checkPassword(input.data);
  } catch (error) {
    const code = spokenErrorCode(error);
    if (!code) throw error;
    return { email, error: (error as Error).message, unverified: code === "EMAIL_NOT_VERIFIED" };
  }
  if (answer.next === "signed-in") return signInWithTicket(flow.signIn, answer.ticket, next, email);
  await setChallenge(flow.challengeCookie, answer.challenge);
  const stepPath = answer.next === "code" ? flow.codePath : (flow.enrolPath ?? flow.codePath);
  redirect(`${stepPath}?next=${encodeURIComponent(next)}`);
}

/** The code step's form action: a TOTP or recovery code for the challenge in the cookie. */
export async function logInWithCodeFromForm(
  form: FormData,
  flow: LogInFlow & {
    checkCode(input: { challenge: string; code: string }): Promise<{ ticket: string }>;
  },
): Promise<LogInState> {
  const code = String(form.get("code") ?? "").trim();
  const next = safeRedirectPath(form.get("next"), flow.landingPath);
  if (!code) return { error: "Enter the 6-digit code from your app, or a recovery code." };
  const challenge = await readChallenge(flow.challengeCookie);
  if (!challenge) return expiredChallenge();
  try {
    const { ticket } = await flow.checkCode({ challenge, code });
    await clearChallenge(flow.challengeCookie);
    return await signInWithTicket(flow.signIn, ticket, next);
  } catch (error) {
    if (!spokenErrorCode(error)) throw error;
    return { error: (error as Error).message, restart: spokenErrorCode(error) === "TOKEN_EXPIRED" };
  }
}

function expiredChallenge(): LogInState {
  return {
    error: "Your log-in took too long or was interrupted. Please log in again.",
    restart: true,
  };
}

/** Signs in with a ticket and redirects (Next's redirect signal must propagate). */
export async function signInWithTicket(
  signIn: TicketSignIn,
  ticket: string,
  redirectTo: string,
  email?: string,
): Promise<LogInState> {
  try {
    await signIn("credentials", { ticket, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { email, ...expiredChallenge() };
    if (error instanceof AuthError) {
      log.error("log-in failed", { error });
      return { email, error: "We could not log you in just now. Please try again in a moment." };
    }
    throw error;
  }
}

/** Signs in with a ticket without redirecting (the page has more to show first). */
export async function signInWithTicketInPlace(signIn: TicketSignIn, ticket: string) {
  await signIn("credentials", { ticket, redirect: false });
}

async function setChallenge(name: string, challenge: string): Promise<void> {
  (await cookies()).set(name, challenge, {
    httpOnly: true,
    sameSite: "lax",
    path: "/login",
    maxAge: CHALLENGE_MAX_AGE_S,
  });
}

/** The challenge of a log-in in progress, if any. */
export async function readChallenge(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value;
}

export async function clearChallenge(name: string): Promise<void> {
  (await cookies()).set(name, "", { httpOnly: true, sameSite: "lax", path: "/login", maxAge: 0 });
}

import { createLogger } from "@exchange/protocol/log";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
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

interface LooseTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * A spoken API error in the request's language, for a form action's answer: English reads the
 * server's own sentence (it can be more specific), other languages the catalog's sentence for
 * the code (`ui.errors`), as the browser's `useErrorText` does for tRPC errors.
 */
export async function spokenErrorText(error: unknown): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  const code = spokenErrorCode(error);
  if (!code || (await getLocale()) === "en") return message;
  // Keys built from the error's code: checked with `has` at run time.
  const t = (await getTranslations("ui.errors")) as unknown as LooseTranslator;
  const retryAfterS = (error as { retryAfterS?: unknown }).retryAfterS;
  const seconds = typeof retryAfterS === "number" ? retryAfterS : 0;
  return t.has(code) ? t(code, { seconds, reference: "" }) : message;
}

/** A log-in form's own words (`ui.loginForm`, `ui.codeForm`), in the request's language. */
async function formWords(namespace: "ui.loginForm" | "ui.codeForm") {
  return (await getTranslations(namespace)) as unknown as LooseTranslator;
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
  if (!email.trim() || !input.success) {
    return { email, error: (await formWords("ui.loginForm"))("missingCredentials") };
  }
  const next = safeRedirectPath(form.get("next"), flow.landingPath);
  let answer: PasswordStepAnswer;
  try {
    answer = await flow.checkPassword(input.data);
  } catch (error) {
    const code = spokenErrorCode(error);
    if (!code) throw error;
    return {
      email,
      error: await spokenErrorText(error),
      unverified: code === "EMAIL_NOT_VERIFIED",
    };
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
  if (!code) return { error: (await formWords("ui.codeForm"))("missingCode") };
  const challenge = await readChallenge(flow.challengeCookie);
  if (!challenge) return await expiredChallenge();
  try {
    const { ticket } = await flow.checkCode({ challenge, code });
    await clearChallenge(flow.challengeCookie);
    return await signInWithTicket(flow.signIn, ticket, next);
  } catch (error) {
    if (!spokenErrorCode(error)) throw error;
    return {
      error: await spokenErrorText(error),
      restart: spokenErrorCode(error) === "TOKEN_EXPIRED",
    };
  }
}

async function expiredChallenge(): Promise<LogInState> {
  return { error: (await formWords("ui.codeForm"))("expired"), restart: true };
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
    if (error instanceof CredentialsSignin) return { email, ...(await expiredChallenge()) };
    if (error instanceof AuthError) {
      log.error("log-in failed", { error });
      return { email, error: (await formWords("ui.codeForm"))("signInFailed") };
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

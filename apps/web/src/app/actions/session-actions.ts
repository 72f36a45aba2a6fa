"use server";

import { logInWithCode, logInWithPassword } from "@exchange/api";
import type { LogInState, ResendAnswer } from "@exchange/ui";
import { clientIp, logInFromForm, logInWithCodeFromForm, requestClient } from "@exchange/ui/server";
import { headers } from "next/headers";
import { signIn, signOut } from "@/auth";
import { CHALLENGE_COOKIE, HOME_PATH } from "@/lib/paths";
import { resendVerificationFor } from "@/server/identity-actions";
import { getServices } from "@/server/services";

const FLOW = {
  signIn,
  landingPath: HOME_PATH,
  challengeCookie: CHALLENGE_COOKIE,
  codePath: "/login/code",
};

async function requestIp(): Promise<string | undefined> {
  return clientIp(await headers());
}

/** The address and browser a log-in attempt comes from, for its audit entry. */
async function requestFrom() {
  return requestClient(await headers());
}

/** The password step. Signs in, or moves on to the code step when two-factor is on. */
export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  const services = await getServices();
  const { ip, userAgent } = await requestFrom();
  return logInFromForm(form, {
    ...FLOW,
    checkPassword: (credentials) =>
      logInWithPassword(services, { kind: "user", ...credentials, ip, userAgent }),
  });
}

/** The code step: a TOTP or recovery code. */
export async function logInWithCodeAction(
  _previous: LogInState,
  form: FormData,
): Promise<LogInState> {
  const services = await getServices();
  const { ip, userAgent } = await requestFrom();
  return logInWithCodeFromForm(form, {
    ...FLOW,
    checkCode: (input) => logInWithCode(services, { ...input, ip, userAgent }),
  });
}

/** "Resend verification email" from the log-in form. */
export async function resendVerification(email: string): Promise<ResendAnswer> {
  return resendVerificationFor(email, await requestIp());
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: HOME_PATH });
}

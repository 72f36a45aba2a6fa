"use server";

import {
  chooseInvitedStaffPassword,
  confirmLogInEnrolment,
  logInWithCode,
  logInWithPassword,
} from "@exchange/api";
import { ZPassword } from "@exchange/api/client";
import type { LogInState } from "@exchange/ui";
import {
  clearChallenge,
  clientIp,
  logInFromForm,
  logInWithCodeFromForm,
  readChallenge,
  requestClient,
  signInWithTicketInPlace,
  spokenErrorCode,
  spokenErrorText,
} from "@exchange/ui/server";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { signIn, signOut } from "@/auth";
import { CHALLENGE_COOKIE } from "@/lib/log-in";
import { getServices } from "@/server/services";

const FLOW = {
  signIn,
  landingPath: "/",
  challengeCookie: CHALLENGE_COOKIE,
  codePath: "/login/code",
  enrolPath: "/login/enrol",
};

async function requestIp(): Promise<string | undefined> {
  return clientIp(await headers());
}

/** The address and browser a log-in attempt comes from, for its audit entry. */
async function requestFrom() {
  return requestClient(await headers());
}

/**
 * Password step: then a code, or enrolment for staff who have no two-factor yet, which needs
 * the administrator's set-up link (its token comes with the form).
 */
export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  const services = await getServices();
  const { ip, userAgent } = await requestFrom();
  const enrol = form.get("enrol");
  const enrolmentToken = typeof enrol === "string" && enrol.length <= 100 ? enrol : undefined;
  return logInFromForm(form, {
    ...FLOW,
    checkPassword: (credentials) =>
      logInWithPassword(services, {
        kind: "staff",
        ...credentials,
        ip,
        userAgent,
        enrolmentToken,
      }),
  });
}

/** Code step: a TOTP or recovery code; the API audits the log-in. */
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

export interface EnrolState {
  error?: string;
  restart?: boolean;
  /** Shown once, after which the console opens (the session already exists). */
  recoveryCodes?: string[];
}

/** Confirms enrolment with a code, signs in, and answers the recovery codes to show. */
export async function confirmEnrolmentAction(
  _previous: EnrolState,
  form: FormData,
): Promise<EnrolState> {
  const code = String(form.get("code") ?? "").trim();
  const t = await getTranslations("auth.enrol");
  if (!/^\d{6}$/.test(code)) return { error: t("missingCode") };
  const challenge = await readChallenge(CHALLENGE_COOKIE);
  if (!challenge) return { error: t("tookTooLong"), restart: true };
  try {
    const { ticket, recoveryCodes } = await confirmLogInEnrolment(await getServices(), {
      challenge,
      code,
      ip: await requestIp(),
    });
    await clearChallenge(CHALLENGE_COOKIE);
    await signInWithTicketInPlace(signIn, ticket);
    return { recoveryCodes };
  } catch (error) {
    const errorCode = spokenErrorCode(error);
    if (!errorCode) throw error;
    return { error: await spokenErrorText(error), restart: errorCode === "TOKEN_EXPIRED" };
  }
}

export interface InviteState {
  error?: string;
}

/**
 * An invitee's first password, from the mailed link: checked against the traders' password
 * rules, stored, then the log-in's password step runs with the same link, which leads to the
 * two-factor enrolment (that step uses the link up and opens the console).
 */
export async function acceptInviteAction(
  _previous: InviteState,
  form: FormData,
): Promise<InviteState> {
  const t = await getTranslations("auth.invite");
  const token = String(form.get("token") ?? "");
  const password = String(form.get("password") ?? "");
  if (!token || token.length > 100) return { error: t("invalid") };
  if (!ZPassword.safeParse(password).success) return { error: t("passwordRules") };
  if (password !== String(form.get("confirm") ?? "")) return { error: t("mismatch") };
  const services = await getServices();
  const { ip, userAgent } = await requestFrom();
  let email: string;
  try {
    ({ email } = await chooseInvitedStaffPassword(services, { token, password, ip }));
  } catch (error) {
    if (!spokenErrorCode(error)) throw error;
    return { error: await spokenErrorText(error) };
  }
  const logInForm = new FormData();
  logInForm.set("email", email);
  logInForm.set("password", password);
  const state = await logInFromForm(logInForm, {
    ...FLOW,
    checkPassword: (credentials) =>
      logInWithPassword(services, {
        kind: "staff",
        ...credentials,
        ip,
        userAgent,
        enrolmentToken: token,
      }),
  });
  return { ...(state.error ? { error: state.error } : {}) };
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

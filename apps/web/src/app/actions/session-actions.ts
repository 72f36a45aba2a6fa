"use server";

import type { LogInInput, LogInState } from "@exchange/ui";
import { logInFromForm, signInWithPassword } from "@exchange/ui/server";
import { signIn, signOut } from "@/auth";
import { HOME_PATH } from "@/lib/paths";

/** The log-in form's action. On success the trader is redirected (to `next` if it is safe). */
export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  return logInFromForm(form, { signIn, landingPath: HOME_PATH });
}

/** Logs a trader in right after registration, with the credentials just accepted. */
export async function logInAfterRegistration(credentials: LogInInput): Promise<LogInState> {
  return signInWithPassword(signIn, credentials, HOME_PATH);
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: HOME_PATH });
}

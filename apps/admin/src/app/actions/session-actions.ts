"use server";

import type { LogInState } from "@exchange/ui";
import { logInFromForm } from "@exchange/ui/server";
import { signIn, signOut } from "@/auth";

/** The staff log-in form's action. On success: `next` if it is same-site, else the dashboard. */
export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  return logInFromForm(form, { signIn, landingPath: "/" });
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

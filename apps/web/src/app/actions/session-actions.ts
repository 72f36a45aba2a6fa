"use server";

import { type LogInState, safeRedirectPath } from "@exchange/ui";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { HOME_PATH } from "@/lib/paths";

/** The log-in form's action. On success the trader is redirected (to `next` if it is safe). */
export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  if (!email.trim() || !password) {
    return { email, error: "Enter your email and password." };
  }
  return signInWithPassword({ email, password }, safeRedirectPath(form.get("next"), HOME_PATH));
}

/** Logs a trader in right after registration, with the credentials just accepted. */
export async function logInAfterRegistration(credentials: {
  email: string;
  password: string;
}): Promise<LogInState> {
  return signInWithPassword(credentials, HOME_PATH);
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: HOME_PATH });
}

async function signInWithPassword(
  credentials: { email: string; password: string },
  redirectTo: string,
): Promise<LogInState> {
  try {
    // Redirects on success by throwing Next's redirect signal, which must propagate.
    await signIn("credentials", { ...credentials, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { email: credentials.email, error: "Incorrect email or password." };
    }
    if (error instanceof AuthError) {
      console.error("log-in failed:", error);
      return {
        email: credentials.email,
        error: "We could not log you in just now. Please try again in a moment.",
      };
    }
    throw error;
  }
}

"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";

export interface LogInState {
  /** What went wrong, in words fit for the trader; never which of email or password. */
  error?: string;
  /** The email typed, so a failed attempt does not make the trader type it again. */
  email?: string;
}

/** The log-in form's action. On success the trader is redirected (to `next` if it is safe). */
export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  if (!email.trim() || !password) {
    return { email, error: "Enter your email and password." };
  }
  return signInWithPassword({ email, password }, safeRedirectPath(form.get("next")));
}

/** Logs a trader in right after registration, with the credentials just accepted. */
export async function logInAfterRegistration(credentials: {
  email: string;
  password: string;
}): Promise<LogInState> {
  return signInWithPassword(credentials, safeRedirectPath(undefined));
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/markets" });
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

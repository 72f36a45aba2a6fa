"use server";

import { type LogInState, safeRedirectPath } from "@exchange/ui";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";

export async function logIn(_previous: LogInState, form: FormData): Promise<LogInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  if (!email.trim() || !password) return { email, error: "Enter your email and password." };
  try {
    // Redirects on success by throwing Next's redirect signal, which must propagate.
    await signIn("credentials", {
      email,
      password,
      redirectTo: safeRedirectPath(form.get("next"), "/"),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { email, error: "Incorrect email or password." };
    if (error instanceof AuthError) {
      console.error("staff log-in failed:", error);
      return { email, error: "We could not log you in just now. Please try again in a moment." };
    }
    throw error;
  }
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

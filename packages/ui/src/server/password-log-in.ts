import { AuthError, CredentialsSignin } from "next-auth";
import type { LogInInput, LogInState } from "../lib/credentials";
import { safeRedirectPath } from "../lib/safe-redirect";

/** The app's Auth.js `signIn`, as a password log-in calls it. */
type PasswordSignIn = (
  provider: "credentials",
  options: LogInInput & { redirectTo: string },
) => Promise<unknown>;

/**
 * The body of a log-in form's server action: both fields present, then sign in and go to the
 * form's `next` if it is a same-site path, else to the app's `landingPath`.
 */
export async function logInFromForm(
  form: FormData,
  { signIn, landingPath }: { signIn: PasswordSignIn; landingPath: string },
): Promise<LogInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  if (!email.trim() || !password) return { email, error: "Enter your email and password." };
  const redirectTo = safeRedirectPath(form.get("next"), landingPath);
  return signInWithPassword(signIn, { email, password }, redirectTo);
}

/** Signs in and redirects, or says why not in words fit for the form. */
export async function signInWithPassword(
  signIn: PasswordSignIn,
  credentials: LogInInput,
  redirectTo: string,
): Promise<LogInState> {
  const { email } = credentials;
  try {
    // Redirects on success by throwing Next's redirect signal, which must propagate.
    await signIn("credentials", { ...credentials, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) return { email, error: "Incorrect email or password." };
    if (error instanceof AuthError) {
      console.error("log-in failed:", error);
      return { email, error: "We could not log you in just now. Please try again in a moment." };
    }
    throw error;
  }
}

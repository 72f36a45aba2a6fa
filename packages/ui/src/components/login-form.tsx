"use client";

import { useActionState } from "react";
import type { LogInState } from "../lib/credentials";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/**
 * Email and password, sent to the app's own log-in server action (each app signs in against
 * its own Auth.js instance). Works before the script loads: it is a plain form post.
 */
export function LoginForm({
  logIn,
  emailLabel = "Email",
  next,
}: {
  logIn: (previous: LogInState, form: FormData) => Promise<LogInState>;
  emailLabel?: string;
  /** Where to go after logging in; the action decides whether it is safe to follow. */
  next?: string | undefined;
}) {
  const [state, action, pending] = useActionState<LogInState, FormData>(logIn, {});
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField
        // Re-mounted with each answer so it shows the email last submitted.
        key={state.email ?? ""}
        label={emailLabel}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        defaultValue={state.email}
        required
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pending={pending}>Log in</SubmitButton>
    </form>
  );
}
